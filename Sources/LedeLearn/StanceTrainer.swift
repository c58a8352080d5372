import Foundation
import LedeCore
import LedeStages

/// Training settings for the linear stance model.
public struct StanceTrainingOptions: Sendable {
    /// Inverse regularisation strength (as in liblinear/scikit-learn); nil picks it by cross-validation.
    public var c: Double? = nil
    /// Candidates for `c` when it is picked by cross-validation.
    public var cGrid: [Double] = [1, 3, 10, 30]
    /// Weight each class by `n / (k · n_class)`, so a rare class is not ignored.
    public var classBalanced = true
    public var maxIterations = 300
    /// Seed of the fold assignment; training itself is deterministic full-batch optimisation.
    public var seed: UInt64 = 1
    public var folds = 5
    /// Buckets seen in fewer training examples than this are dropped from the vocabulary.
    public var minDF = 2
    public var features = FeatureConfig()
    public init() {}
}

/// What training reports besides the model.
public struct StanceTrainingReport: Sendable {
    public var model: StanceModelFile
    public var c: Double
    /// Cross-validated scores at the chosen `c` (nil with fewer than two examples per fold).
    public var crossValidation: StanceScores?
    /// Cross-validated macro-F1 for every candidate `c`, when `c` was picked.
    public var grid: [(c: Double, macroF1: Double)]
}

/// Fits multinomial logistic regression on hashed TF-IDF features.
///
/// Full-batch L-BFGS on `C · Σ sᵢ · cross-entropyᵢ + ½‖W‖²` (bias unregularised), the objective of
/// scikit-learn's `LogisticRegression`: the same optimum every run, in any process, so a training
/// set and a seed determine the model file byte for byte. Only buckets that occur in training get
/// columns, so the optimiser works on a few thousand dimensions, not a million.
public enum StanceTrainer {
    public static func train(_ examples: [StanceExample], options: StanceTrainingOptions) throws -> StanceTrainingReport {
        let labelled = examples.filter { $0.label != nil }
        guard labelled.count >= 2 else { throw StanceDataError("training needs at least two labelled examples, found \(labelled.count)") }
        let classes = Array(Set(labelled.map { $0.label! })).sorted()
        guard classes.count >= 2 else { throw StanceDataError("training needs at least two labels, found only '\(classes[0])'") }
        let hasher = FeatureHasher(options.features)
        let counts = labelled.map { hasher.counts(text: $0.text, target: $0.target) }
        let y = labelled.map { classes.firstIndex(of: $0.label!)! }

        var grid: [(c: Double, macroF1: Double)] = []
        var chosen = options.c ?? options.cGrid.first ?? 1
        var cv: StanceScores? = nil
        let folds = foldAssignment(y, classes: classes.count, folds: options.folds, seed: options.seed)
        if let folds {
            let candidates = options.c.map { [$0] } ?? options.cGrid
            var best = -1.0
            for c in candidates {
                let scores = crossValidate(counts, y, classes: classes, folds: folds, c: c, options: options)
                grid.append((c, scores.macroF1))
                if scores.macroF1 > best + 1e-12 { best = scores.macroF1; chosen = c; cv = scores }
            }
        }
        var file = fit(counts, y, classes: classes, c: chosen, options: options)
        file.targets = Array(Set(labelled.map { FeatureHasher.targetKey($0.target) })).sorted()
        file.training = [
            "examples": String(labelled.count), "c": String(chosen), "class_balanced": String(options.classBalanced),
            "seed": String(options.seed), "folds": String(options.folds), "min_df": String(options.minDF),
            "cv_macro_f1": cv.map { String(format: "%.4f", $0.macroF1) } ?? "n/a",
        ]
        if options.c == nil { grid.sort { $0.c < $1.c } }
        return StanceTrainingReport(model: file, c: chosen, crossValidation: cv, grid: grid)
    }

    /// Stratified fold of every example: each class is shuffled with a seeded generator and dealt
    /// round-robin. Nil when there are too few examples for `folds` folds.
    static func foldAssignment(_ y: [Int], classes: Int, folds: Int, seed: UInt64) -> [Int]? {
        guard folds >= 2, y.count >= 2 * folds else { return nil }
        var rng = SplitMix64(state: seed)  // LedeCore's; `state:` keeps the fold order of earlier models
        var fold = [Int](repeating: 0, count: y.count)
        var next = 0
        for c in 0..<classes {
            var members = y.indices.filter { y[$0] == c }
            for i in stride(from: members.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                members.swapAt(i, j)
            }
            for m in members { fold[m] = next % folds; next += 1 }
        }
        return fold
    }

