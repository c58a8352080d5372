/// Weights of the tagger: one row of per-label weights per hashed feature bucket, plus transitions.
///
/// A structured averaged perceptron (Collins 2002): deterministic, no learning rate to tune, and one
/// training pass over PolNeAR takes seconds, so early stopping on dev figures is cheap.
public struct AttributionWeights: Sendable, Equatable {
    /// log2 of the number of hash buckets.
    public let hashBits: Int
    /// Keys per token of the features these weights score (first pass: ``AttributionFeatures``,
    /// second pass: ``StackedFeatures``).
    let perToken: Int
    /// Row stride of ``emissions``: labels padded to 8 so a row is one aligned SIMD8 load and never
    /// straddles two cache lines (the model file stores 7 per row).
    static let stride = 8
    /// (1 << hashBits) × ``stride``, row-major; the pad column stays 0.
    var emissions: [Float]
    /// (labels + 1) × labels; the last row scores the first label of a sequence.
    var transitions: [Float]

    init(hashBits: Int, perToken: Int = AttributionFeatures.perToken) {
        self.hashBits = hashBits
        self.perToken = perToken
        emissions = [Float](repeating: 0, count: (1 << hashBits) * Self.stride)
        transitions = [Float](repeating: 0, count: (AttributionLabel.count + 1) * AttributionLabel.count)
    }

    init(hashBits: Int, perToken: Int, emissions: [Float], transitions: [Float]) {
        self.hashBits = hashBits; self.perToken = perToken; self.emissions = emissions; self.transitions = transitions
    }

    /// Emission scores (n × ``stride``, pad column included) for `count` tokens of hashed keys, plus
    /// `offset` (same layout) when given: a second pass that adds its scores to the first pass's.
    func score(_ keys: [UInt32], count n: Int, into out: inout [Float], adding offset: [Float]? = nil) {
        let S = Self.stride, F = perToken
        let shift = UInt32(32 - hashBits)
        guard n > 0 else { return }
        if out.count < n * S { out = [Float](repeating: 0, count: n * S) }
        emissions.withUnsafeBufferPointer { w in
            let wp = UnsafeRawPointer(w.baseAddress!)
            keys.withUnsafeBufferPointer { k in
                out.withUnsafeMutableBufferPointer { o in
                    let op = UnsafeMutableRawPointer(o.baseAddress!)
                    for i in 0..<n {
                        var acc = SIMD8<Float>(repeating: 0)
                        var acc2 = SIMD8<Float>(repeating: 0)
                        let kb = i * F
                        var f = 0
                        while f + 1 < F {
                            acc += wp.loadUnaligned(fromByteOffset: Int(k[kb + f] >> shift) &* (S * 4), as: SIMD8<Float>.self)
                            acc2 += wp.loadUnaligned(fromByteOffset: Int(k[kb + f + 1] >> shift) &* (S * 4), as: SIMD8<Float>.self)
                            f += 2
                        }
                        if f < F { acc += wp.loadUnaligned(fromByteOffset: Int(k[kb + f] >> shift) &* (S * 4), as: SIMD8<Float>.self) }
                        if let offset { acc += offset.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i * S * 4, as: SIMD8<Float>.self) } }
                        op.storeBytes(of: acc + acc2, toByteOffset: i * S * 4, as: SIMD8<Float>.self)
                    }
                }
            }
        }
    }

    func decode(_ keys: [UInt32], count n: Int) -> [UInt8] {
        var scratch = Viterbi.Scratch()
        return decode(keys, count: n, scratch: &scratch)
    }

    /// Decodes with reusable buffers (emission scores, back-pointers, labels).
    func decode(_ keys: [UInt32], count n: Int, scratch: inout Viterbi.Scratch, adding offset: [Float]? = nil) -> [UInt8] {
        score(keys, count: n, into: &scratch.emissions, adding: offset)
        return Viterbi.decode(emissions: scratch.emissions, stride: Self.stride, transitions: transitions, count: n, scratch: &scratch)
    }
}

/// Training state of the tagger: current weights plus the running sums for averaging (the "lazy"
/// trick: keep Σ c·Δ and return w − Σ/c, so averaging costs nothing per step). Steps are the
/// perceptron's (``learn``) or a CRF's likelihood gradient (``learnLikelihood``, LikelihoodStep.swift).
struct AveragedTrainer {
    var current: AttributionWeights
    /// Double, since Σ c·Δ outgrows a Float's 24-bit mantissa over a few epochs of PolNeAR.
    var emissionSums: [Double]
    var transitionSums: [Double]
    /// Number of sequences seen + 1.
    var step: Double = 1
    var scratch = Viterbi.Scratch()
    /// Forward–backward buffers and AdaGrad's squared-gradient sums, for ``learnLikelihood``.
    var likelihood = LikelihoodBuffers()

