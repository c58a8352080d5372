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
        structured averaged perceptron over hashed features, including the rule engine's matches. With \
        --dev, end-to-end F1 over all kinds is printed after every epoch, the best epoch is kept and \
        training stops after --patience epochs without improvement. Same data and seed, same model bytes.

        Use the model with `quotes: {model: PATH}` in a pipeline or `lede eval --model PATH`.
        """)

    @Argument(help: "Training data: gold .jsonl files or PolNeAR split folders.", completion: .file())
    var data: [String]

    @Option(help: "Where to write the model.", completion: .file())
    var out: String

    @Option(help: "Development data (.jsonl or split folder) for per-epoch figures and early stopping.", completion: .file())
    var dev: String?

    @Option(help: "Maximum number of passes over the training data.")
    var epochs = 20

    @Option(help: "Seed of the training order.")
    var seed: UInt64 = 1

    @Option(help: "Epochs without dev improvement before stopping.")
    var patience = 3

    @Option(help: "log2 of the number of feature hash buckets (model size grows with it).")
    var hashBits = 17

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one DATA file or folder") }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if !(12...22).contains(hashBits) { throw ValidationError("--hash-bits must be between 12 and 22") }
    }

    func run() throws {
        let started = Date()
        var examples: [AttributionExample] = []
        for path in data { examples += try TrainingData.load(path).documents.map(Self.example) }
        let devSet = try dev.map(TrainingData.load)
        let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
        let preprocess: [any Stage] = [try NormalizeStage(options: .init(), context: context), try SegmentStage(options: .init(), context: context)]
        var options = AttributionTrainer.Options()
        options.epochs = epochs; options.seed = seed; options.patience = patience; options.hashBits = hashBits
        let evaluate: ((AttributionModel) -> Double)? = devSet.map { set in
            { model in
                let stages = preprocess + [QuotesStage(options: .init(), model: model)]
                let (scorer, _) = Evaluator(stages: stages).evaluate(set.documents, speakerMatch: set.speakerMatch)
                let row = { (name: String) in scorer.rows.first { $0.name == name }! }
                print(String(format: "  dev e2e-F1 all %.3f  direct+mixed %.3f  indirect %.3f (recall %.3f)",
                             row("all").endToEndF1, row("direct+mixed").endToEndF1, row("indirect").endToEndF1, row("indirect").recall))
                return row("all").endToEndF1
            }
        }
        let model = try AttributionTrainer.train(examples, preprocess: preprocess, options: options, trainedOn: data,
                                                 evaluate: evaluate, log: { print($0) })
        let bytes = model.serialized()
        try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
        print(String(format: "wrote %@ (%.1f MB, epoch %d) in %.1f s", out, Double(bytes.count) / 1_000_000, model.header.epochs,
                     Date().timeIntervalSince(started)))
    }

    static func example(_ d: GoldDocument) -> AttributionExample {
        AttributionExample(id: d.id, text: d.text, triples: d.quotes.compactMap { q in
            guard q.start < q.end else { return nil }
            func range(_ a: Int?, _ b: Int?) -> Range<Int>? { if let a, let b, a < b { return a..<b } else { return nil } }
            return .init(content: q.start..<q.end, source: range(q.speakerStart, q.speakerEnd), cue: range(q.cueStart, q.cueEnd))
        })
    }
}
