/// Best label sequence under emission and transition scores (first-order chain).
///
/// BIO constraints are enforced here (I-X only after B-X or I-X), so every decoded span is well
/// formed and the assembler never has to repair one.
enum Viterbi {
    /// `emissions` is n × L row-major; `transitions` is (L + 1) × L with the last row for the start.
    static func decode(emissions: [Float], transitions: [Float], count n: Int) -> [UInt8] {
        let L = AttributionLabel.count
        guard n > 0 else { return [] }
        let forbidden: [Bool] = (0...L).flatMap { a in (0..<L).map { b in !AttributionLabel.allowed(a == L ? nil : a, b) } }
        let minusInf = -Float.greatestFiniteMagnitude
        var score = [Float](repeating: minusInf, count: L)
        var back = [UInt8](repeating: 0, count: n * L)
        for b in 0..<L where !forbidden[L * L + b] { score[b] = transitions[L * L + b] + emissions[b] }
        var next = [Float](repeating: 0, count: L)
        for i in 1..<n {
            for b in 0..<L {
                var best = minusInf, arg = 0
                for a in 0..<L where !forbidden[a * L + b] {
                    let s = score[a] + transitions[a * L + b]
                    if s > best { best = s; arg = a }
                }
                next[b] = best + emissions[i * L + b]
                back[i * L + b] = UInt8(arg)
            }
            swap(&score, &next)
        }
        var arg = 0
        for b in 1..<L where score[b] > score[arg] { arg = b }
        var labels = [UInt8](repeating: 0, count: n)
        labels[n - 1] = UInt8(arg)
        var i = n - 1
        while i > 0 { labels[i - 1] = back[i * L + Int(labels[i])]; i -= 1 }
        return labels
    }
}
