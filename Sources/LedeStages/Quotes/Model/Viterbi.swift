/// Best label sequence under emission and transition scores (first-order chain).
///
/// BIO constraints are enforced here (I-X only after B-X or I-X), so every decoded span is well
/// formed and the assembler never has to repair one.
enum Viterbi {
    /// Buffers reused across documents (a stage decodes many; the trainer decodes every article
    /// every epoch), so decoding allocates only its result.
    struct Scratch {
        var emissions: [Float] = []
        var back: [UInt8] = []
    }

    /// Transition scores with the forbidden BIO moves set to -∞ (so the inner loop has no branch).
    static func constrained(_ transitions: [Float]) -> [Float] {
        let L = AttributionLabel.count
        var t = transitions
        for a in 0...L { for b in 0..<L where !AttributionLabel.allowed(a == L ? nil : a, b) { t[a * L + b] = -Float.infinity } }
        return t
    }

    static func decode(emissions: [Float], transitions: [Float], count n: Int) -> [UInt8] {
        var scratch = Scratch()
        return decode(emissions: emissions, stride: AttributionLabel.count, transitions: transitions, count: n, scratch: &scratch)
    }

    /// `emissions` is n × `stride` row-major (the first L columns are used); `transitions` is
    /// (L + 1) × L with the last row for the start.
    static func decode(emissions: [Float], stride S: Int, transitions: [Float], count n: Int, scratch: inout Scratch) -> [UInt8] {
        let L = AttributionLabel.count
        guard n > 0 else { return [] }
        precondition(L == 7)
        let t = constrained(transitions)
        if scratch.back.count < n * L { scratch.back = [UInt8](repeating: 0, count: max(n * L, scratch.back.count * 2)) }
        var labels = [UInt8](repeating: 0, count: n)
        var score = (Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0))
        withUnsafeMutableBytes(of: &score) { raw in
            let sc = raw.bindMemory(to: Float.self)
            var next = (Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0))
            withUnsafeMutableBytes(of: &next) { rawNext in
                let nx = rawNext.bindMemory(to: Float.self)
                t.withUnsafeBufferPointer { tr in
                    emissions.withUnsafeBufferPointer { e in
                        scratch.back.withUnsafeMutableBufferPointer { back in
                            for b in 0..<L { sc[b] = tr[L * L + b] + e[b] }
                            for i in 1..<n {
                                let eo = i * S, bo = i * L
                                for b in 0..<L {
                                    var best = sc[0] + tr[b], arg = 0
                                    for a in 1..<L {
                                        let s = sc[a] + tr[a * L + b]
                                        if s > best { best = s; arg = a }
                                    }
                                    nx[b] = best + e[eo + b]
                                    back[bo + b] = UInt8(truncatingIfNeeded: arg)
                                }
                                for b in 0..<L { sc[b] = nx[b] }
                            }
                            var arg = 0
                            for b in 1..<L where sc[b] > sc[arg] { arg = b }
                            labels[n - 1] = UInt8(arg)
                            var i = n - 1
                            while i > 0 { labels[i - 1] = back[i * L + Int(labels[i])]; i -= 1 }
                        }
                    }
                }
            }
        }
        return labels
    }
}
