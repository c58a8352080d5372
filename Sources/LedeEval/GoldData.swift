import Foundation

/// One annotated quotation. Offsets are Unicode-scalar (Python code point) offsets into the text.
public struct GoldQuote: Sendable, Equatable {
    public var kind: String
    public var start: Int
    public var end: Int
    public var speaker: String?
    public var speakerStart: Int?
    public var speakerEnd: Int?
    public var cueStart: Int?
    public var cueEnd: Int?
    public init(kind: String, start: Int, end: Int, speaker: String?, speakerStart: Int? = nil, speakerEnd: Int? = nil,
                cueStart: Int? = nil, cueEnd: Int? = nil) {
        self.kind = kind; self.start = start; self.end = end; self.speaker = speaker
        self.speakerStart = speakerStart; self.speakerEnd = speakerEnd; self.cueStart = cueStart; self.cueEnd = cueEnd
    }
}

public struct GoldDocument: Sendable {
    public var id: String
    public var text: String
    public var quotes: [GoldQuote]
    public init(id: String, text: String, quotes: [GoldQuote]) { self.id = id; self.text = text; self.quotes = quotes }
}

/// A predicted quotation reduced to what the scorer compares.
public struct PredictedQuote: Sendable, Equatable {
    public var kind: String
    public var start: Int
    public var end: Int
    /// Resolved speaker name.
    public var speaker: String?
    public var speakerStart: Int?
    public var speakerEnd: Int?
    /// The cue as original-text offsets, for error listings (not scored).
    public var cueStart: Int?
    public var cueEnd: Int?
    public init(kind: String, start: Int, end: Int, speaker: String?, speakerStart: Int? = nil, speakerEnd: Int? = nil,
                cueStart: Int? = nil, cueEnd: Int? = nil) {
        self.kind = kind; self.start = start; self.end = end; self.speaker = speaker
        self.speakerStart = speakerStart; self.speakerEnd = speakerEnd
        self.cueStart = cueStart; self.cueEnd = cueEnd
    }
}

public enum GoldError: Error, CustomStringConvertible {
    case badLine(Int, String)
    public var description: String {
        switch self { case let .badLine(n, m): return "gold line \(n): \(m)" }
    }
}

/// Reads the JSON Lines gold format: `{"id","text","quotes":[{"kind","start","end","speaker",…}]}`.
public enum GoldReader {
    public static func read(path: String) throws -> [GoldDocument] {
        guard let data = FileManager.default.contents(atPath: path) else { throw GoldError.badLine(0, "cannot read \(path)") }
        return try parse(String(decoding: data, as: UTF8.self))
    }

    public static func parse(_ text: String) throws -> [GoldDocument] {
        var docs: [GoldDocument] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = obj["id"] as? String, let body = obj["text"] as? String else {
                throw GoldError.badLine(n + 1, "expected an object with id and text")
            }
            var quotes: [GoldQuote] = []
            for q in obj["quotes"] as? [[String: Any]] ?? [] {
                guard let kind = q["kind"] as? String, let s = q["start"] as? Int, let e = q["end"] as? Int else {
                    throw GoldError.badLine(n + 1, "quote without kind/start/end")
                }
                quotes.append(GoldQuote(kind: kind, start: s, end: e, speaker: q["speaker"] as? String,
                                        speakerStart: q["speaker_start"] as? Int, speakerEnd: q["speaker_end"] as? Int,
                                        cueStart: q["cue_start"] as? Int, cueEnd: q["cue_end"] as? Int))
            }
            docs.append(GoldDocument(id: id, text: body, quotes: quotes))
        }
        return docs
    }
}
