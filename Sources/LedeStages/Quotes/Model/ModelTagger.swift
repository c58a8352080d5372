import LedeCore

extension AttributionModel {
    /// Tags one document and assembles its quotations. `x` must have run; `rules` is what it found
    /// (the rules' matches are features, not the answer).
    func quotations(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph]) -> [FoundQuote] {
        let lexicon = lexiconCache.lexicon(cues: x.cues, speakers: x.speakerWords, learnedCues: header.learned_cues ?? [], learnedSources: header.learned_sources ?? [])
        let features = AttributionFeatures(x, rules: rules, paragraphs: paragraphs, lexicon: lexicon)
        var scratch = Viterbi.Scratch()
        tagging.score(features.keys, count: features.count, into: &scratch.emissions)
        var labels = Viterbi.decode(emissions: scratch.emissions, stride: AttributionWeights.stride, transitions: weights.transitions,
                                    count: features.count, scratch: &scratch)
        if let stack, let stackTagging {
            let second = StackedFeatures(x.v, base: features.keys, labels: labels)
            stackTagging.score(second.keys, count: second.count, into: &scratch.emissions)
            labels = Viterbi.decode(emissions: scratch.emissions, stride: AttributionWeights.stride, transitions: stack.transitions,
                                    count: second.count, scratch: &scratch)
        }
        return TripleAssembler(x: x).assemble(labels, rules: rules)
    }
}
