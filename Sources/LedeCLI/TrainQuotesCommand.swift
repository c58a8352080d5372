import ArgumentParser
import Foundation
import LedeCore
import LedeEval
import LedeStages

struct TrainQuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-quotes",
        abstract: "Train an attribution model (source, cue, content tagger) for the quotes stage.",
        discussion: """
        Each DATA is a gold JSON Lines file (the format `lede eval` reads) or a PolNeAR-style split \
        folder (text/ and attributions/). Tokens are tagged as source, cue, content or outside (BIO) by a \
        linear-chain CRF (or, with --learner perceptron, a structured averaged perceptron) over hashed \
        features, including the rule engine's matches. With \
        --dev, end-to-end F1 over all kinds is printed after every epoch, the best epoch is kept and \
        training stops after --patience epochs without improvement; --hold-out PERCENT does the same on every k-th \
        training document instead, then retrains on all of them for the best number of epochs. A second pass \
        (stacking) then learns from the first pass's tags, which a --stack-folds jackknife produces on the \
        training data; --stack-folds 0 trains one pass. Same data and seed, same model bytes.

        Use the model with `quotes: {model: PATH}` in a pipeline or `lede eval --model PATH`.
        """)

    @Argument(help: "Training data: gold .jsonl files or PolNeAR split folders.", completion: .file())
    var data: [String]

    @Option(help: "Where to write the model.", completion: .file())
    var out: String

    @Option(help: "Development data (.jsonl or split folder) for per-epoch figures and early stopping.", completion: .file())
    var dev: String?

    @Option(help: "Maximum number of passes over the training data.")
    var epochs = 40

    @Option(help: ArgumentHelp("Hold out this percentage of the training documents (every k-th) for early stopping instead of --dev, then retrain on all of them for the best number of epochs.", valueName: "percent"))
    var holdOut: Int?

    @Option(help: "Seed of the training order.")
    var seed: UInt64 = 1

    @Option(help: "Epochs without dev improvement before stopping.")
    var patience = 5

    @Option(help: "log2 of the number of feature hash buckets (model size and tagging time grow with it; 16 scores like 17–19 on PolNeAR and tags about a fifth faster).")
    var hashBits = 16

    @Option(help: "Folds of the jackknife that tags the training data for a stacked second pass (5 helped the perceptron, not the CRF); 0 or 1: one pass only.")
    var stackFolds = 0

    @Option(help: "Share of the first pass's scores the second pass adds its own to.")
    var stackFirstShare = 0.1

    @Option(help: "log2 of the second pass's feature hash buckets.")
    var stackHashBits = 15

    @Option(help: "How the first pass learns: crf (likelihood gradient with AdaGrad steps, averaged) or perceptron.")
    var learner: AttributionLearner = .crf

    @Option(help: "How the stacked second pass learns: perceptron or crf.")
    var stackLearner: AttributionLearner = .perceptron

    @Option(help: "AdaGrad base rate of CRF passes (lower: more epochs, a little better).")
    var rate = 0.01

    @Option(help: "Share of each token's features a CRF step leaves out at random (seeded), so the model does not lean on the rules' matches alone; 0: none.")
    var dropout = 0.1

    @Flag(help: "Diagnostics: score the gold tags pushed through the triple assembler (the ceiling of a perfect tagger) on DATA and --dev, without training.")
    var oracle = false

    @Flag(help: "With --oracle: list the oracle's missed, spurious and wrongly attributed quotations on standard error.")
    var showErrors = false

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one DATA file or folder") }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if let holdOut, !(1...50).contains(holdOut) { throw ValidationError("--hold-out must be between 1 and 50 (percent)") }
        if !(12...22).contains(hashBits) { throw ValidationError("--hash-bits must be between 12 and 22") }
        if !(12...22).contains(stackHashBits) { throw ValidationError("--stack-hash-bits must be between 12 and 22") }
        if !(stackFirstShare > 0 && stackFirstShare <= 1) { throw ValidationError("--stack-first-share must be in (0, 1]") }
        if !(rate > 0 && rate <= 10) { throw ValidationError("--rate must be in (0, 10]") }
        if !(dropout >= 0 && dropout <= 0.9) { throw ValidationError("--dropout must be in [0, 0.9]") }
        if !(0...20).contains(stackFolds) { throw ValidationError("--stack-folds must be between 0 and 20") }
    }

    func run() throws {
        let started = Date()
        let sets = try data.map(TrainingData.load)
        let documents = sets.flatMap(\.documents)
        let examples = documents.map(Self.example)
        let devSet = try dev.map(TrainingData.load)
        let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
        let preprocess: [any Stage] = [try NormalizeStage(options: .init(), context: context), try SegmentStage(options: .init(), context: context)]
        if oracle {
            let quotes = QuotesStage(options: .init(), model: nil)
            for (name, set) in [("train", TrainingData.Set(documents: documents, speakerMatch: sets[0].speakerMatch))] + (devSet.map { [("dev", $0)] } ?? []) {
                var scorer = Scorer(speakerMatch: set.speakerMatch)
                for d in set.documents {
                    var doc = Document(id: d.id, text: d.text)
                    for s in preprocess { try s.process(&doc) }
                    quotes.oracle(&doc, triples: Self.example(d).triples)
                    let pred = Evaluator.predictions(doc)
                    let alignment = scorer.add(gold: d.quotes, predicted: pred, text: Array(d.text.unicodeScalars))
                    if showErrors {
                        let sc = Array(d.text.unicodeScalars)
                        func cut(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(sc[max(0, a)..<min(b, sc.count)])).replacingOccurrences(of: "\n", with: " ") }
                        for (g, p, ok) in alignment where !ok {
                            var line = "\(d.id)\t"
                            if let g { let q = d.quotes[g]; line += "GOLD \(q.kind) [\(cut(q.start, q.end))] by <\(q.speaker ?? "-")>" } else { line += "MISSING-GOLD" }
                            line += "\t"
                            if let p { let q = pred[p]; line += "PRED \(q.kind) [\(cut(q.start, q.end))] by <\(q.speaker ?? "-")>" + (q.speakerStart.map { " mention <\(cut($0, q.speakerEnd!))>" } ?? "") } else { line += "NO-PRED" }
                            FileHandle.standardError.write(Data((line + "\n").utf8))
                        }
                    }
                }
                print("== oracle (gold tags → assembler), \(name): \(set.documents.count) documents")
                print(scorer.table(), terminator: "")
            }
            return
        }
        var options = AttributionTrainer.Options()
        options.epochs = epochs; options.seed = seed; options.patience = patience; options.hashBits = hashBits
        options.stackFolds = stackFolds; options.stackFirstShare = stackFirstShare; options.stackHashBits = stackHashBits
        options.learner = learner; options.stackLearner = stackLearner; options.rate = rate; options.dropout = dropout
        func scorer(_ documents: [GoldDocument], speakerMatch: SpeakerMatch) -> (AttributionModel) -> Double {
            { model in
                let stages = preprocess + [QuotesStage(options: .init(), model: model)]
                let (scorer, _) = Evaluator(stages: stages).evaluate(documents, speakerMatch: speakerMatch)
                let row = { (name: String) in scorer.rows.first { $0.name == name }! }
                print(String(format: "  e2e-F1 all %.3f  direct+mixed %.3f  indirect %.3f (recall %.3f)",
                             row("all").endToEndF1, row("direct+mixed").endToEndF1, row("indirect").endToEndF1, row("indirect").recall))
                return row("all").endToEndF1
            }
        }
        /// The role biases are tuned when the final decode's scores are a CRF's: the perceptron's are
        /// two orders larger, and the grids are the CRF's.
        func tuneRoleBiases(_ m: inout AttributionModel, _ score: (AttributionModel) -> Double) {
            guard (m.header.stack_epochs == nil ? learner : stackLearner) == .crf else { return }
            m.tuneRoleBiases(score: score, log: { print($0) })
        }
        var model: AttributionModel
        if let holdOut {
            // Every k-th document is held out (deterministic); the best epoch count on it is then
            // used to train on everything, so no dev data is needed to choose when to stop.
            let every = max(2, 100 / holdOut)
            let held = examples.indices.filter { $0 % every == every - 1 }
            let heldSet = Set(held)
            let rest = examples.indices.filter { !heldSet.contains($0) }.map { examples[$0] }
            let speakerMatch = sets[0].speakerMatch
            print("hold-out: \(held.count) of \(examples.count) documents for early stopping")
            var probe = try AttributionTrainer.train(rest, preprocess: preprocess, options: options, trainedOn: data,
                                                     evaluate: scorer(held.map { documents[$0] }, speakerMatch: speakerMatch), log: { print($0) })
            options.epochs = probe.header.epochs; options.stackEpochs = probe.header.stack_epochs; options.patience = Int.max
            print("retraining on all \(examples.count) documents for \(options.epochs) epochs" + (options.stackEpochs.map { ", second pass \($0)" } ?? ""))
            model = try AttributionTrainer.train(examples, preprocess: preprocess, options: options, trainedOn: data,
                                                 evaluate: nil, log: { print($0) })
            model.header.dev_score = probe.header.dev_score
            // The probe never saw the held-out documents: its role biases and calibration carry over.
            tuneRoleBiases(&probe, scorer(held.map { documents[$0] }, speakerMatch: speakerMatch))
            for role in RoleBias.allCases { model.header[keyPath: role.keyPath] = probe.header[keyPath: role.keyPath] }
            model.header.confidence_calibration = try probe.fitConfidence(on: held.map { examples[$0] }, preprocess: preprocess)
        } else {
            model = try AttributionTrainer.train(examples, preprocess: preprocess, options: options, trainedOn: data,
                                                 evaluate: devSet.map { scorer($0.documents, speakerMatch: $0.speakerMatch) }, log: { print($0) })
            if let devSet {
                tuneRoleBiases(&model, scorer(devSet.documents, speakerMatch: devSet.speakerMatch))
                model.header.confidence_calibration = try model.fitConfidence(on: devSet.documents.map(Self.example), preprocess: preprocess)
            }
        }
        if let c = model.header.confidence_calibration {
            print(String(format: "confidence calibrated on the dev quotations: σ(%.3g · margin %+.3f)", c[0], c[1]))
        } else {
            print("no dev data: quotations get fixed confidences (give --dev or --hold-out to calibrate them)")
        }
        let bytes = model.serialized()
        try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
        print(String(format: "wrote %@ (%.1f MB, epoch %d%@) in %.1f s", out, Double(bytes.count) / 1_000_000, model.header.epochs,
                     model.header.stack_epochs.map { ", second pass epoch \($0)" } ?? "", Date().timeIntervalSince(started)))
    }

    static func example(_ d: GoldDocument) -> AttributionExample {
        AttributionExample(id: d.id, text: d.text, triples: d.quotes.compactMap { q in
            guard q.start < q.end else { return nil }
            func range(_ a: Int?, _ b: Int?) -> Range<Int>? { if let a, let b, a < b { return a..<b } else { return nil } }
            return .init(content: q.start..<q.end, source: range(q.speakerStart, q.speakerEnd), cue: range(q.cueStart, q.cueEnd))
        })
    }
}

extension AttributionLearner: ExpressibleByArgument {}
