import ArgumentParser
import Foundation
import LedeLearn
import LedeStages

struct TrainStanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-stance",
        abstract: "Train a linear stance model from labelled quotations.",
        discussion: """
        DATA is JSON lines {"id","text","target","label"} (or CSV with those columns), label favor | against | neutral | none. \
        Fits multinomial logistic regression on hashed word 1–2-grams and character 2–5-grams (TF-IDF, sublinear, \
        L2-normalised, crossed with the target), reports k-fold cross-validated macro-F1, and writes a small versioned \
        JSON model for the stance stage's `model:` option. Without --c, the regularisation is picked by cross-validation.
        """)

    @Argument(help: "Labelled data (.jsonl, or .csv).", completion: .file())
    var data: String

    @Option(name: .long, help: "Where to write the model.")
    var out: String

    @Option(name: .customLong("c"), help: "Inverse regularisation strength (default: best of 1, 3, 10, 30 by cross-validation).")
    var c: Double?

    @Option(help: "Folds for cross-validation.")
    var folds = 5

    @Option(help: "Seed for the fold assignment.")
    var seed: UInt64 = 1

    @Option(help: "Most L-BFGS iterations.")
    var iterations = 300

    @Flag(inversion: .prefixedNo, help: "Weight classes inversely to their frequency.")
    var classBalanced = true

    @Flag(inversion: .prefixedNo, help: "Add target-specific copies of every feature.")
    var crossTarget = true

    @Flag(inversion: .prefixedNo, help: "Add the rule lexicon's favor / against / neutral cue weights as features.")
    var lexiconFeatures = true

    @Option(help: "Drop features seen in fewer training examples than this.")
    var minDf = 2

    @Option(help: "log2 of the hashed feature space.")
    var dimensionsLog2 = 20

    func validate() throws {
        if folds < 2 { throw ValidationError("--folds must be at least 2") }
        if let c, !(c > 0) { throw ValidationError("--c must be positive") }
        if minDf < 1 { throw ValidationError("--min-df must be at least 1") }
        if !(10...24).contains(dimensionsLog2) { throw ValidationError("--dimensions-log2 must be between 10 and 24") }
    }

    func run() throws {
        let examples = try StanceDataset.read(path: data, requireLabels: true)
        var options = StanceTrainingOptions()
        options.c = c
        options.folds = folds
        options.seed = seed
        options.maxIterations = iterations
        options.classBalanced = classBalanced
        options.features.cross_target = crossTarget
        options.features.dimensions_log2 = dimensionsLog2
        options.features.lexicon_weight = lexiconFeatures ? options.features.lexicon_weight : 0
        options.minDF = minDf
        let report = try StanceTrainer.train(examples, options: options)
        let bytes = try report.model.encoded()
        try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
        var lines = ["examples \(examples.count), classes \(report.model.classes.joined(separator: ", ")), targets \(report.model.targets.count)"]
        for g in report.grid { lines.append(String(format: "  c = %-6g cross-validated macro-F1 %.1f", g.c, g.macroF1 * 100)) }
        if let cv = report.crossValidation {
            lines.append("\(folds)-fold cross-validation at c = \(String(format: "%g", report.c)):")
            lines.append(cv.table())
        } else {
            lines.append("too few examples for \(folds)-fold cross-validation")
        }
        lines.append("wrote \(out) (\(bytes.count / 1024) KB)")
        print(lines.joined(separator: "\n"))
    }
}
