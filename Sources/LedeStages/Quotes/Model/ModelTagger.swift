import LedeCore

extension AttributionModel {
    /// Tags one document and assembles its quotations. `x` must have run; `rules` is what it found
    /// (the rules' matches are features, not the answer).
    func quotations(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph]) -> [FoundQuote] {
        TripleAssembler(x: x).assemble(tags(x, rules: rules, paragraphs: paragraphs), rules: rules)
    }

    /// The decoded tags of one document: the first pass's, then the second pass's when there is one.
    func tags(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph]) -> [UInt8] {
        let lexicon = lexiconCache.lexicon(cues: x.cues, speakers: x.speakerWords, learnedCues: header.learned_cues ?? [], learnedSources: header.learned_sources ?? [])
        let features = AttributionFeatures(x, rules: rules, paragraphs: paragraphs, lexicon: lexicon)
        var scratch = Viterbi.Scratch()
        let n = features.count
        tagging.score(features.keys, count: n, into: &scratch.emissions)
        var labels = Viterbi.decode(emissions: scratch.emissions, stride: AttributionWeights.stride, transitions: weights.transitions,
                                    count: n, scratch: &scratch)
        if let stack, let stackTagging {
            // Second pass: its stacked keys' scores on top of a share of the first pass's.
            let stacked = StackedFeatures(x.v, base: features.keys, labels: labels)
            stackTagging.score(stacked.keys, count: n, into: &scratch.emissions, keeping: Float(header.stack_first_share ?? 1))
            labels = Viterbi.decode(emissions: scratch.emissions, stride: AttributionWeights.stride, transitions: stack.transitions,
                                    count: n, scratch: &scratch)
        }
        return labels
    }
}
