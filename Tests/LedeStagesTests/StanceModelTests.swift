import Foundation
import LedeConfig
import LedeCore
import LedeLearn
import LedeStages
import Testing

@Suite("Stance model training")
struct StanceModelTests {
    /// A small, separable training set: two targets, three labels.
    static let training: [StanceExample] = {
        let rows: [(String, String, String)] = [
            ("tax", "favor", "The tax is fair and we back it."), ("tax", "favor", "Pass the tax now, it works."),
            ("tax", "favor", "A fair tax that works for everyone."), ("tax", "favor", "We back the tax fully."),
            ("tax", "against", "The tax is a burden and must be scrapped."), ("tax", "against", "Scrap this burden of a tax."),
            ("tax", "against", "Families cannot carry this burden."), ("tax", "against", "The tax must be scrapped."),
            ("tax", "neutral", "The tax bill goes to committee on Monday."), ("tax", "neutral", "The committee meets Monday about the tax."),
            ("tax", "neutral", "The tax bill has four hundred pages."), ("tax", "neutral", "Monday the committee reads the tax bill."),
            ("merger", "favor", "The merger is a win for customers."), ("merger", "favor", "Customers win with this merger."),
            ("merger", "favor", "A win for every customer, this merger."), ("merger", "favor", "The merger is a clear win."),
            ("merger", "against", "Block the merger before prices rise."), ("merger", "against", "Prices rise if the merger goes through; block it."),
            ("merger", "against", "Regulators should block it, prices will rise."), ("merger", "against", "Block this merger."),
            ("merger", "neutral", "The merger closes in the second quarter."), ("merger", "neutral", "Second quarter closing for the merger."),
            ("merger", "neutral", "The merger documents were filed in the second quarter."), ("merger", "neutral", "The merger was filed."),
        ]
        return rows.enumerated().map { StanceExample(id: String($0.offset), text: $0.element.2, target: $0.element.0, label: $0.element.1) }
    }()

    static func options(seed: UInt64 = 7) -> StanceTrainingOptions {
        var o = StanceTrainingOptions()
        o.c = 10
        o.seed = seed
        o.folds = 3
        o.minDF = 1
        o.maxIterations = 150
        o.features.dimensions_log2 = 16
        return o
    }

    @Test func trainingIsDeterministicAndFitsItsData() throws {
        let a = try StanceTrainer.train(Self.training, options: Self.options())
        let b = try StanceTrainer.train(Self.training, options: Self.options())
        #expect(try a.model.encoded() == b.model.encoded())
        // Another training set must give another model, or the equality above proves nothing.
        let c = try StanceTrainer.train(Array(Self.training.dropFirst(3)), options: Self.options())
        #expect(try c.model.encoded() != a.model.encoded())

        #expect(a.model.classes == ["against", "favor", "neutral"])
        #expect(a.model.targets == ["merger", "tax"])
        #expect(a.crossValidation != nil)
        let model = try LinearStanceModel(data: try a.model.encoded())
        let predicted = Self.training.map { model.predict(text: $0.text, target: $0.target).label }
        let correct = zip(predicted, Self.training).filter { $0.0 == $0.1.label }.count
        #expect(correct >= Self.training.count - 1, "fits \(correct) of \(Self.training.count)")
        let unseen = model.predict(text: "This tax is a burden, scrap it.", target: "tax")
        #expect(unseen.label == "against")
        #expect(unseen.score > 0.34 && unseen.score <= 1)
    }

    @Test func otherVersionsAndFormatsAreRefused() throws {
        let file = try StanceTrainer.train(Self.training, options: Self.options()).model
        var future = file
        future.version = StanceModelFile.currentVersion + 1
        #expect {
            try LinearStanceModel(data: try future.encoded())
        } throws: { error in
            "\(error)".contains("version \(StanceModelFile.currentVersion + 1) is not supported")
        }
        var foreign = file
        foreign.format = "something-else"
        #expect(throws: StanceModelError.self) { try LinearStanceModel(data: try foreign.encoded()) }
        #expect(throws: StanceModelError.self) { try LinearStanceModel(data: Data("{\"format\":\"lede-stance-linear\",\"version\":1}".utf8)) }
        #expect(throws: StanceModelError.self) { try LinearStanceModel(data: Data("not json".utf8)) }
        #expect(throws: Never.self) { try LinearStanceModel(data: try file.encoded()) }
    }

    @Test func float32Base64RoundTrips() {
        let values: [Float] = [0, -1.5, 3.25e-7, .greatestFiniteMagnitude]
        #expect(Float32Base64.decode(Float32Base64.encode(values)) == values)
        #expect(Float32Base64.decodeUInt32(Float32Base64.encode([UInt32(0), 7, .max])) == [0, 7, .max])
    }

    @Test func csvAndJSONLinesReadTheSameExamples() throws {
        let csv = try StanceDataset.parseCSV("id,text,target,label\n1,\"Back it, now\",tax,FAVOR\n2,\"Say \"\"no\"\"\",tax,\n", source: "x.csv", requireLabels: false)
        #expect(csv.map(\.text) == ["Back it, now", "Say \"no\""])
        #expect(csv.map(\.label) == ["favor", nil])
        let jsonl = try StanceDataset.parseJSONLines("{\"id\":\"1\",\"text\":\"Back it, now\",\"target\":\"tax\",\"label\":\"favor\"}\n", source: "x", requireLabels: true)
        #expect(jsonl[0].text == csv[0].text && jsonl[0].label == csv[0].label)
        #expect(throws: StanceDataError.self) { try StanceDataset.parseJSONLines("{\"text\":\"x\",\"target\":\"t\",\"label\":\"maybe\"}", source: "x", requireLabels: true) }
    }
}

@Suite("Stance stage with a model")
struct StanceStageModelTests {
    @Test func pipelineLoadsAModelAndAppliesIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-stance-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try StanceTrainer.train(StanceModelTests.training, options: StanceModelTests.options())
        try report.model.encoded().write(to: URL(fileURLWithPath: dir + "/models/m.json"))

        let yaml = """
            stages:
              - normalize: {}
              - segment: {}
              - stance:
                  targets:
                    - {id: carbon, terms: [tax], model_target: tax}
                  model: \(dir)/models/m.json
                  quotes: false
                  sentences: true
            """
        let pipeline = try PipelineLoader(registry: BuiltInStages.registry(), checkPaths: false).load(yaml: yaml, file: dir + "/p.yaml")
        var d = Document(id: "a", text: "Scrap this burden of a tax. The weather was mild.")
        for s in pipeline.stages { try s.stage.process(&d) }
        let rows = try #require(d.extensions["stance.sentences"]?.array)
        #expect(rows.count == 1)
        #expect(rows.first?["target"]?.string == "carbon")
        #expect(rows.first?["label"]?.string == "against")
    }
}
