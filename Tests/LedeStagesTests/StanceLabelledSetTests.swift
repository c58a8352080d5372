import Foundation
import LedeLearn
import LedeStages
import Testing
import Yams

/// The committed labelled set: its shape, and the rule tagger's score on it as a regression floor.
@Suite("Stance labelled set")
struct StanceLabelledSetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func labelledSetHasEnoughQuotationsAndTargets() throws {
        let train = try StanceDataset.read(path: Self.root + "/data/stance/labelled.jsonl", requireLabels: true)
        let dev = try StanceDataset.read(path: Self.root + "/data/stance/dev.jsonl", requireLabels: true)
        #expect(train.count >= 150)
        #expect(Set(train.map(\.target)).count >= 3)
        #expect(Set(train.map(\.id)).isDisjoint(with: dev.map(\.id)))
        #expect(Set(train.map(\.text)).isDisjoint(with: dev.map(\.text)))
    }

    @Test func ruleTaggerBeatsSentimentBaselinesOnTheDevSplit() throws {
        let dev = try StanceDataset.read(path: Self.root + "/data/stance/dev.jsonl", requireLabels: true)
        let yaml = try String(contentsOfFile: Self.root + "/data/stance/targets.yaml", encoding: .utf8)
        let specs = try YAMLDecoder().decode([StanceTargetSpec].self, from: yaml)
        let tagger = StanceTagger(model: nil)
        let predicted = dev.map { e in
            tagger.tag(text: e.text, target: specs.first { $0.model_target == e.target }!).label.rawValue
        }
        let scores = StanceScores.stance(gold: dev.map { $0.label! }, predicted: predicted)
        // VADER-style sentiment scores 32–54 macro-F1 on stance data; the rule tagger must do better.
        #expect(scores.macroF1 > 0.6, "rule tagger macro-F1 \(scores.macroF1)")
    }
}
