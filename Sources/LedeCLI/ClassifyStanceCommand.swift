import ArgumentParser
import Foundation
import LedeCore
import LedeLearn
import LedeStages

struct ClassifyStanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify-stance",
        abstract: "Label quotations with a trained stance model.",
        discussion: "Reads JSON lines {\"id\",\"text\",\"target\"} (label optional; CSV when FILE ends in .csv) and prints each line back with \"predicted\" and \"score\" added.")

    @Option(help: "A model from `lede train-stance`.", completion: .file())
    var model: String

    @Argument(help: "Data to label (standard input when omitted).", completion: .file())
    var file: String?

    func run() throws {
        // A model error is not a usage error: thrown as is, it prints without the usage text.
        let m = try LinearStanceModel(path: model)
        let examples = try StanceDataset.read(path: file ?? "-", requireLabels: false)
        for line in try Self.classify(examples, model: m) { print(line) }
    }

    /// One JSON line per example: its fields plus `predicted` and `score` (sorted keys, so output is stable).
    static func classify(_ examples: [StanceExample], model: LinearStanceModel) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try examples.map { e in
            let p = model.predict(text: e.text, target: e.target)
            var fields = e.fields
            fields["predicted"] = .string(p.label)
            fields["score"] = .number((p.score * 10000).rounded() / 10000)
            return String(decoding: try encoder.encode(fields), as: UTF8.self)
        }
    }
}
