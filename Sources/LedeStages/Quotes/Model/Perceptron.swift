/// Weights of the tagger: one row of per-label weights per hashed feature bucket, plus transitions.
///
/// A structured averaged perceptron (Collins 2002): deterministic, no learning rate to tune, and one
/// training pass over PolNeAR takes seconds, so early stopping on dev figures is cheap.
public struct AttributionWeights: Sendable, Equatable {
    /// log2 of the number of hash buckets.
    public let hashBits: Int
    /// (1 << hashBits) × labels, row-major.
    var emissions: [Float]
    /// (labels + 1) × labels; the last row scores the first label of a sequence.
    var transitions: [Float]

    init(hashBits: Int) {
        self.hashBits = hashBits
        emissions = [Float](repeating: 0, count: (1 << hashBits) * AttributionLabel.count)
        transitions = [Float](repeating: 0, count: (AttributionLabel.count + 1) * AttributionLabel.count)
    }

    init(hashBits: Int, emissions: [Float], transitions: [Float]) {
        self.hashBits = hashBits; self.emissions = emissions; self.transitions = transitions
    }

    /// Emission scores (n × labels) for `count` tokens of hashed keys.
    func score(_ keys: [UInt32], count n: Int) -> [Float] {
        let L = AttributionLabel.count, F = AttributionFeatures.perToken
        let mask = UInt32((1 << hashBits) - 1)
        var out = [Float](repeating: 0, count: n * L)
        emissions.withUnsafeBufferPointer { w in
            keys.withUnsafeBufferPointer { k in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<n {
                        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0, s4: Float = 0, s5: Float = 0, s6: Float = 0
                        for f in 0..<F {
                            let base = Int(k[i * F + f] & mask) * L
                            s0 += w[base]; s1 += w[base + 1]; s2 += w[base + 2]; s3 += w[base + 3]
                            s4 += w[base + 4]; s5 += w[base + 5]; s6 += w[base + 6]
                        }
                        let o0 = i * L
                        o[o0] = s0; o[o0 + 1] = s1; o[o0 + 2] = s2; o[o0 + 3] = s3; o[o0 + 4] = s4; o[o0 + 5] = s5; o[o0 + 6] = s6
                    }
                }
            }
        }
        return out
    }

    func decode(_ keys: [UInt32], count n: Int) -> [UInt8] {
        Viterbi.decode(emissions: score(keys, count: n), transitions: transitions, count: n)
    }
}

/// Training state of the averaged perceptron: current weights plus the running sums for averaging
/// (the "lazy" trick: keep Σ c·Δ and return w − Σ/c, so averaging costs nothing per step).
struct PerceptronTrainer {
    var current: AttributionWeights
    /// Double, since Σ c·Δ outgrows a Float's 24-bit mantissa over a few epochs of PolNeAR.
    var emissionSums: [Double]
    var transitionSums: [Double]
    /// Number of sequences seen + 1.
    var step: Double = 1

    init(hashBits: Int) {
        current = AttributionWeights(hashBits: hashBits)
        emissionSums = current.emissions.map { _ in 0 }
        transitionSums = current.transitions.map { _ in 0 }
    }

    /// One perceptron step on a sequence: decode, then move weights toward gold and away from the guess.
    /// Returns the number of wrongly tagged tokens.
    @discardableResult
    mutating func learn(keys: [UInt32], gold: [UInt8], count n: Int) -> Int {
        let guess = current.decode(keys, count: n)
        let L = AttributionLabel.count, F = AttributionFeatures.perToken
        let mask = UInt32((1 << current.hashBits) - 1)
        var errors = 0
        let c = step
        for i in 0..<n {
            let g = Int(gold[i]), p = Int(guess[i])
            let gPrev = i == 0 ? L : Int(gold[i - 1]), pPrev = i == 0 ? L : Int(guess[i - 1])
            if g != p {
                errors += 1
                for f in 0..<F {
                    let base = Int(keys[i * F + f] & mask) * L
                    current.emissions[base + g] += 1; emissionSums[base + g] += c
                    current.emissions[base + p] -= 1; emissionSums[base + p] -= c
                }
            }
            if g != p || gPrev != pPrev {
                current.transitions[gPrev * L + g] += 1; transitionSums[gPrev * L + g] += c
                current.transitions[pPrev * L + p] -= 1; transitionSums[pPrev * L + p] -= c
            }
        }
        step += 1
        return errors
    }

    /// The averaged weights, which generalise far better than the last ones.
    func averaged() -> AttributionWeights {
        var w = current
        for i in w.emissions.indices where emissionSums[i] != 0 { w.emissions[i] = Float(Double(w.emissions[i]) - emissionSums[i] / step) }
        for i in w.transitions.indices { w.transitions[i] = Float(Double(w.transitions[i]) - transitionSums[i] / step) }
        return w
    }
}
