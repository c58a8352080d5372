import Foundation
import LedeCore

/// One labelled (or unlabelled) line of stance data: the `train-stance` / `classify-stance` format.
public struct StanceExample: Sendable, Equatable {
    public var id: String
    public var text: String
    public var target: String
    /// Lowercased label (`favor`, `against`, `neutral`, `none`), or nil when the line has none.
    public var label: String?
    /// The line's original JSON object (for `classify-stance`, which prints it back with additions).
    public var fields: [String: JSONValue]
    public init(id: String, text: String, target: String, label: String?, fields: [String: JSONValue] = [:]) {
        self.id = id; self.text = text; self.target = target; self.label = label; self.fields = fields
    }
}

extension JSONValue {
    /// A field as text: strings as they are, whole numbers without a decimal point (ids are often numbers).
    var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)
        default: return nil
        }
    }
}

public struct StanceDataError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads stance data: JSON lines, or CSV with a header naming `id,text,target,label` (any order).
public enum StanceDataset {
    public static let labels = ["favor", "against", "neutral", "none"]

    /// Reads a file (`-` for standard input); the format is CSV when the name ends in `.csv`.
    public static func read(path: String, requireLabels: Bool) throws -> [StanceExample] {
        let data: Data
        if path == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
            guard let d = FileManager.default.contents(atPath: path) else { throw StanceDataError("cannot read '\(path)'") }
            data = d
        }
        let text = String(decoding: data, as: UTF8.self)
        return path.lowercased().hasSuffix(".csv")
            ? try parseCSV(text, source: path, requireLabels: requireLabels)
            : try parseJSONLines(text, source: path, requireLabels: requireLabels)
    }

    public static func parseJSONLines(_ text: String, source: String, requireLabels: Bool) throws -> [StanceExample] {
        var out: [StanceExample] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard case .object(let o)? = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)) else {
                throw StanceDataError("\(source):\(n + 1): not a JSON object")
            }
            out.append(try example(o, where: "\(source):\(n + 1)", index: out.count, requireLabels: requireLabels))
        }
        return out
    }

    public static func parseCSV(_ text: String, source: String, requireLabels: Bool) throws -> [StanceExample] {
        let rows = csvRows(text)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else { return [] }
        var out: [StanceExample] = []
        for (n, row) in rows.dropFirst().enumerated() where !(row.count == 1 && row[0].isEmpty) {
            var o: [String: JSONValue] = [:]
            for (i, name) in header.enumerated() where i < row.count { o[name] = .string(row[i]) }
            if o["label"] == .string("") { o["label"] = nil }
            out.append(try example(o, where: "\(source):row \(n + 2)", index: out.count, requireLabels: requireLabels))
        }
        return out
    }

    static func example(_ o: [String: JSONValue], where place: String, index: Int, requireLabels: Bool) throws -> StanceExample {
        guard let text = o["text"]?.text else { throw StanceDataError("\(place): missing \"text\"") }
        guard let target = o["target"]?.text, !target.isEmpty else { throw StanceDataError("\(place): missing \"target\"") }
        var label = o["label"]?.text?.lowercased()
        if label == "favour" { label = "favor" }
        if let l = label, !labels.contains(l) {
            throw StanceDataError("\(place): label '\(l)' is not one of \(labels.joined(separator: ", "))")
        }
        if requireLabels, label == nil { throw StanceDataError("\(place): missing \"label\"") }
        return StanceExample(id: o["id"]?.text ?? String(index + 1), text: text, target: target, label: label, fields: o)
    }

    /// RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let d = chars.next() { if d == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = d } } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
