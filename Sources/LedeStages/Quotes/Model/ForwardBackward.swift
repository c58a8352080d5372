import Foundation

/// Token marginals of the BIO-constrained chain: P(label of token i = b | document), by
/// forward–backward in Double (a path's score grows with the article's length, and Float lost the
/// marginals on long ones). The CRF's training step needs them for its expected counts.
struct ForwardBackward {
    var alpha: [Double] = []
    var beta: [Double] = []
    var row: [Double] = []
    /// log Z of the last run.
    private(set) var logZ = 0.0

    private static func logSumExp(_ x: [Double]) -> Double {
        let m = x.max() ?? -Double.infinity
        if m == -Double.infinity { return m }
        return m + log(x.reduce(0) { $0 + exp($1 - m) })
    }

    /// Fills `alpha` and `beta` for emissions `e` (n × `stride`) and constrained transitions `t`
    /// ((L + 1) × L, the last row the start, −∞ where BIO forbids a move).
    mutating func run(emissions e: [Double], stride S: Int, transitions t: [Double], count n: Int) {
        let L = AttributionLabel.count
        if alpha.count < n * L { alpha = [Double](repeating: 0, count: n * L); beta = alpha }
        if row.count != L { row = [Double](repeating: 0, count: L) }
        guard n > 0 else { logZ = 0; return }
        for b in 0..<L { alpha[b] = t[L * L + b] + e[b] }
        for i in 1..<max(1, n) {
            for b in 0..<L {
                for a in 0..<L { row[a] = alpha[(i - 1) * L + a] + t[a * L + b] }
                alpha[i * L + b] = Self.logSumExp(row) + e[i * S + b]
            }
        }
        for b in 0..<L { beta[(n - 1) * L + b] = 0 }
        var i = n - 2
        while i >= 0 {
            for a in 0..<L {
                for b in 0..<L { row[b] = t[a * L + b] + e[(i + 1) * S + b] + beta[(i + 1) * L + b] }
                beta[i * L + a] = Self.logSumExp(row)
            }
            i -= 1
        }
        for b in 0..<L { row[b] = alpha[(n - 1) * L + b] }
        logZ = Self.logSumExp(row)
    }
}
