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
        if stack == nil { addRoleBiases(to: &scratch.emissions, count: n) }
        var labels = Viterbi.decode(emissions: scratch.emissions, stride: AttributionWeights.stride, transitions: weights.transitions,
                                    count: n, scratch: &scratch)
        if let stack, let stackTagging {
            // Second pass: its stacked keys' scores on top of a share of the first pass's.
            let stacked = StackedFeatures(x.v, base: features.keys, labels: labels)
            stackTagging.score(stacked.keys, count: n, into: &scratch.emissions, keeping: Float(header.stack_first_share ?? 1))
            addRoleBiases(to: &scratch.emissions, count: n)
            labels = Viterbi.decode(emissions: scratch.emissions, stride: AttributionWeights.stride, transitions: stack.transitions,
                                    count: n, scratch: &scratch)
        }
        return (labels, Self.margins(scratch.emissions, labels))
    }

    /// Shifts the final decode's source, cue and content scores by the model's tuned biases.
    func addRoleBiases(to e: inout [Float], count n: Int) {
        for role in RoleBias.allCases {
            let bias = Float(header[keyPath: role.keyPath] ?? 0)
            guard bias != 0 else { continue }
            let S = AttributionWeights.stride
            let b = Int(AttributionLabel.begin(role: role.labelRole).rawValue), i = Int(AttributionLabel.inside(role: role.labelRole).rawValue)
            for t in 0..<n { e[t * S + b] += bias; e[t * S + i] += bias }
        }
    }

    /// The bias of `role` among its grid under which `score` (dev e2e-F1) is highest, the other
    /// biases as they are; ties go to the value nearest 0.
    public func tunedBias(_ role: RoleBias, score: (AttributionModel) -> Double, log: (String) -> Void) -> Double {
        var best = (bias: 0.0, score: -Double.infinity)
        for bias in role.grid {
            var m = self
            m.header[keyPath: role.keyPath] = bias
            let s = score(m)
            log("\(role.rawValue) bias " + String(format: "%+.2f: dev %.4f", bias, s))
            if s > best.score || s == best.score && abs(bias) < abs(best.bias) { best = (bias, s) }
        }
        return best.bias
    }

    /// Tunes every role's bias in turn (``RoleBias/allCases`` order), each on top of the ones before.
    public mutating func tuneRoleBiases(score: (AttributionModel) -> Double, log: (String) -> Void) {
        for role in RoleBias.allCases { header[keyPath: role.keyPath] = tunedBias(role, score: score, log: log) }
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
