import Foundation
import LedeCore

extension AttributionModel {
    /// Tags one document and assembles its quotations. `x` must have run; `rules` is what it found
    /// (the rules' matches are features, not the answer).
    func quotations(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph]) -> [FoundQuote] {
        var confidence: ((Double) -> Double)?
        if let c = header.confidence_calibration, c.count == 2 {
            let calibration = ConfidenceCalibration(slope: c[0], intercept: c[1])
            confidence = { calibration($0) }
        }
        return quotations(x, rules: rules, paragraphs: paragraphs, confidence: confidence)
    }

    /// `confidence` maps a content's mean tag margin to the quotation's confidence (nil: fixed values).
    func quotations(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph], confidence: ((Double) -> Double)?) -> [FoundQuote] {
        let (labels, margins) = tagsAndMargins(x, rules: rules, paragraphs: paragraphs)
        return TripleAssembler(x: x).assemble(labels, rules: rules, margins: confidence == nil ? nil : margins, confidence: confidence)
    }

    func tags(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph]) -> [UInt8] {
        tagsAndMargins(x, rules: rules, paragraphs: paragraphs).labels
    }

    /// The decoded tags of one document (the first pass's, then the second pass's when there is
    /// one) and each tag's margin over the best other label's emission score.
    func tagsAndMargins(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph]) -> (labels: [UInt8], margins: [Float]) {
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
        return (labels, Self.margins(scratch.emissions, labels))
    }

    /// How far each decoded label's emission score leads the best other label's: a tag the
    /// features barely chose has a small margin, and so has a quotation made of such tags.
    static func margins(_ e: [Float], _ labels: [UInt8]) -> [Float] {
        let S = AttributionWeights.stride, L = AttributionLabel.count
        var out = [Float](repeating: 0, count: labels.count)
        e.withUnsafeBufferPointer { e in
            for i in labels.indices {
                let mine = Int(labels[i])
                var best = -Float.infinity
                for b in 0..<L where b != mine { best = max(best, e[i * S + b]) }
                out[i] = e[i * S + mine] - best
            }
        }
        return out
    }
}
