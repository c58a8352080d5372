import Foundation
import LedeCore

/// How a pass of the tagger learns its weights.
public enum AttributionLearner: String, Codable, Sendable, CaseIterable {
    /// Structured averaged perceptron: an update only where the decoded tags are wrong.
    case perceptron
    /// Linear-chain CRF: stochastic gradient of the conditional log-likelihood with AdaGrad steps,
    /// averaged like the perceptron. Every token moves the weights by how unsure the model still is,
    /// so it fits the training data far better (1–3 % of PolNeAR train's tokens wrong against the
    /// perceptron's 20 %) and, stopped early on dev, generalises better too.
    case crf
}

/// Buffers of the CRF step, kept across documents: forward and backward log scores, token
/// marginals and AdaGrad's squared-gradient sums per weight.
struct LikelihoodBuffers {
    var chain = ForwardBackward()
    var marginals: [Float] = []
    var squares: [Float] = []
    var transitionSquares: [Float] = []
}

extension AveragedTrainer {
    /// One step on a sequence's conditional log-likelihood: forward–backward over the BIO-constrained
    /// chain, then every weight moves by rate × (gold count − expected count) / √(Σ gradient²).
    /// AdaGrad's per-weight steps matter: the bias and common words see a gradient on every token,
    /// and one rate for all made plain SGD oscillate and diverge. Scores are summed in Double: a
    /// path's score grows with the article's length, and Float lost the marginals on long ones.
    /// Returns the tokens whose most likely label is wrong. Deterministic: a fixed order of sums.
    ///
    /// With `dropout` > 0, each token's features but the bias are left out of the step at that rate
    /// (the kept ones scaled up to match), a fresh choice per step from `dropoutSeed` and the step.
    /// The rules' matches are strong features that fit most of the training tokens; without
    /// dropout the weights of the words and contexts around them learn little once those fit.
    @discardableResult
    mutating func learnLikelihood(keys: [UInt32], gold: [UInt8], count n: Int, rate: Float, adding offset: [Float]? = nil,
                                  dropout: Float = 0, dropoutSeed: UInt64 = 0) -> Int {
        guard n > 0 else { return 0 }
        let L = AttributionLabel.count, S = AttributionWeights.stride, F = current.perToken
        let shift = UInt32(32 - current.hashBits)
        // Per key slot: 0 dropped, else the factor its weights and gradient are scaled by.
        var factor: [Float] = []
        if dropout > 0 {
            factor = Self.dropoutFactors(count: n * F, perToken: F, rate: dropout, seed: dropoutSeed ^ UInt64(step))
            if scratch.emissions.count < n * S { scratch.emissions = [Float](repeating: 0, count: n * S) }
            for i in 0..<n {
                for b in 0..<S { scratch.emissions[i * S + b] = offset?[i * S + b] ?? 0 }
                for f in 0..<F where factor[i * F + f] != 0 {
                    let base = Int(keys[i * F + f] >> shift) * S, z = factor[i * F + f]
                    for b in 0..<L { scratch.emissions[i * S + b] += current.emissions[base + b] * z }
                }
            }
        } else {
            current.score(keys, count: n, into: &scratch.emissions, adding: offset)
        }
        let t = Viterbi.constrained(current.transitions).map { Double($0) }
        let e = scratch.emissions[0..<(n * S)].map { Double($0) }
        var buffers = likelihood
        likelihood = LikelihoodBuffers()
        defer { likelihood = buffers }
        if buffers.marginals.count < n * L { buffers.marginals = [Float](repeating: 0, count: n * L) }
        if buffers.squares.isEmpty {
            buffers.squares = [Float](repeating: 1e-6, count: current.emissions.count)
            buffers.transitionSquares = [Float](repeating: 1e-6, count: current.transitions.count)
        }
        let ninf = -Double.infinity
        var transitionGradient = [Float](repeating: 0, count: (L + 1) * L)
        buffers.chain.run(emissions: e, stride: S, transitions: t, count: n)
        let alpha = buffers.chain.alpha, beta = buffers.chain.beta, logZ = buffers.chain.logZ
        // Transitions: gold pair counts minus expected pair counts (the last row: the start).
        transitionGradient[L * L + Int(gold[0])] += 1
        for b in 0..<L { transitionGradient[L * L + b] -= Float(exp(alpha[b] + beta[b] - logZ)) }
        for i in 1..<max(1, n) {
            for a in 0..<L where alpha[(i - 1) * L + a] > ninf {
                for b in 0..<L where t[a * L + b] > ninf {
                    transitionGradient[a * L + b] -= Float(exp(alpha[(i - 1) * L + a] + t[a * L + b] + e[i * S + b] + beta[i * L + b] - logZ))
                }
            }
            transitionGradient[Int(gold[i - 1]) * L + Int(gold[i])] += 1
        }
        for k in 0..<(n * L) { buffers.marginals[k] = Float(exp(alpha[k] + beta[k] - logZ)) }
        var errors = 0
        let c = step
        for i in 0..<n {
            let g = Int(gold[i]), m = i * L
            var arg = 0, largest: Float = 0
            for b in 0..<L {
                if buffers.marginals[m + b] > buffers.marginals[m + arg] { arg = b }
                largest = max(largest, abs((b == g ? 1 : 0) - buffers.marginals[m + b]))
            }
            if arg != g { errors += 1 }
            // A token already tagged right with near certainty moves nothing.
            if largest < 1e-3 { continue }
            for f in 0..<F {
                let z: Float = factor.isEmpty ? 1 : factor[i * F + f]
                if z == 0 { continue }
                let base = Int(keys[i * F + f] >> shift) * S
                for b in 0..<L {
                    let raw = ((b == g ? 1 : 0) - buffers.marginals[m + b]) * z
                    if raw == 0 { continue }
                    buffers.squares[base + b] += raw * raw
                    let d = rate * raw / buffers.squares[base + b].squareRoot()
                    current.emissions[base + b] += d; emissionSums[base + b] += c * Double(d)
                }
            }
        }
        for k in transitionGradient.indices where transitionGradient[k] != 0 {
            buffers.transitionSquares[k] += transitionGradient[k] * transitionGradient[k]
            let d = rate * transitionGradient[k] / buffers.transitionSquares[k].squareRoot()
            current.transitions[k] += d; transitionSums[k] += c * Double(d)
        }
        step += 1
        return errors
    }

    /// Dropout factors for `count` key slots, `perToken` per token: slot 0 (the bias) always 1, the
    /// others 0 at `rate` and 1 / (1 − rate) otherwise, from SplitMix64 so runs are reproducible.
    static func dropoutFactors(count: Int, perToken F: Int, rate: Float, seed: UInt64) -> [Float] {
        var rng = SplitMix64(state: seed)
        let keep = 1 / (1 - rate)
        let threshold = UInt64(Double(rate) * Double(UInt64(1) << 32))
        var out = [Float](repeating: keep, count: count)
        for k in 0..<count {
            if k % F == 0 { out[k] = 1; continue }
            if rng.next() >> 32 < threshold { out[k] = 0 }
        }
        return out
    }
}
