import ArgumentParser
import Foundation
import LedeLearn
import LedeStages
import Yams

struct StanceEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-stance",
        abstract: "Score the stance taggers on labelled quotations.",
        discussion: """
        Reports precision, recall and F1 per class and macro-F1 over favor / against / neutral (a gold or predicted \
        `none` counts as neutral: it takes no side), plus the SemEval-2016 average of the favor and against F1, for \
        the rule tagger and, with --model, for a trained model. The rule tagger needs each target's terms: give them \
        with --targets (a YAML list in the stance stage's `targets:` schema); targets not listed use their own content words.
        """)

    @Argument(help: "Labelled data (.jsonl, or .csv).", completion: .file())
    var data: String

    @Option(help: "A model from `lede train-stance` to score as well.", completion: .file())
    var model: String?

    @Option(help: "YAML list of targets (id, terms, favor, against, model_target).", completion: .file())
    var targets: String?

    func run() throws {
        let examples = try StanceDataset.read(path: data, requireLabels: true)
        let specs = try targets.map(Self.loadTargets) ?? []
        var sections: [String] = []
        let rule = Self.evaluate(examples, predict: Self.ruleTagger(specs))
        sections.append("rule tagger\n" + Self.describe(rule))
        if let model {
            let m = try LinearStanceModel(path: model)
            let scores = Self.evaluate(examples) { m.predict(text: $0.text, target: $0.target).label }
            sections.append("model \(model)\n" + Self.describe(scores))
        }
        print(sections.joined(separator: "\n\n"))
    }

    static let classes = ["favor", "against", "neutral"]

    static func loadTargets(_ path: String) throws -> [StanceTargetSpec] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read '\(path)'") }
        do { return try YAMLDecoder().decode([StanceTargetSpec].self, from: String(decoding: data, as: UTF8.self)) } catch {
            throw ValidationError("\(path): not a list of targets: \(error)")
        }
    }

    /// The rule tagger as a function of one example: its target found by id or `model_target`.
    static func ruleTagger(_ specs: [StanceTargetSpec]) -> (StanceExample) -> String {
        let tagger = StanceTagger(model: nil)
        var byName: [String: StanceTargetSpec] = [:]
        for s in specs {
            byName[FeatureHasher.targetKey(s.id)] = s
            if let m = s.model_target { byName[FeatureHasher.targetKey(m)] = s }
        }
        return { e in
            let spec = byName[FeatureHasher.targetKey(e.target)] ?? .derived(from: e.target)
            return tagger.tag(text: e.text, target: spec).label.rawValue
        }
    }

    static func evaluate(_ examples: [StanceExample], predict: (StanceExample) -> String) -> StanceScores {
        StanceScores(gold: examples.map { StanceScores.threeWay($0.label!) },
                     predicted: examples.map { StanceScores.threeWay(predict($0)) }, classes: classes)
    }

    static func describe(_ s: StanceScores) -> String {
        let favg = (s.perClass["favor"]!.f1 + s.perClass["against"]!.f1) / 2
        return s.table() + String(format: "\nF_avg(favor, against) %.1f", favg * 100)
    }
}
