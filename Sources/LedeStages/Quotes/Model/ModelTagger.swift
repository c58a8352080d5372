import LedeCore

extension AttributionModel {
    /// Tags one document and assembles its quotations. `x` must have run; `rules` is what it found
    /// (the rules' matches are features, not the answer).
    func quotations(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph]) -> [FoundQuote] {
        let features = AttributionFeatures(x, rules: rules, paragraphs: paragraphs)
        let labels = weights.decode(features.keys, count: features.count)
        return TripleAssembler(x: x).assemble(labels, rules: rules)
    }
}
