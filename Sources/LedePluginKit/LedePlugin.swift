import Foundation
import LedeCore

/// Everything an external stage written in Swift needs: implement one function, call ``LedePlugin/run``.
///
/// The library hides Lede's JSON Lines protocol (handshake, one document per line, errors as
/// messages rather than crashes), so a plugin is a few lines:
///
/// ```swift
/// LedePlugin.run(name: "word-count", version: "1.0", requires: ["sentences"], provides: ["x.word-count"]) { doc, options in
///     ["x.word-count": .number(Double(doc.text.split(separator: " ").count))]
/// }
/// ```
public enum LedePlugin {
    /// A document as Lede sends it: the original text and its layers, offsets in code points.
    public struct Document: Sendable {
        public let id: String
        public let text: String
        /// The text as scalars: `scalars[span.start..<span.end]` is what a span covers.
        public let scalars: [Unicode.Scalar]
        public let sentences: [TextSpan]
        public let paragraphs: [(span: TextSpan, kind: String)]
        /// The whole document as received, for layers without a typed accessor.
        public let json: JSONValue

        public func string(_ span: TextSpan) -> String { String(scalars: scalars[span.start..<span.end]) }
    }

    /// Returned by the handler: extension layers to add, keyed by their namespaced name.
    public typealias Layers = [String: JSONValue]

    /// Serves the protocol on standard input and output until input ends.
    public static func run(name: String, version: String, requires: [String], provides: [String],
                           handler: (Document, JSONValue) throws -> Layers) -> Never {
        var options: JSONValue = .object([:])
        func send(_ value: JSONValue) {
            var w = JSONWriter(capacity: 1 << 14)
            w.value(value)
            FileHandle.standardOutput.write(Data(w.bytes + [0x0A]))
        }
        while let line = readLine(strippingNewline: true) {
            if line.isEmpty { continue }
            guard let message = try? JSONParser.parse(Array(line.utf8)) else {
                send(.object(["type": .string("error"), "message": .string("the plugin received a line that is not JSON")]))
                continue
            }
            switch message["type"]?.string {
            case "hello":
                options = message["options"] ?? .object([:])
                send(.object(["type": .string("hello"), "protocol": .number(1), "name": .string(name), "version": .string(version),
                              "requires": .array(requires.map { .string($0) }), "provides": .array(provides.map { .string($0) })]))
            case "process":
                guard let document = message["document"], var object = document.object else {
                    send(.object(["type": .string("error"), "message": .string("process message without a document")]))
                    continue
                }
                do {
                    let layers = try handler(parse(document), options)
                    var extensions = object["extensions"]?.object ?? [:]
                    for (key, value) in layers { extensions[key] = value }
                    object["extensions"] = .object(extensions)
                    send(.object(["type": .string("result"), "document": .object(object)]))
                } catch {
                    send(.object(["type": .string("error"), "message": .string("\(error)")]))
                }
            default:
                send(.object(["type": .string("error"), "message": .string("unknown message type")]))
            }
        }
        exit(0)
    }

    static func parse(_ json: JSONValue) -> Document {
        let text = json["text"]?.string ?? ""
        func spans(_ key: String) -> [(TextSpan, JSONValue)] {
            (json[key]?.array ?? []).compactMap { item in
                guard let s = item["start"]?.int, let e = item["end"]?.int, s <= e else { return nil }
                return (TextSpan(s, e), item)
            }
        }
        return Document(id: json["id"]?.string ?? "", text: text, scalars: Array(text.unicodeScalars),
                        sentences: spans("sentences").map(\.0),
                        paragraphs: spans("paragraphs").map { ($0.0, $0.1["kind"]?.string ?? "body") }, json: json)
    }
}
