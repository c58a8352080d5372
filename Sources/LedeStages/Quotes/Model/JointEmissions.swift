/// Both passes' emission tables interleaved for tagging: bucket `r` holds the first pass's 8
/// (padded) 16-bit weights, then the second pass's, 32 bytes aligned to 32.
///
/// The second pass weighs the first pass's keys again. With separate tables, those reads were as
/// many random rows again as the first pass's, mostly from L3 (the two tables are 4 MB), and the
/// second pass cost as much as the first. Interleaved, the row the first pass reads brings the second
/// pass's weights of the same key in the same cache line, so both are summed in one loop and the
/// second pass only adds its stacked keys (few distinct values, mostly cached).
final class JointEmissions: @unchecked Sendable {
    /// Int16 per bucket: 8 first-pass labels, 8 second-pass labels.
    static let rowWidth = 2 * AttributionWeights.stride
    let hashBits: Int
    let scaleFirst: Float, scaleSecond: Float
    /// Owned, immutable after init (hence `@unchecked Sendable`).
    private let rows: UnsafeMutablePointer<Int16>

    init(first: AttributionWeights, second: AttributionWeights) {
        precondition(first.hashBits == second.hashBits && first.emissions.count == second.emissions.count)
        precondition(second.perToken == StackedFeatures.secondPassPerToken)
        hashBits = first.hashBits
        func scale(_ w: [Float]) -> Float {
            let m = w.reduce(Float(0)) { max($0, abs($1)) }
            return m > 0 ? m / 32767 : 1
        }
        scaleFirst = scale(first.emissions); scaleSecond = scale(second.emissions)
        let S = AttributionWeights.stride, buckets = 1 << hashBits
        let raw = UnsafeMutableRawPointer.allocate(byteCount: buckets * Self.rowWidth * 2, alignment: 64)
        rows = raw.bindMemory(to: Int16.self, capacity: buckets * Self.rowWidth)
        let i1 = 1 / scaleFirst, i2 = 1 / scaleSecond
        for r in 0..<buckets {
            for l in 0..<S {
                rows[r * Self.rowWidth + l] = Int16(clamping: Int((first.emissions[r * S + l] * i1).rounded()))
                rows[r * Self.rowWidth + S + l] = Int16(clamping: Int((second.emissions[r * S + l] * i2).rounded()))
            }
        }
    }

    deinit { rows.deallocate() }

    /// Scores the first-pass keys (``AttributionFeatures/perToken`` per token) under both passes:
    /// `first` gets the first pass's emissions, `second` the second pass's share from these keys.
    func score(_ keys: [UInt32], count n: Int, first: inout [Float], second: inout [Float]) {
        let S = AttributionWeights.stride, F = AttributionFeatures.perToken, W = Self.rowWidth * 2
        let shift = UInt32(32 - hashBits)
        guard n > 0 else { return }
        if first.count < n * S { first = [Float](repeating: 0, count: n * S) }
        if second.count < n * S { second = [Float](repeating: 0, count: n * S) }
        let wp = UnsafeRawPointer(rows)
        let s1 = SIMD8<Float>(repeating: scaleFirst), s2 = SIMD8<Float>(repeating: scaleSecond)
        keys.withUnsafeBufferPointer { k in
            first.withUnsafeMutableBytes { o1 in
                second.withUnsafeMutableBytes { o2 in
                    for i in 0..<n {
                        var a1 = SIMD8<Int32>(repeating: 0), a2 = SIMD8<Int32>(repeating: 0)
                        let kb = i &* F
                        for f in 0..<F {
                            let row = wp.load(fromByteOffset: Int(k[kb &+ f] >> shift) &* W, as: SIMD16<Int16>.self)
                            a1 &+= SIMD8<Int32>(truncatingIfNeeded: row.lowHalf)
                            a2 &+= SIMD8<Int32>(truncatingIfNeeded: row.highHalf)
                        }
                        o1.storeBytes(of: SIMD8<Float>(a1) * s1, toByteOffset: i &* S &* 4, as: SIMD8<Float>.self)
                        o2.storeBytes(of: SIMD8<Float>(a2) * s2, toByteOffset: i &* S &* 4, as: SIMD8<Float>.self)
                    }
                }
            }
        }
    }

    /// Adds the second pass's weights of the stacked keys (``StackedFeatures/perToken`` per token).
    func addStacked(_ keys: [UInt32], count n: Int, into second: inout [Float]) {
        let S = AttributionWeights.stride, F = StackedFeatures.perToken, W = Self.rowWidth * 2
        let shift = UInt32(32 - hashBits)
        guard n > 0 else { return }
        precondition(second.count >= n * S && keys.count >= n * F)
        let wp = UnsafeRawPointer(rows) + S * 2
        let s2 = SIMD8<Float>(repeating: scaleSecond)
        keys.withUnsafeBufferPointer { k in
            second.withUnsafeMutableBytes { o2 in
                for i in 0..<n {
                    var a = SIMD8<Int32>(repeating: 0)
                    let kb = i &* F
                    for f in 0..<F {
                        a &+= SIMD8<Int32>(truncatingIfNeeded: wp.load(fromByteOffset: Int(k[kb &+ f] >> shift) &* W, as: SIMD8<Int16>.self))
                    }
                    let at = i &* S &* 4
                    o2.storeBytes(of: o2.loadUnaligned(fromByteOffset: at, as: SIMD8<Float>.self) + SIMD8<Float>(a) * s2, toByteOffset: at, as: SIMD8<Float>.self)
                }
            }
        }
    }
}
