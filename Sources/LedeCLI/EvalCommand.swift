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
        capitalized word with it. End-to-end F1 needs span and speaker both right.
        """)

    @Argument(help: "Gold JSON Lines file.", completion: .file())
    var gold: String?

    @Option(help: "PolNeAR-style split directory (text/ and attributions/).", completion: .directory)
    var polnear: String?

    @Option(help: "Pipeline YAML whose stages produce the quotes (output stages are skipped).", completion: .file())
    var pipeline: String?

    @Flag(help: "List missed, spurious and wrongly attributed quotations (tab-separated) on standard error.")
    var showErrors = false

    @Flag(help: "Print the rows as JSON.")
    var json = false

    func validate() throws {
        if (gold == nil) == (polnear == nil) { throw ValidationError("give either GOLD or --polnear DIR") }
    }

    func run() throws {
        let docs: [GoldDocument]
        let match: SpeakerMatch
        if let polnear {
            docs = try PolNeARReader.read(split: polnear)
            match = .overlap
        } else {
            docs = try GoldReader.read(path: gold!)
            match = .name
        }
        let stages: [any Stage]
        if let pipeline {
            let loaded = try PipelineLoader(registry: StageCatalog.registry, checkPaths: false).load(file: pipeline)
            stages = loaded.stages.filter { $0.sink == nil }.map(\.stage)
        } else {
            let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
            stages = [try NormalizeStage(options: .init(), context: context),
                      try SegmentStage(options: .init(), context: context),
                      try QuotesStage(options: .init(), context: context)]
        }
        let (scorer, failures) = Evaluator(stages: stages).evaluate(docs, speakerMatch: match,
            errors: showErrors ? { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } : nil)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            struct Out: Encodable { var documents: Int; var failures: [String]; var rows: [RowOut] }
            struct RowOut: Encodable {
                var kind: String; var gold: Int; var predicted: Int; var precision: Double; var recall: Double; var f1: Double
                var speaker_accuracy: Double; var e2e_precision: Double; var e2e_recall: Double; var e2e_f1: Double
            }
            let rows = scorer.rows.map { RowOut(kind: $0.name, gold: $0.gold, predicted: $0.predicted, precision: $0.precision,
                                                recall: $0.recall, f1: $0.f1, speaker_accuracy: $0.speakerAccuracy,
                                                e2e_precision: $0.endToEndPrecision, e2e_recall: $0.endToEndRecall, e2e_f1: $0.endToEndF1) }
            FileHandle.standardOutput.write(try encoder.encode(Out(documents: docs.count, failures: failures, rows: rows)))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            print("\(docs.count) documents, \(failures.count) failed")
            for f in failures { print("  failed: \(f)") }
            print(scorer.table(), terminator: "")
        }
    }
}
