/// Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo line search.
///
/// Enough for smooth convex objectives such as L2-regularised logistic regression; no random
/// state, so results are reproducible.
enum LBFGS {
    static func minimize(dimension n: Int, memory m: Int = 10, maxIterations: Int, tolerance: Double = 1e-6,
                         _ f: ([Double], inout [Double]) -> Double) -> [Double] {
        var x = [Double](repeating: 0, count: n)
        var g = [Double](repeating: 0, count: n)
        var fx = f(x, &g)
        var s: [[Double]] = [], yv: [[Double]] = [], rho: [Double] = []
        func dot(_ a: [Double], _ b: [Double]) -> Double { var t = 0.0; for i in 0..<a.count { t += a[i] * b[i] }; return t }
        let g0 = dot(g, g).squareRoot()
        var xNew = x, gNew = g
        for _ in 0..<maxIterations {
            // Two-loop recursion: d = −H·g.
            var q = g
            var alpha = [Double](repeating: 0, count: s.count)
            for i in stride(from: s.count - 1, through: 0, by: -1) {
                alpha[i] = rho[i] * dot(s[i], q)
                for j in 0..<n { q[j] -= alpha[i] * yv[i][j] }
            }
            if let last = s.indices.last {
                let gamma = dot(s[last], yv[last]) / dot(yv[last], yv[last])
                for j in 0..<n { q[j] *= gamma }
            } else {
                let norm = dot(g, g).squareRoot()
                if norm > 0 { for j in 0..<n { q[j] /= norm } }
            }
            for i in 0..<s.count {
                let beta = rho[i] * dot(yv[i], q)
                for j in 0..<n { q[j] += s[i][j] * (alpha[i] - beta) }
            }
            var direction = q.map { -$0 }
            var slope = dot(direction, g)
            if slope >= 0 { direction = g.map { -$0 }; slope = -dot(g, g); s = []; yv = []; rho = [] }
            var step = 1.0
            var fNew = 0.0
            var accepted = false
            for _ in 0..<40 {
                for j in 0..<n { xNew[j] = x[j] + step * direction[j] }
                fNew = f(xNew, &gNew)
                if fNew <= fx + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            guard accepted else { break }
            var sk = [Double](repeating: 0, count: n), yk = [Double](repeating: 0, count: n)
            for j in 0..<n { sk[j] = xNew[j] - x[j]; yk[j] = gNew[j] - g[j] }
            let sy = dot(sk, yk)
            if sy > 1e-12 {
                s.append(sk); yv.append(yk); rho.append(1 / sy)
                if s.count > m { s.removeFirst(); yv.removeFirst(); rho.removeFirst() }
            }
            let decrease = fx - fNew
            swap(&x, &xNew); swap(&g, &gNew); fx = fNew
            if dot(g, g).squareRoot() <= tolerance * max(1, g0) || decrease <= 1e-10 * max(1, abs(fx)) { break }
        }
        return x
    }
}
