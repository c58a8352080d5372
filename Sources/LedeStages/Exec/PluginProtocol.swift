import Foundation
import LedeCore

/// The JSON Lines protocol between Lede and an external stage (documented in plugins/README.md).
///
/// Lede → plugin: `{"type":"hello","protocol":1,"options":{…}}`, then one
/// `{"type":"process","document":{…}}` per document (the document as the `jsonl` emitter writes it).
/// Plugin → Lede: `{"type":"hello","protocol":1,"name","version","requires":[…],"provides":[…]}`,
/// then per document `{"type":"result","document":{…}}` (optionally with `"drop":"reason"`) or
/// `{"type":"error","message":"…"}`.
public enum PluginProtocol {
    public static let version = 1

    /// What a plugin said about itself in its hello line.
    public struct Hello: Sendable, Equatable {
        public var name: String
        public var version: String
        public var requires: Set<LayerKey>
        public var provides: Set<LayerKey>
    }

    static func helloMessage(options: JSONValue?) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("type"); w.string("hello")
        w.key("protocol"); w.int(version)
        w.key("options"); w.value(options ?? .object([:]))
        w.endObject()
        return w.bytes
    }

    static func processMessage(_ document: Document, sendTokens: Bool) -> [UInt8] {
        var w = JSONWriter(capacity: document.original.utf8.count * 3 + 1024)
        w.beginObject()
        w.key("type"); w.string("process")
        w.key("document")
        DocumentJSON.write(document, to: &w, options: .init(includeText: true, includeTokens: sendTokens), asValue: true)
        w.endObject()
        return w.bytes
    }

    static func parse(_ line: [UInt8]) throws -> JSONValue {
        let preview = { String(decoding: line.prefix(80), as: UTF8.self).debugDescription }
        guard let value = try? JSONParser.parse(line) else {
            throw PluginProcess.Failure.malformed("answered with a line that is not a JSON object: \(preview())")
        }
        guard value.object != nil else { throw PluginProcess.Failure.malformed("answered with JSON that is not an object: \(preview())") }
        return value
    }

    static func hello(from value: JSONValue) throws -> Hello {
        guard value["type"]?.string == "hello" else {
            throw PluginProcess.Failure.malformed("first line must be {\"type\":\"hello\",…}, got type \(value["type"]?.string ?? "none")")
        }
        guard value["protocol"]?.int == version else {
            throw PluginProcess.Failure.malformed("speaks protocol \(value["protocol"]?.int.map(String.init) ?? "?"), Lede speaks \(version)")
        }
        func layers(_ key: String) -> Set<LayerKey> { Set((value[key]?.array ?? []).compactMap { $0.string }.map { LayerKey($0) }) }
        return Hello(name: value["name"]?.string ?? "?", version: value["version"]?.string ?? "?",
                     requires: layers("requires"), provides: layers("provides"))
    }
}
