import LedeCore

extension AttributionModel {
    /// Tags one document and assembles its quotations. `x` must have run; `rules` is what it found
    /// (the rules' matches are features, not the answer).
    func quotations(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph]) -> [FoundQuote] {
        let lexicon = lexiconCache.lexicon(cues: x.cues, speakers: x.speakerWords, learnedCues: header.learned_cues ?? [], learnedSources: header.learned_sources ?? [])
        let features = AttributionFeatures(x, rules: rules, paragraphs: paragraphs, lexicon: lexicon)
        var scratch = Viterbi.Scratch()
        let n = features.count
        guard let joint, let stack else {
            tagging.score(features.keys, count: n, into: &scratch.emissions)
            let labels = Viterbi.decode(emissions: scratch.emissions, stride: AttributionWeights.stride, transitions: weights.transitions,
                                        count: n, scratch: &scratch)
            return TripleAssembler(x: x).assemble(labels, rules: rules)
        }
        // One read of each first-pass row scores both passes' weights of the first-pass keys.
        var second: [Float] = []
        joint.score(features.keys, count: n, first: &scratch.emissions, second: &second)
        let firstLabels = Viterbi.decode(emissions: scratch.emissions, stride: AttributionWeights.stride, transitions: weights.transitions,
                                         count: n, scratch: &scratch)
        let stacked = StackedFeatures(x.v, base: features.keys, labels: firstLabels)
        joint.addStacked(stacked.keys, count: n, into: &second)
        let labels = Viterbi.decode(emissions: second, stride: AttributionWeights.stride, transitions: stack.transitions, count: n, scratch: &scratch)
        return TripleAssembler(x: x).assemble(labels, rules: rules)
    }
}
