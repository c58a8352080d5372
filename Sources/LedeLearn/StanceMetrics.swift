import Foundation

/// Precision, recall and F1 per class and their macro average: the scores stance work reports.
public struct StanceScores: Sendable, Equatable {
    public struct ClassScore: Sendable, Equatable {
        public var precision: Double, recall: Double, f1: Double
        public var support: Int
    }
    public var perClass: [String: ClassScore]
    /// Mean F1 over `classes`.
    public var macroF1: Double
    public var classes: [String]
    public var accuracy: Double
    public var count: Int

    /// Scores `predicted` against `gold` over `classes` (labels outside them count only as errors).
    public init(gold: [String], predicted: [String], classes: [String]) {
        precondition(gold.count == predicted.count)
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:], support: [String: Int] = [:]
        var correct = 0
        for (g, p) in zip(gold, predicted) {
            support[g, default: 0] += 1
            if g == p { tp[g, default: 0] += 1; correct += 1 } else { fp[p, default: 0] += 1; fn[g, default: 0] += 1 }
        }
        var per: [String: ClassScore] = [:]
        for c in classes {
            let t = Double(tp[c] ?? 0)
            let precision = t + Double(fp[c] ?? 0) > 0 ? t / (t + Double(fp[c] ?? 0)) : 0
            let recall = t + Double(fn[c] ?? 0) > 0 ? t / (t + Double(fn[c] ?? 0)) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            per[c] = ClassScore(precision: precision, recall: recall, f1: f1, support: support[c] ?? 0)
        }
        perClass = per
        self.classes = classes
        macroF1 = classes.isEmpty ? 0 : classes.map { per[$0]!.f1 }.reduce(0, +) / Double(classes.count)
        accuracy = gold.isEmpty ? 0 : Double(correct) / Double(gold.count)
        count = gold.count
    }

    /// The three-way view used by `eval-stance`: `none` (no side) folds into `neutral`.
    public static func threeWay(_ label: String) -> String { label == "none" ? "neutral" : label }

    /// Scores of stance labels: over favor / against / neutral with `none` folded into neutral
    /// when every label is one of the four stance values (SemEval-style data has no neutral, so
    /// its none becomes the third class); over the labels themselves otherwise.
    public static func stance(gold: [String], predicted: [String]) -> StanceScores {
        let all = Set(gold)
        guard all.isSubset(of: ["favor", "against", "neutral", "none"]) else {
            return StanceScores(gold: gold, predicted: predicted, classes: all.sorted())
        }
        let classes = ["favor", "against", "neutral"].filter { all.contains($0) || ($0 == "neutral" && all.contains("none")) }
        return StanceScores(gold: gold.map(threeWay), predicted: predicted.map(threeWay), classes: classes)
    }

    public func table() -> String {
        func pct(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
        var lines = ["class      precision  recall     F1  support"]
        for c in classes {
            let s = perClass[c]!
            lines.append(c.padding(toLength: 10, withPad: " ", startingAt: 0) + "    " + pct(s.precision) + "   " + pct(s.recall) + "  " + pct(s.f1) + "  " + String(format: "%7d", s.support))
        }
        lines.append("macro-F1 \(pct(macroF1))   accuracy \(pct(accuracy))   n=\(count)")
        return lines.joined(separator: "\n")
    }
}