    init(hashBits: Int, perToken: Int = AttributionFeatures.perToken) {
        current = AttributionWeights(hashBits: hashBits, perToken: perToken)
        emissionSums = current.emissions.map { _ in 0 }
        transitionSums = current.transitions.map { _ in 0 }
    }

    /// One perceptron step on a sequence: decode, then move weights toward gold and away from the guess.
    /// Returns the number of wrongly tagged tokens.
    @discardableResult
    mutating func learn(keys: [UInt32], gold: [UInt8], count n: Int, adding offset: [Float]? = nil) -> Int {
        let guess = current.decode(keys, count: n, scratch: &scratch, adding: offset)
        let L = AttributionLabel.count, S = AttributionWeights.stride, F = current.perToken
        let shift = UInt32(32 - current.hashBits)
        var errors = 0
        let c = step
        for i in 0..<n {
            let g = Int(gold[i]), p = Int(guess[i])
            let gPrev = i == 0 ? L : Int(gold[i - 1]), pPrev = i == 0 ? L : Int(guess[i - 1])
            if g != p {
                errors += 1
                for f in 0..<F {
                    let base = Int(keys[i * F + f] >> shift) * S
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

/// The emission table as 16-bit integers for tagging (not training): half the bytes of Float32 rows,
/// so the random row reads per token (one per template) stay in cache far more often, and sums are
/// exact. One scale per model: the largest weight maps to 8191, so any four rows sum inside Int16;
/// the loss is far below what changes a decoded tag (tested; PolNeAR dev gives the same figures).
struct QuantizedEmissions: Sendable {
    let rows: [Int16]
    let scale: Float
    let hashBits: Int
    let perToken: Int

    init(_ w: AttributionWeights) {
        hashBits = w.hashBits
        perToken = w.perToken
        let maxAbs = w.emissions.reduce(Float(0)) { max($0, abs($1)) }
        scale = maxAbs > 0 ? maxAbs / 8191 : 1
        let inverse = 1 / scale
        rows = w.emissions.map { Int16(clamping: Int(($0 * inverse).rounded())) }
    }

    /// Emission scores (n × ``AttributionWeights/stride``) as Float, like ``AttributionWeights/score``;
    /// with `keeping`, plus that share of what `out` holds (the first pass's scores).
    func score(_ keys: [UInt32], count n: Int, into out: inout [Float], keeping share: Float? = nil) {
        let S = AttributionWeights.stride, F = perToken
        let shift = UInt32(32 - hashBits)
        guard n > 0 else { return }
        if out.count < n * S { out = [Float](repeating: 0, count: n * S) }
        let scale = SIMD8<Float>(repeating: self.scale)
        rows.withUnsafeBufferPointer { w in
            let wp = UnsafeRawPointer(w.baseAddress!)
            keys.withUnsafeBufferPointer { k in
                out.withUnsafeMutableBufferPointer { o in
                    let op = UnsafeMutableRawPointer(o.baseAddress!)
                    for i in 0..<n {
                        var acc = SIMD8<Int32>(repeating: 0)
                        let kb = i * F
                        var f = 0
                        // Four rows summed in 16-bit lanes before one widening: the scale keeps any
                        // four weights' sum inside Int16, and the widening was most of the arithmetic.
                        while f + 3 < F {
                            var q = wp.loadUnaligned(fromByteOffset: Int(k[kb + f] >> shift) &* (S * 2), as: SIMD8<Int16>.self)
                            q &+= wp.loadUnaligned(fromByteOffset: Int(k[kb + f + 1] >> shift) &* (S * 2), as: SIMD8<Int16>.self)
                            q &+= wp.loadUnaligned(fromByteOffset: Int(k[kb + f + 2] >> shift) &* (S * 2), as: SIMD8<Int16>.self)
                            q &+= wp.loadUnaligned(fromByteOffset: Int(k[kb + f + 3] >> shift) &* (S * 2), as: SIMD8<Int16>.self)
                            acc &+= SIMD8<Int32>(truncatingIfNeeded: q)
                            f += 4
                        }
                        while f < F {
                            acc &+= SIMD8<Int32>(truncatingIfNeeded: wp.loadUnaligned(fromByteOffset: Int(k[kb + f] >> shift) &* (S * 2), as: SIMD8<Int16>.self))
                            f += 1
                        }
                        var sum = SIMD8<Float>(acc) * scale
                        if let share { sum += op.loadUnaligned(fromByteOffset: i * S * 4, as: SIMD8<Float>.self) * share }
                        op.storeBytes(of: sum, toByteOffset: i * S * 4, as: SIMD8<Float>.self)
                    }
                }
            }
        }
    }
}
