import Foundation
import LedeCore

/// `filter`: lets through only documents that are long enough and match (or avoid) patterns.
///
/// A worked example of a stage that ends a document's journey without an error: it sets
/// `dropReason`, the runner stops the chain and counts the document as dropped, and later emitters
/// never see it.
public struct DocumentFilter: Stage {
    public struct Options: StageOptions, Equatable {
        public var min_words: Int = 0
        public var max_words: Int?
        public var require_any: [String] = []
        public var reject_any: [String] = []
        public var skip_boilerplate: Bool = true
        public init() {}

        public static let spec: [OptionSpec] = [
            .init("min_words", "integer", "Drop documents with fewer words than this."),
            .init("max_words", "integer", "Drop documents with more words than this (no limit when absent)."),
            .init("require_any", "list of regular expressions", "Keep only documents where at least one pattern matches (case-insensitive)."),
            .init("reject_any", "list of regular expressions", "Drop documents where any pattern matches (case-insensitive)."),
            .init("skip_boilerplate", "bool", "Ignore boilerplate paragraphs (footers) when counting and matching."),
        ]

        public func validate() throws {
            if min_words < 0 { throw OptionError(key: "min_words", "must not be negative") }
            if let max_words, max_words < min_words { throw OptionError(key: "max_words", "must be at least min_words (\(min_words))") }
            for (key, list) in [("require_any", require_any), ("reject_any", reject_any)] {
                for p in list where (try? NSRegularExpression(pattern: p)) == nil {
                    throw OptionError(key: key, "'\(p)' is not a valid regular expression")
                }
            }
        }
    }

    public static let descriptor = StageDescriptor(
        name: "filter",
        summary: "Drop documents by length or pattern (example compiled-in stage).",
        requires: [.paragraphs, .tokens])

    let options: Options
    let required: [NSRegularExpression]
    let rejected: [NSRegularExpression]

    public init(options: Options, context: StageContext) throws {
        self.options = options
        required = try options.require_any.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        rejected = try options.reject_any.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
    }

    public func process(_ document: inout Document) throws {
        let content = options.skip_boilerplate ? document.paragraphs.filter { $0.kind != .boilerplate } : document.paragraphs
        let words = document.tokens.filter { t in t.kind == .word && content.contains { $0.span.contains(t.span) } }.count
        if words < options.min_words { document.dropReason = "\(words) words, fewer than min_words \(options.min_words)"; return }
        if let max = options.max_words, words > max { document.dropReason = "\(words) words, more than max_words \(max)"; return }
        let text = content.map { document.string($0.span) }.joined(separator: "\n")
        let range = NSRange(text.startIndex..., in: text)
        if let hit = rejected.first(where: { $0.firstMatch(in: text, range: range) != nil }) {
            document.dropReason = "matches reject_any pattern '\(hit.pattern)'"
            return
        }
        if !required.isEmpty && !required.contains(where: { $0.firstMatch(in: text, range: range) != nil }) {
            document.dropReason = "matches none of the require_any patterns"
        }
    }
}