    static func crossValidate(_ counts: [HashedCounts], _ y: [Int], classes: [String], folds: [Int], c: Double, options: StanceTrainingOptions) -> StanceScores {
        var predicted = [String](repeating: "", count: y.count)
        for f in 0..<(folds.max()! + 1) {
            let train = y.indices.filter { folds[$0] != f }
            let test = y.indices.filter { folds[$0] == f }
            guard !test.isEmpty else { continue }
            let present = Array(Set(train.map { y[$0] })).sorted()
            let foldClasses = present.map { classes[$0] }
            let file = fit(train.map { counts[$0] }, train.map { present.firstIndex(of: y[$0])! }, classes: foldClasses, c: c, options: options)
            guard let model = try? LinearStanceModel(file: file) else { continue }
            for i in test {
                let x = model.vector(counts[i])
                let p = model.probabilities(x)
                predicted[i] = foldClasses[p.indices.max { p[$0] < p[$1] }!]
            }
        }
        return StanceScores.stance(gold: y.map { classes[$0] }, predicted: predicted)
    }

    /// Fits one model on all of `counts`.
    static func fit(_ counts: [HashedCounts], _ y: [Int], classes: [String], c: Double, options: StanceTrainingOptions) -> StanceModelFile {
        let n = counts.count, k = classes.count
        // Smoothed IDF, as scikit-learn's TfidfVectorizer: ln((1+n)/(1+df)) + 1; buckets in fewer
        // than `minDF` examples are left out of the vocabulary (mostly names and typos).
        var df: [UInt32: Int] = [:]
        for x in counts { for b in x.buckets { df[b, default: 0] += 1 } }
        let idfKeys = df.keys.filter { df[$0]! >= options.minDF }.sorted()
        var idf: [UInt32: Float] = [:]
        for b in idfKeys { idf[b] = Float(log(Double(1 + n) / Double(1 + df[b]!)) + 1) }
        let hasher = FeatureHasher(options.features)
        let vectors = counts.map { hasher.vector($0) { idf[$0] } }

        // Compact columns (only buckets that occur), rows in CSR form.
        var columnSet = Set<UInt32>()
        for v in vectors { columnSet.formUnion(v.indices) }
        let columns = columnSet.sorted()
        var column: [UInt32: Int] = [:]
        for (i, b) in columns.enumerated() { column[b] = i }
        var rowStart = [0], colIndex: [Int] = [], values: [Double] = []
        for v in vectors {
            for (b, x) in zip(v.indices, v.values) { colIndex.append(column[b]! * k); values.append(Double(x)) }
            rowStart.append(colIndex.count)
        }

        var classCount = [Int](repeating: 0, count: k)
        for label in y { classCount[label] += 1 }
        let scale: [Double] = y.map { c * (options.classBalanced ? Double(n) / Double(k * classCount[$0]) : 1) }
        let d = columns.count
        let dimension = d * k + k

        // C · Σ sᵢ · cross-entropyᵢ + ½‖W‖² and its gradient; parameters are W (d×k, row-major)
        // then the k unregularised biases.
        func evaluate(_ w: [Double], _ g: inout [Double]) -> Double {
            var loss = 0.0
            w.withUnsafeBufferPointer { w in
                g.withUnsafeMutableBufferPointer { g in
                    colIndex.withUnsafeBufferPointer { col in
                        values.withUnsafeBufferPointer { val in
                            for i in 0..<(d * k) { g[i] = w[i]; loss += 0.5 * w[i] * w[i] }
                            for i in (d * k)..<dimension { g[i] = 0 }
                            var z = [Double](repeating: 0, count: k)
                            for r in 0..<n {
                                let a = rowStart[r], b = rowStart[r + 1]
                                for cc in 0..<k { z[cc] = w[d * k + cc] }
                                for j in a..<b { let base = col[j], v = val[j]; for cc in 0..<k { z[cc] += v * w[base + cc] } }
                                var m = z[0]
                                for cc in 1..<k where z[cc] > m { m = z[cc] }
                                var sum = 0.0
                                for cc in 0..<k { z[cc] = exp(z[cc] - m); sum += z[cc] }
                                let sr = scale[r]
                                loss -= sr * log(z[y[r]] / sum)
                                for cc in 0..<k { z[cc] = sr * (z[cc] / sum - (cc == y[r] ? 1 : 0)) }
                                for j in a..<b { let base = col[j], v = val[j]; for cc in 0..<k { g[base + cc] += v * z[cc] } }
                                for cc in 0..<k { g[d * k + cc] += z[cc] }
                            }
                        }
                    }
                }
            }
            return loss
        }
        let w = LBFGS.minimize(dimension: dimension, maxIterations: options.maxIterations, evaluate)

        let weights = (0..<(d * k)).map { Float(w[$0]) }
        return StanceModelFile(
            classes: classes, features: options.features, targets: [], bias: (0..<k).map { Float(w[d * k + $0]) },
            idf_indices: Float32Base64.encode(idfKeys), idf_values: Float32Base64.encode(idfKeys.map { idf[$0]! }),
            weight_indices: Float32Base64.encode(columns), weight_values: Float32Base64.encode(weights), training: [:])
    }

}
