import LedeCore

/// `keywords`: tags words and phrases given in the pipeline, as the layer `x.keywords`.
///
/// A worked example of a compiled-in stage: typed options with defaults and descriptions, declared
/// requirements (tokens), and a namespaced layer the JSON and CSV (`table: extensions`) emitters export.
public struct KeywordTagger: Stage {
    public struct Options: StageOptions, Equatable {
        /// Label → words or phrases. Matching is case-insensitive, on whole tokens.
        public var terms: [String: [String]] = [:]
        public var layer: String = "x.keywords"
        public init() {}

        public static let spec: [OptionSpec] = [
            .init("terms", "mapping of label to list of strings", "Words or phrases to tag, grouped by label; matched case-insensitively on whole tokens."),
            .init("layer", "string", "Name of the layer the matches are stored under (must contain a dot)."),
        ]

        public func validate() throws {
            if !layer.contains(".") { throw OptionError(key: "layer", "must be namespaced with a dot, such as 'x.keywords'") }
            if terms.isEmpty { throw OptionError(key: "terms", "needs at least one label with words, e.g. { climate: [emissions, heat pump] }") }
            for (label, words) in terms where words.contains(where: { $0.split(separator: " ").isEmpty }) {
                throw OptionError(key: "terms", "label '\(label)' has an empty term")
            }
        }
    }

    public static let descriptor = StageDescriptor(
        name: "keywords",
        summary: "Tag configured words and phrases (example compiled-in stage).",
        requires: [.tokens], provides: ["x.keywords"])

    public static func layers(for options: Options) -> (requires: Set<LayerKey>, provides: Set<LayerKey>) {
        ([.tokens], [LayerKey(options.layer)])
    }

    /// Phrases as lower-cased token sequences, indexed by their first token for a single pass.
    let phrases: [String: [(label: String, tokens: [String])]]
    let layer: String

    public init(options: Options, context: StageContext) throws {
        var index: [String: [(label: String, tokens: [String])]] = [:]
        for (label, words) in options.terms.sorted(by: { $0.key < $1.key }) {
            for phrase in words {
                let tokens = phrase.lowercased().split(separator: " ").map(String.init)
                index[tokens[0], default: []].append((label, tokens))
            }
        }
        phrases = index
        layer = options.layer
    }

    public func process(_ document: inout Document) throws {
        let words = document.tokens.map { document.string($0.span).lowercased() }
        var found: [JSONValue] = []
        for i in words.indices {
            guard let candidates = phrases[words[i]] else { continue }
            for (label, tokens) in candidates where i + tokens.count <= words.count && Array(words[i..<(i + tokens.count)]) == tokens {
                let span = TextSpan(document.tokens[i].span.start, document.tokens[i + tokens.count - 1].span.end)
                let original = document.originalSpan(span)
                found.append(.object(["start": .number(Double(original.start)), "end": .number(Double(original.end)),
                                      "label": .string(label), "text": .string(document.originalString(span))]))
            }
        }
        document.extensions[layer] = .array(found)
    }
}
