import ArgumentParser
import Foundation
import LedeConfig
import LedeCore
import LedeEval
import LedeStages

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the quotes stage against annotated articles.",
        discussion: """
        GOLD is a JSON Lines file: {"id","text","quotes":[{"kind","start","end","speaker","speaker_start",…}]} \
        with code-point offsets; direct content excludes the quotation marks. With --polnear DIR, reads a \
        PolNeAR-style split instead (DIR/text/*.txt and DIR/attributions/*.ann).

        The pipeline is normalize → segment → quotes with default options, or the non-output stages of \
        --pipeline FILE.

        Matching: a prediction matches a gold quotation when their overlap is at least 50% of their union; \
        pairs are matched one-to-one, greedily by overlap. Rows by kind (direct, mixed, indirect, \
        direct+mixed, all) count a match by span whatever the predicted kind: toward recall under the gold \
        kind and toward precision under the predicted kind. Speaker accuracy is over matched gold \
        quotations: the resolved name equals the gold name ignoring case, titles and articles, or is the \
        gold name's last word. For PolNeAR, whose gold speaker is the source as written, the speaker is \
        right when the predicted mention overlaps the gold source span or the resolved name shares a \
        capitalized word with it. A gold quotation without a speaker (PolNeAR's source-less \
        attributions, "is expected to") is speaker-right only when the prediction names nobody either. \
        End-to-end F1 needs span and speaker both right.
        """)

    @Argument(help: "Gold JSON Lines file.", completion: .file())
    var gold: String?

    @Option(help: "PolNeAR-style split directory (text/ and attributions/).", completion: .directory)
    var polnear: String?

    @Option(help: "Pipeline YAML whose stages produce the quotes (output stages are skipped).", completion: .file())
    var pipeline: String?

    @Option(help: "Attribution model from `lede train-quotes`: score the rules and the model side by side.", completion: .file())
    var model: String?

    @Flag(help: "List missed, spurious and wrongly attributed quotations (tab-separated) on standard error.")
    var showErrors = false

    @Flag(help: "Print the rows as JSON.")
    var json = false

    @Option(help: "Labelled stance data (.jsonl or .csv): report stance macro-F1 instead, as `lede eval-stance` does.", completion: .file())
    var stance: String?

    @Option(help: "With --stance: YAML list of targets for the rule tagger.", completion: .file())
    var targets: String?

    @Option(help: "With --stance: a model from `lede train-stance` to score beside the rules.", completion: .file())
    var stanceModel: String?

    func validate() throws {
        if stance != nil {
            if gold != nil || polnear != nil { throw ValidationError("--stance scores stance data; give it without GOLD or --polnear") }
            return
        }
        if (gold == nil) == (polnear == nil) { throw ValidationError("give either GOLD, --polnear DIR or --stance DATA") }
        if model != nil && pipeline != nil { throw ValidationError("give --model or --pipeline, not both (a pipeline names its model in quotes: {model: …})") }
    }

    func run() throws {
        if let stance {
            var arguments = [stance]
            if let targets { arguments += ["--targets", targets] }
            if let stanceModel { arguments += ["--model", stanceModel] }
            var command = try StanceEvalCommand.parse(arguments)
            try command.run()
            return
        }
        let docs: [GoldDocument]
        let match: SpeakerMatch
        if let polnear {
            docs = try PolNeARReader.read(split: polnear)
            match = .overlap
        } else {
            docs = try GoldReader.read(path: gold!)
            match = .name
        }
        var runs: [(String, [any Stage])] = []
        if let pipeline {
            let loaded = try PipelineLoader(registry: StageCatalog.registry, checkPaths: false).load(file: pipeline)
            runs.append(("pipeline", loaded.stages.filter { $0.sink == nil }.map(\.stage)))
        } else {
            let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
            let base: [any Stage] = [try NormalizeStage(options: .init(), context: context), try SegmentStage(options: .init(), context: context)]
            runs.append(("rules", base + [try QuotesStage(options: .init(), context: context)]))
            if let model {
                var options = QuotesStage.Options()
                options.model = model
                do { runs.append(("model", base + [try QuotesStage(options: options, context: context)])) }
                catch let e as OptionError { throw ValidationError(e.message) }
            }
        }
        var results: [(String, Scorer, [String])] = []
        for (name, stages) in runs {
            let (scorer, failures) = Evaluator(stages: stages).evaluate(docs, speakerMatch: match,
                errors: showErrors && name == runs.last!.0 ? { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } : nil)
            results.append((name, scorer, failures))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            struct Out: Encodable { var documents: Int; var failures: [String]; var rows: [RowOut]; var model_rows: [RowOut]? }
            struct RowOut: Encodable {
                var kind: String; var gold: Int; var predicted: Int; var precision: Double; var recall: Double; var f1: Double
                var speaker_accuracy: Double; var e2e_precision: Double; var e2e_recall: Double; var e2e_f1: Double
            }
            func rows(_ scorer: Scorer) -> [RowOut] {
                scorer.rows.map { RowOut(kind: $0.name, gold: $0.gold, predicted: $0.predicted, precision: $0.precision,
                                         recall: $0.recall, f1: $0.f1, speaker_accuracy: $0.speakerAccuracy,
                                         e2e_precision: $0.endToEndPrecision, e2e_recall: $0.endToEndRecall, e2e_f1: $0.endToEndF1) }
            }
            // `rows` stays the first run's (rules or pipeline) so existing consumers keep working.
            let out = Out(documents: docs.count, failures: results[0].2, rows: rows(results[0].1),
                          model_rows: results.count > 1 ? rows(results[1].1) : nil)
            FileHandle.standardOutput.write(try encoder.encode(out))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            for (name, scorer, failures) in results {
                if results.count > 1 { print("== \(name)") }
                print("\(docs.count) documents, \(failures.count) failed")
                for f in failures { print("  failed: \(f)") }
                print(scorer.table(), terminator: "")
            }
        }
    }
}
