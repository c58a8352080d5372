import Foundation
import LedeConfig
import LedeCore
@testable import LedeEval
@testable import LedeStages
import Testing

/// Fixtures are short articles written for these tests, in both formats the trainer reads.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

func examples(_ docs: [GoldDocument]) -> [AttributionExample] {
    docs.map { d in
        AttributionExample(id: d.id, text: d.text, triples: d.quotes.map { q in
            .init(content: q.start..<q.end, source: q.speakerStart.map { $0..<q.speakerEnd! }, cue: q.cueStart.map { $0..<q.cueEnd! })
        })
    }
}

/// Code point offsets of the first `needle` in `text` (the oracle tests' gold spans).
func scalarRange(of needle: String, in text: String) -> Range<Int> {
    let s = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
    let i = (0...(s.count - n.count)).first { Array(s[$0..<($0 + n.count)]) == n }!
    return i..<(i + n.count)
}

let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
func preprocess() throws -> [any Stage] {
    [try NormalizeStage(options: .init(), context: context), try SegmentStage(options: .init(), context: context)]
}

func trainTiny(seed: UInt64 = 7, epochs: Int = 30, learner: AttributionLearner = .crf, stackFolds: Int = 0, dropout: Double? = nil) throws -> AttributionModel {
    let docs = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents
    var options = AttributionTrainer.Options()
    options.seed = seed; options.epochs = epochs; options.hashBits = 16
    if let dropout { options.dropout = dropout }
    options.learner = learner; options.stackFolds = stackFolds
    return try AttributionTrainer.train(examples(docs), preprocess: try preprocess(), options: options, trainedOn: ["tiny"], log: { _ in })
}

@Suite("Training data readers")
struct TrainingDataTests {
    @Test func readsGoldJSONLines() throws {
        let set = try TrainingData.load(fixtures + "/gold/tiny.jsonl")
        #expect(set.speakerMatch == .name)
        #expect(set.documents.count == 3)
        let ferry = set.documents[0]
        #expect(ferry.quotes.count == 4)
        let scalars = Array(ferry.text.unicodeScalars)
        let q = ferry.quotes.first { $0.kind == "direct" }!
        #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == "We have fixed the ramp and trained new crews")
        #expect(String(String.UnicodeScalarView(scalars[q.speakerStart!..<q.speakerEnd!])) == "Harriet Vell, the board’s chair")
        #expect(String(String.UnicodeScalarView(scalars[q.cueStart!..<q.cueEnd!])) == "said")
    }

    @Test func readsPolNeARSplitFolder() throws {
        let set = try TrainingData.load(fixtures + "/split")
        #expect(set.speakerMatch == .overlap)
        #expect(set.documents.map(\.id) == ["bridge", "ferry", "library"])
        let bridge = set.documents[0]
        #expect(bridge.quotes.count == 4)
        // Kinds are derived from the marks inside the content, as PolNeAR has none; this fixture's
        // direct content excludes its marks (the JSON Lines convention), so it reads as indirect.
        #expect(bridge.quotes.map(\.kind) == ["mixed", "indirect", "indirect", "indirect"])
        #expect(bridge.quotes[0].speaker == "Engineers")
        // Same offsets as the JSON Lines version of the same article.
        let gold = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents.first { $0.id == "tiny/bridge.txt" }!
        #expect(Set(gold.quotes.map { [$0.start, $0.end, $0.cueStart!] }) == Set(bridge.quotes.map { [$0.start, $0.end, $0.cueStart!] }))
    }

    @Test func severalAnnotatorsTakeTheFirstFileByName() throws {
        // Four annotators' files for one article: the reader must take the same one on every file
        // system (here _a, with one attribution), not whichever the directory lists first.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-annotators-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for sub in ["text", "attributions"] { try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true) }
        let text = "The ferry will run late, Ruiz said. The port said repairs had begun. Okafor said fares would rise."
        try text.write(to: dir.appendingPathComponent("text/ferry.txt"), atomically: true, encoding: .utf8)
        let attributions = [("Ruiz", "said", "The ferry will run late"), ("The port", "said", "repairs had begun"), ("Okafor", "said", "fares would rise")]
        func ann(_ count: Int) -> String {
            var lines: [String] = []
            for (k, a) in attributions.prefix(count).enumerated() {
                func span(_ needle: String) -> String { let r = scalarRange(of: needle, in: text); return "\(r.lowerBound) \(r.upperBound)\t\(needle)" }
                lines += ["T\(3 * k + 1)\tSource \(span(a.0))", "T\(3 * k + 2)\tCue \(span(a.1))", "T\(3 * k + 3)\tContent \(span(a.2))",
                          "E\(k + 1)\tAttribution:T\(3 * k + 2) Source:T\(3 * k + 1) Cue:T\(3 * k + 2) Content:T\(3 * k + 3)"]
            }
            return lines.joined(separator: "\n") + "\n"
        }
        for (suffix, count) in [("d", 3), ("b", 2), ("a", 1), ("c", 3)] {
            try ann(count).write(to: dir.appendingPathComponent("attributions/ferry_\(suffix).ann"), atomically: true, encoding: .utf8)
        }
        let docs = try PolNeARReader.read(split: dir.path)
        #expect(docs.count == 1)
        #expect(docs.first?.quotes.count == 1)
    }

    @Test func rejectsAFolderWithoutText() {
        #expect(throws: (any Error).self) { try TrainingData.load(fixtures + "/gold") }
    }
}

@Suite("Attribution model")
struct AttributionModelTests {
    @Test func trainingIsDeterministic() throws {
        let a = try trainTiny(seed: 3), b = try trainTiny(seed: 3)
        #expect(a.serialized() == b.serialized())
        let p = try trainTiny(seed: 3, learner: .perceptron), q = try trainTiny(seed: 3, learner: .perceptron)
        #expect(p.serialized() == q.serialized())
        #expect(p.serialized() != a.serialized())
    }

    @Test func featureDropoutIsSeededAndSparesTheBias() throws {
        let F = 10, n = 10_000 * F
        let a = AveragedTrainer.dropoutFactors(count: n, perToken: F, rate: 0.1, seed: 5)
        #expect(a == AveragedTrainer.dropoutFactors(count: n, perToken: F, rate: 0.1, seed: 5))
        #expect(a != AveragedTrainer.dropoutFactors(count: n, perToken: F, rate: 0.1, seed: 6))
        #expect(stride(from: 0, to: n, by: F).allSatisfy { a[$0] == 1 })
        let others = a.indices.filter { $0 % F != 0 }.map { a[$0] }
        let dropped = Double(others.filter { $0 == 0 }.count) / Double(others.count)
        #expect(abs(dropped - 0.1) < 0.01, "dropped share \(dropped)")
        #expect(others.allSatisfy { $0 == 0 || abs($0 - 1 / 0.9) < 1e-6 })
        // Dropout changes what is learned, and the header records it.
        let some = try trainTiny(seed: 3), none = try trainTiny(seed: 3, dropout: 0)
        #expect(some.header.dropout == 0.1)
        #expect(none.header.dropout == 0)
        #expect(some.serialized() != none.serialized())
    }

    @Test(arguments: AttributionLearner.allCases)
    func learnsItsTrainingData(learner: AttributionLearner) throws {
        let model = try trainTiny(learner: learner)
        #expect(model.header.learner == learner.rawValue)
        let docs = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents
        let stages = try preprocess() + [QuotesStage(options: .init(), model: model)]
        // Tags: the averaged model reproduces the gold tags of the articles it was trained on.
        let quotes = QuotesStage(options: .init(), model: nil)
        var right = 0, total = 0
        for e in examples(docs) {
            let (p, _) = try AttributionTrainer.prepare(e, stages: try preprocess(), quotes: quotes, model: model)
            let tags = model.weights.decode(p.keys, count: p.count)
            right += zip(tags, p.gold).filter { $0 == $1 }.count
            total += p.count
        }
        #expect(Double(right) / Double(total) >= 0.97, "token accuracy \(right)/\(total)")
        // Quotations: spans and sources (PolNeAR-style matching, since the fixtures' speakers are written as sources).
        let (scorer, failures) = Evaluator(stages: stages).evaluate(docs, speakerMatch: .overlap)
        #expect(failures.isEmpty)
        let all = scorer.rows.first { $0.name == "all" }!
        #expect(all.f1 >= 0.8, "span F1 on the training fixtures: \(all.f1)")
        #expect(all.endToEndF1 >= 0.8, "end-to-end F1 on the training fixtures: \(all.endToEndF1)")
    }

    @Test func roundTripsThroughItsFile() throws {
        let model = try trainTiny(epochs: 2)
        let parsed = try AttributionModel.parse(model.serialized())
        #expect(parsed == model)
    }

    @Test func refusesAnotherVersion() throws {
        var bytes = try trainTiny(epochs: 1).serialized()
        bytes[8] = 99
        #expect(throws: AttributionModelError.version("m.model", found: 99)) { try AttributionModel.parse(bytes, path: "m.model") }
        let message = "\(AttributionModelError.version("m.model", found: 99))"
        #expect(message.contains("version 99") && message.contains("retrain"))
        #expect(throws: AttributionModelError.notAModel("x")) { try AttributionModel.parse(Data("not a model at all".utf8), path: "x") }
    }

    @Test func pipelineWithMissingModelFailsValidationAtTheOption() throws {
        let loader = PipelineLoader(registry: BuiltInStages.registry(), checkPaths: false)
        do {
            _ = try loader.load(yaml: """
                name: m
                input: { path: articles, include: ["**/*.txt"] }
                stages:
                  - normalize
                  - segment
                  - quotes: { model: no/such/file.model }
                """, file: "p.yaml")
            Issue.record("expected the pipeline to be rejected")
        } catch let error as PipelineError {
            let d = try #require(error.diagnostics.first)
            #expect(d.file == "p.yaml")
            #expect(d.line == 6)
            #expect(d.column == 22)
            #expect(d.description.hasPrefix("p.yaml:6:22: error:"))
            #expect(d.message.contains("model") && d.message.contains("no/such/file.model"))
        }
    }

    @Test func pipelineWithAModelRunsIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-attr-\(getpid()).model").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try trainTiny().write(to: path)
        let p = try PipelineLoader(registry: BuiltInStages.registry(), checkPaths: false).load(yaml: """
            name: m
            input: { path: articles, include: ["**/*.txt"] }
            stages:
              - normalize
              - segment
              - quotes: { model: \(path) }
            """, file: "p.yaml")
        let docs = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents
        var doc = Document(id: "x", text: docs[1].text)
        for s in p.stages { try s.stage.process(&doc) }
        #expect(doc.quotes.count >= 3)
    }
}

@Suite("Attribution model internals")
struct AttributionInternalsTests {
    @Test func roleBiasesAreTunedAndShiftTheDecode() throws {
        let model = try trainTiny(epochs: 10)
        // The grid point with the best score wins; a tie goes to the bias nearest 0.
        #expect(model.tunedBias(.content, score: { -pow(($0.header.content_bias ?? 0) + 0.1, 2) }, log: { _ in }) == -0.1)
        #expect(model.tunedBias(.content, score: { _ in 1 }, log: { _ in }) == 0)
        #expect(model.tunedBias(.source, score: { -pow(($0.header.source_bias ?? 0) - 0.3, 2) }, log: { _ in }) == 0.3)
        // A large negative bias leaves no content tag; the header keeps the bias through the file.
        var biased = model
        biased.header.content_bias = -1000
        #expect(try AttributionModel.parse(biased.serialized()).header.content_bias == -1000)
        let doc = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents[0]
        var d = Document(id: doc.id, text: doc.text)
        for stage in try preprocess() { try stage.process(&d) }
        let quotes = QuotesStage(options: .init(), model: nil)
        var x = QuoteExtractor(document: d, cues: quotes.cues, speakers: quotes.speakers, minimumWords: quotes.options.min_words)
        let rules = x.run()
        let content: Set<UInt8> = [AttributionLabel.beginContent.rawValue, AttributionLabel.insideContent.rawValue]
        #expect(model.tags(x, rules: rules, paragraphs: d.paragraphs).contains { content.contains($0) })
        #expect(!biased.tags(x, rules: rules, paragraphs: d.paragraphs).contains { content.contains($0) })
        // A large source bias tags every token a source; it too survives the file.
        var sourced = model
        sourced.header.source_bias = 1000
        let source: Set<UInt8> = [AttributionLabel.beginSource.rawValue, AttributionLabel.insideSource.rawValue]
        #expect(try AttributionModel.parse(sourced.serialized()).header.source_bias == 1000)
        #expect(sourced.tags(x, rules: rules, paragraphs: d.paragraphs).allSatisfy { source.contains($0) })
    }

    @Test func learnedWordsNeedSupportAndAShare() {
        // (occurrences, occurrences inside a gold cue)
        let counts: [String: (Int, Int)] = ["wants": (10, 7), "mocked": (4, 2), "the": (500, 3), "once": (1, 1), "plans": (20, 4)]
        let learned = LearnedCue.select(counts)
        #expect(learned == [LearnedCue(word: "mocked", strength: 2), LearnedCue(word: "plans", strength: 1), LearnedCue(word: "wants", strength: 3)])
    }

    @Test func modelsCarryTheirLearnedWords() throws {
        let model = try trainTiny()
        #expect(model.header.learned_cues?.contains { $0.word == "said" } == true)
        let back = try AttributionModel.parse(model.serialized())
        #expect(back.header.learned_cues == model.header.learned_cues)
        #expect(back.header.learned_sources == model.header.learned_sources)
    }

    @Test func oracleAssemblesTheGoldTags() throws {
        // Gold tags through the assembler (`train-quotes --oracle`): the ceiling of a perfect tagger.
        let docs = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents
        let quotes = QuotesStage(options: .init(), model: nil)
        var scorer = Scorer(speakerMatch: .overlap)
        for (d, e) in zip(docs, examples(docs)) {
            var doc = Document(id: d.id, text: d.text)
            for s in try preprocess() { try s.process(&doc) }
            quotes.oracle(&doc, triples: e.triples)
            scorer.add(gold: d.quotes, predicted: Evaluator.predictions(doc), text: Array(d.text.unicodeScalars))
        }
        let all = scorer.rows.first { $0.name == "all" }!
        #expect(all.f1 >= 0.95, "oracle span F1 \(all.f1)")
        #expect(all.endToEndF1 >= 0.9, "oracle e2e F1 \(all.endToEndF1)")
    }

    @Test func agentlessCueGetsNoSpeakerFromItsNeighbours() throws {
        // Gold tags with a source-less attribution after one with a source, in one paragraph: the
        // nearest source and the previous speaker are both Ruiz, and neither said "is expected".
        let doc = try oracleQuotes("“We will build it,” Ruiz said on Monday. The dredging is expected to begin in March.", [
            ("We will build it,", "Ruiz", "said"), ("The dredging", nil, "is expected"),
        ])
        #expect(try quote(doc, at: "The dredging").speaker == nil)
        #expect(doc.quotes.first?.speaker.map { doc.originalString($0.span) } == "Ruiz")
    }

    @Test func participialCueAfterAContentStartsASecondAttribution() throws {
        // A tagger that carries one content through ", claiming that …": two attributions by the
        // same speaker, the participle the second one's cue.
        let doc = try oracleQuotes("Ruiz criticized the harbor board for delaying the vote, claiming that the dredging contract was rigged.", [
            ("the harbor board for delaying the vote, claiming that the dredging contract was rigged", "Ruiz", "criticized"),
        ])
        #expect(doc.quotes.map { doc.originalString($0.span) } == ["the harbor board for delaying the vote", "that the dredging contract was rigged"])
        #expect(try quote(doc, at: "that the dredging").cue.map { doc.originalString($0.span) } == "claiming")
        #expect(doc.quotes.map { $0.speaker.map { doc.originalString($0.span) } } == ["Ruiz", "Ruiz"])
        // Inside a quotation the participle is the speaker's own words; with no complement it is a manner.
        let quoted = try oracleQuotes("“We kept going, hoping the board would listen,” Ruiz said.", [
            ("We kept going, hoping the board would listen,", "Ruiz", "said"),
        ])
        #expect(quoted.quotes.count == 1)
        let manner = try oracleQuotes("Ruiz said the vote was rigged, laughing.", [("the vote was rigged, laughing", "Ruiz", "said")])
        #expect(manner.quotes.map { manner.originalString($0.span) } == ["the vote was rigged, laughing"])
    }

    @Test func interruptedQuotationWithUntaggedAdjunctsIsOnePiece() throws {
        // The tagger leaves "at the pier on Monday" untagged between the two pieces.
        let text = "“The dredging will stop,” Ruiz warned at the pier on Monday. “The harbor cannot wait.”"
        let doc = try oracleQuotes(text, [
            ("“The dredging will stop,”", "Ruiz", "warned"), ("“The harbor cannot wait.”", nil, nil),
        ])
        #expect(doc.quotes.map { doc.originalString($0.span) } == [text])
        // A second piece with its own source and cue is another attribution.
        let two = "“The dredging will stop,” Ruiz said on Monday. “The harbor can wait,” Okafor replied."
        let other = try oracleQuotes(two, [
            ("“The dredging will stop,”", "Ruiz", "said"), ("“The harbor can wait,”", "Okafor", "replied"),
        ])
        #expect(other.quotes.map { other.originalString($0.span) } == ["“The dredging will stop,”", "“The harbor can wait,”"])
    }

    @Test func theTargetOfCriticismIsNoSpeaker() throws {
        // "has faced questions about": the board receives the questions; nobody is named, so
        // neither the tagged subject nor the previous speaker is the source.
        let text = "“We will build it,” Ruiz said. The harbor board has faced questions about its contracts with the dredging firm."
        let doc = try oracleQuotes(text, [
            ("“We will build it,”", "Ruiz", "said"), ("its contracts with the dredging firm", "The harbor board", "has faced questions about"),
        ])
        #expect(try quote(doc, at: "its contracts").speaker == nil)
        // With "from …" the critic is named, and the tagged source stands.
        let named = try oracleQuotes("The harbor board faced questions from Okafor about its dredging contracts.", [
            ("about its dredging contracts", "Okafor", "faced questions"),
        ])
        #expect(named.quotes.first?.speaker.map { named.originalString($0.span) } == "Okafor")
    }

    @Test func aSourceTaggedWithItsAppositionIsNamedByItsHead() throws {
        let text = "Dan Fowler, who led the Harbor Board from 1995 to 1997, shrugged off the vote on Monday."
        let doc = try oracleQuotes(text, [("the vote on Monday", "Dan Fowler, who led the Harbor Board from 1995 to 1997,", "shrugged off")])
        let q = try #require(doc.quotes.first)
        #expect(q.speaker.flatMap { $0.speaker }.map { doc.speakers[$0].name } == "Dan Fowler")
        #expect(q.speaker.map { doc.originalString($0.span) } == "Dan Fowler, who led the Harbor Board from 1995 to 1997,")
    }

    @Test func reportedSpeechWithoutACueIsDropped() throws {
        // A content tagged with no cue in its paragraph: a direct quotation stands (it continues
        // the previous speaker), a clause of reported speech does not.
        let text = "“The pier is closed,” Ruiz said.\n\n“Nobody goes out tonight.”\n\nThe ferry schedule will change in spring."
        let doc = try oracleQuotes(text, [
            ("“The pier is closed,”", "Ruiz", "said"), ("“Nobody goes out tonight.”", nil, nil),
            ("The ferry schedule will change in spring", nil, nil),
        ])
        #expect(doc.quotes.map { doc.originalString($0.span) } == ["“The pier is closed,”", "“Nobody goes out tonight.”"])
        #expect(doc.quotes.last?.speaker.flatMap { $0.speaker }.map { doc.speakers[$0].name } == "Ruiz")
    }

    @Test func aSubjectPronounAtTheCueIsTheMention() throws {
        // The tagger left "It" untagged: the mention is the pronoun, not the bank's previous mention.
        let text = "Exports will slow, the Harbor Bank said on Monday. It raised its forecast for imports to 3 percent."
        let doc = try oracleQuotes(text, [
            ("Exports will slow", "the Harbor Bank", "said"), ("imports to 3 percent", nil, "raised its forecast for"),
        ])
        let q = try quote(doc, at: "imports")
        #expect(q.speaker.map { doc.originalString($0.span) } == "It")
        #expect(q.speaker.flatMap { $0.speaker }.map { doc.speakers[$0].name } == "Harbor Bank")
        // A pronoun tagged as the cue's first word is the source, and the cue keeps the rest.
        let inCue = try oracleQuotes("The Harbor Bank praised the plan. But it is steering clear of endorsing the new levy.", [
            ("the new levy", nil, "it is steering clear of endorsing"),
        ])
        let l = try quote(inCue, at: "the new levy")
        #expect(l.speaker.map { inCue.originalString($0.span) } == "it")
        #expect(l.cue.map { inCue.originalString($0.span) } == "is steering clear of endorsing")
        // A pronoun opening the cue's sentence, with the cue in a second predicate.
        let opening = try oracleQuotes("“We need the dredging,” Tom Okafor said. He arrived on the board in 2001, and promptly voted against the levy.", [
            ("“We need the dredging,”", "Tom Okafor", "said"), ("the levy", nil, "promptly voted against"),
        ])
        let o = try quote(opening, at: "the levy")
        #expect(o.speaker.map { opening.originalString($0.span) } == "He")
        #expect(o.speaker.flatMap { $0.speaker }.map { opening.speakers[$0].name } == "Tom Okafor")
    }

    @Test func taggedSourceInTheSentenceOutranksAnUntaggedRuleSource() throws {
        // The rules take the opening "While" for the speaker; a tagger that tagged "a neighbor" in
        // the same sentence, and not "While", is believed.
        let text = "While having a long argument about the ferry schedule, a neighbor commented: “Nobody here trusts the board anymore.”"
        let doc = try oracleQuotes(text, [("“Nobody here trusts the board anymore.”", "a neighbor", "commented")])
        #expect(doc.quotes.map { $0.speaker.map { doc.originalString($0.span) } } == ["neighbor"])
        // A rule source the tagger also tagged stays the rules' (their apposition handling).
        let apposition = try oracleQuotes("“We will build it,” said Ana Ruiz, the harbor master.", [
            ("“We will build it,”", "Ana Ruiz, the harbor master", "said"),
        ])
        #expect(apposition.quotes.map { $0.speaker.map { apposition.originalString($0.span) } } == ["Ana Ruiz"])
    }

    /// The oracle's quotations of `text` for `triples` given as (content, source, cue) needles.
    func oracleQuotes(_ text: String, _ triples: [(String, String?, String?)]) throws -> Document {
        let range = { (needle: String) in scalarRange(of: needle, in: text) }
        var doc = Document(id: "t", text: text)
        for stage in try preprocess() { try stage.process(&doc) }
        QuotesStage(options: .init(), model: nil).oracle(&doc, triples: triples.map {
            .init(content: range($0.0), source: $0.1.map(range), cue: $0.2.map(range))
        })
        return doc
    }

    func quote(_ doc: Document, at needle: String) throws -> Quote {
        let start = scalarRange(of: needle, in: doc.text).lowerBound
        return try #require(doc.quotes.first { doc.originalSpan($0.span).start == start }, "no quotation at \(needle)")
    }

    @Test func cuesThatNameNobodyInsideOrBeforeAnUntaggedContent() throws {
        // A tagger that swallows the raising verb into the content, or leaves "Asked" untagged, must
        // not hand the quotation to the nearest speaker.
        let raising = try oracleQuotes("“We will build it,” Ruiz said on Monday. The dredging appears to be stalled again.", [
            ("We will build it,", "Ruiz", "said"), ("The dredging appears to be stalled again", nil, nil),
        ])
        let stalled = try quote(raising, at: "The dredging")
        #expect(stalled.speaker == nil)
        #expect(stalled.cue.map { raising.originalString($0.span) } == "appears")

        let asked = try oracleQuotes("Asked whether the dredging would begin in March, Ruiz said the board had not decided.", [
            ("whether the dredging would begin in March", nil, nil), ("the board had not decided", "Ruiz", "said"),
        ])
        #expect(try quote(asked, at: "whether").speaker == nil)
        #expect(try quote(asked, at: "whether").cue.map { asked.originalString($0.span) } == "Asked")
        #expect(try quote(asked, at: "the board").speaker.map { asked.originalString($0.span) } == "Ruiz")
    }

    @Test func raisingClauseIsTheContentWhenTheTaggerLeavesItsSubjectOut() throws {
        // Tagged cue "seem" and content "to be enjoying the fight": the content is the raising
        // clause from its subject, past the opening adverbial, and names nobody.
        let doc = try oracleQuotes("On Tuesday, Mayor Okafor does not seem to be enjoying the fight over the dredging.", [
            ("to be enjoying the fight over the dredging", nil, "seem"),
        ])
        let q = try quote(doc, at: "Mayor Okafor")
        #expect(doc.originalString(q.span) == "Mayor Okafor does not seem to be enjoying the fight over the dredging")
        #expect(q.speaker == nil)
        // A clause opener bounds the subject: "… said that the board appears …" keeps "the board".
        let board = try oracleQuotes("Ruiz said on Monday that the harbor board appears ready to delay the vote.", [
            ("ready to delay the vote", nil, "appears"),
        ])
        #expect(board.originalString(try quote(board, at: "the harbor board").span) == "the harbor board appears ready to delay the vote")
    }

    @Test func raisingVerbsThatCarryASpeakerKeepIt() throws {
        // "seemed to confirm" is Ruiz confirming; a raising verb inside someone's reported clause
        // ("that she was glad the dredging appeared …") is part of what she said.
        let confirm = try oracleQuotes("Ruiz seemed to confirm that the dredging would begin in March.", [
            ("that the dredging would begin in March", "Ruiz", "seemed to confirm"),
        ])
        #expect(try quote(confirm, at: "that the dredging").speaker.map { confirm.originalString($0.span) } == "Ruiz")
        let glad = try oracleQuotes("Ruiz said on Monday that she was glad the dredging appeared to be on schedule.", [
            ("that she was glad the dredging appeared to be on schedule", "Ruiz", "said"),
        ])
        #expect(try quote(glad, at: "that she").speaker.map { glad.originalString($0.span) } == "Ruiz")
    }

    @Test func appearanceIsNotARaisingVerb() throws {
        let text = "“We will build it,” Ruiz said on Monday. She appeared at the hearing to defend the dredging plan."
        let doc = try oracleQuotes(text, [("We will build it,", "Ruiz", "said"), ("She appeared at the hearing to defend the dredging plan", nil, nil)])
        #expect(try quote(doc, at: "She appeared").speaker != nil)
    }

    @Test func relativePronounSourceNamesItsAntecedent() throws {
        // "grumble" is no cue of the rules, so the tags alone carry this attribution.
        let text = "The harbor board met on Tuesday. Oyster farmers, who grumble that the dredging will ruin their beds, filled the hall."
        let doc = try oracleQuotes(text, [("that the dredging will ruin their beds", "who", "grumble")])
        let q = try #require(doc.quotes.first)
        let who = scalarRange(of: "who", in: text)
        #expect(q.speaker.map { doc.originalSpan($0.span) } == TextSpan(who.lowerBound, who.upperBound))
        #expect(q.speaker?.speaker.map { doc.speakers[$0].name } == "Oyster farmers")
    }

    @Test func refusesAModelOfAnotherFeatureSet() throws {
        let bytes = [UInt8](try trainTiny(epochs: 1).serialized())
        let current = Array("\"feature_version\":\(AttributionFeatures.version)".utf8)
        let older = Array("\"feature_version\":\(AttributionFeatures.version - 1)".utf8)
        let at = try #require((0...(bytes.count - current.count)).first { Array(bytes[$0..<($0 + current.count)]) == current })
        var edited = bytes
        edited.replaceSubrange(at..<(at + current.count), with: older)
        #expect(throws: AttributionModelError.features("old.model", found: AttributionFeatures.version - 1)) {
            try AttributionModel.parse(Data(edited), path: "old.model")
        }
    }

    @Test func lexiconTableAgreesWithTheRulesLexicons() throws {
        let stage = QuotesStage(options: .init(), model: nil)
        let table = FeatureLexicon(cues: stage.cues, speakers: stage.speakers)
        for (word, entry) in stage.cues.verbs {
            let e = try #require(table.lookup(FeatureHash.string(word)), "\(word)")
            #expect(e.bits & 32 != 0)
            #expect(e.cueLemma == FeatureHash.mix(FeatureHash.string(entry.lemma), UInt64(entry.frames.rawValue)))
        }
        for word in stage.speakers.groupNouns { #expect((table.lookup(FeatureHash.string(word))?.bits ?? 0) & 2 != 0) }
        for word in stage.speakers.titles.keys { #expect((table.lookup(FeatureHash.string(word))?.bits ?? 0) & 1 != 0) }
        #expect(table.lookup(FeatureHash.string("statement"))?.nounCue == true)
        for word in ["ferry", "zzzq", "1997", "harbour"] where stage.cues.verbs[word] == nil {
            #expect(table.lookup(FeatureHash.string(word)) == nil, "\(word)")
        }
    }

    @Test func sixteenBitTaggingDecodesLikeTheFloatWeights() throws {
        let model = try trainTiny()
        let docs = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents
        let quotes = QuotesStage(options: .init(), model: nil)
        for e in examples(docs) {
            let (p, _) = try AttributionTrainer.prepare(e, stages: try preprocess(), quotes: quotes, model: model)
            var scratch = Viterbi.Scratch()
            model.tagging.score(p.keys, count: p.count, into: &scratch.emissions)
            let quantized = Viterbi.decode(emissions: scratch.emissions, stride: AttributionWeights.stride,
                                           transitions: model.weights.transitions, count: p.count, scratch: &scratch)
            #expect(quantized == model.weights.decode(p.keys, count: p.count))
        }
    }
}

@Suite("Stacked attribution model")
struct StackedAttributionTests {
    @Test func trainsASecondPassOnJackknifedTags() throws {
        let model = try trainTiny(stackFolds: 5)
        // Three fixture articles: three folds, each tagged by a first pass trained on the other two.
        #expect(model.stack != nil)
        #expect(model.header.stack_epochs != nil && model.header.stack_folds == 3)
        #expect(model.stack?.perToken == StackedFeatures.perToken)
        #expect(model.stack?.hashBits == AttributionTrainer.Options().stackHashBits)
    }

    @Test func stackedModelRoundTripsThroughItsFile() throws {
        let model = try trainTiny(epochs: 3, stackFolds: 5)
        let bytes = model.serialized()
        let parsed = try AttributionModel.parse(bytes)
        #expect(parsed == model)
        #expect(parsed.serialized() == bytes)
    }

    @Test func stackedTrainingIsDeterministicAcrossSeeds() throws {
        let a = try trainTiny(seed: 11, epochs: 4, stackFolds: 5), b = try trainTiny(seed: 11, epochs: 4, stackFolds: 5)
        #expect(a.serialized() == b.serialized())
        let c = try trainTiny(seed: 12, epochs: 4, stackFolds: 5)
        #expect(c.header.seed == 12)
    }

    @Test func onePassModelsStillWork() throws {
        let docs = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents
        var options = AttributionTrainer.Options()
        options.seed = 7; options.epochs = 5; options.hashBits = 16; options.stackFolds = 0
        let model = try AttributionTrainer.train(examples(docs), preprocess: try preprocess(), options: options, trainedOn: ["tiny"], log: { _ in })
        #expect(model.stack == nil && model.header.stack_epochs == nil)
        #expect(try AttributionModel.parse(model.serialized()) == model)
    }

    @Test func refusesAFormatOneModel() throws {
        var bytes = try trainTiny(epochs: 1, stackFolds: 5).serialized()
        bytes[8] = 1
        #expect(throws: AttributionModelError.version("old.model", found: 1)) { try AttributionModel.parse(bytes, path: "old.model") }
        let message = "\(AttributionModelError.version("old.model", found: 1))"
        #expect(message.contains("format version 1") && message.contains("reads version \(AttributionModel.formatVersion)") && message.contains("retrain"))
    }

    @Test func secondPassFitsTheTrainingFixtures() throws {
        let model = try trainTiny(stackFolds: 5)
        let docs = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents
        let quotes = QuotesStage(options: .init(), model: nil)
        var right = 0, total = 0
        for e in examples(docs) {
            let p = try AttributionTrainer.parse(e, stages: try preprocess(), quotes: quotes)
            let tags = model.tags(p.x, rules: p.rules, paragraphs: p.paragraphs)
            right += zip(tags, p.gold).filter { $0 == $1 }.count
            total += p.gold.count
        }
        #expect(Double(right) / Double(total) >= 0.97, "token accuracy after the second pass \(right)/\(total)")
    }

    @Test func sixteenBitSecondPassDecodesLikeTheFloatWeights() throws {
        let model = try trainTiny(stackFolds: 5)
        let stack = try #require(model.stack)
        let docs = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents
        let quotes = QuotesStage(options: .init(), model: nil)
        for e in examples(docs) {
            let p = try AttributionTrainer.parse(e, stages: try preprocess(), quotes: quotes)
            let lexicon = FeatureLexicon(cues: quotes.cues, speakers: quotes.speakers, learnedCues: model.header.learned_cues ?? [],
                                         learnedSources: model.header.learned_sources ?? [])
            let f = AttributionFeatures(p.x, rules: p.rules, paragraphs: p.paragraphs, lexicon: lexicon)
            var scratch = Viterbi.Scratch()
            let first = model.weights.decode(f.keys, count: f.count, scratch: &scratch)
            let share = Float(model.header.stack_first_share ?? 1)
            let offset = scratch.emissions[0..<(f.count * AttributionWeights.stride)].map { $0 * share }
            let stacked = StackedFeatures(p.x.v, base: f.keys, labels: first)
            let float = stack.decode(stacked.keys, count: f.count, scratch: &scratch, adding: offset)
            #expect(model.tags(p.x, rules: p.rules, paragraphs: p.paragraphs) == float)
        }
    }

    @Test func stackedFeaturesSeeTheFirstPassCue() throws {
        // "Officials said the ferry will resume service": with a first-pass cue on "said", tokens after
        // it see a cue on their left; without one, they do not, so the keys differ.
        var doc = Document(id: "t", text: "Officials said the ferry will resume service on Monday.\n")
        for s in try preprocess() { try s.process(&doc) }
        let quotes = QuotesStage(options: .init(), model: nil)
        var x = QuoteExtractor(document: doc, cues: quotes.cues, speakers: quotes.speakers, minimumWords: 3)
        let rules = x.run()
        let f = AttributionFeatures(x, rules: rules, paragraphs: doc.paragraphs)
        let n = f.count
        var tagged = [UInt8](repeating: 0, count: n)
        tagged[0] = AttributionLabel.beginSource.rawValue
        tagged[1] = AttributionLabel.beginCue.rawValue
        for i in 2..<(n - 1) { tagged[i] = i == 2 ? AttributionLabel.beginContent.rawValue : AttributionLabel.insideContent.rawValue }
        let with = StackedFeatures(x.v, base: f.keys, labels: tagged)
        let without = StackedFeatures(x.v, base: f.keys, labels: [UInt8](repeating: 0, count: n))
        #expect(with.keys.count == n * StackedFeatures.perToken)
        let P = StackedFeatures.perToken
        #expect(Array(with.keys[(4 * P)..<(5 * P)]) != Array(without.keys[(4 * P)..<(5 * P)]))
        // Same tags, same keys (no hidden state).
        #expect(StackedFeatures(x.v, base: f.keys, labels: tagged).keys == with.keys)
    }
}

@Suite("Quotation confidence")
struct ConfidenceCalibrationTests {
    @Test func fitRecoversALogisticRelation() {
        // Outcomes drawn from P(right) = σ(0.02 · margin − 2), margins spread over 0…300.
        var rng = SplitMix64(state: 11)
        var samples: [(margin: Double, right: Bool)] = []
        for _ in 0..<20_000 {
            let m = Double(rng.next() % 30_001) / 100
            let p = 1 / (1 + exp(-(0.02 * m - 2)))
            samples.append((m, Double(rng.next() % 1_000_000) / 1_000_000 < p))
        }
        let c = try! #require(ConfidenceCalibration.fit(samples))
        #expect(abs(c.slope - 0.02) < 0.002, "slope \(c.slope)")
        #expect(abs(c.intercept + 2) < 0.2, "intercept \(c.intercept)")
        #expect(c(250) > c(100) && c(100) > c(0))
    }

    @Test func fitsOnAnnotatedDocuments() throws {
        // A model of the tiny fixtures, on the repository's gold articles it never saw, makes right
        // and wrong quotations; a larger margin must mean a likelier right one.
        let model = try trainTiny()
        let gold = URL(fileURLWithPath: fixtures).appendingPathComponent("../../../data/gold/quotes.jsonl").standardized.path
        let docs = try TrainingData.load(gold).documents
        let c = try #require(try model.fitConfidence(on: examples(docs), preprocess: try preprocess()))
        #expect(c.count == 2 && c[0] > 0, "\(c)")
    }

    @Test func noFitWithoutBothOutcomes() {
        #expect(ConfidenceCalibration.fit([(1, true), (2, true), (3, true), (4, false)]) == nil)
        #expect(ConfidenceCalibration.fit([]) == nil)
    }

    @Test func calibratedModelsGradeTheirQuotations() throws {
        var model = try trainTiny()
        let docs = try TrainingData.load(fixtures + "/gold/tiny.jsonl").documents
        let fixed = QuotesStage(options: .init(), model: model)
        model.header.confidence_calibration = [0.001, -0.5]
        let back = try AttributionModel.parse(model.serialized())
        #expect(back.header.confidence_calibration == [0.001, -0.5])
        let graded = QuotesStage(options: .init(), model: back)
        var fixedValues = Set<Double>(), gradedValues = Set<Double>()
        for d in docs {
            var a = Document(id: d.id, text: d.text), b = a
            for s in try preprocess() { try s.process(&a); try s.process(&b) }
            try fixed.process(&a)
            try graded.process(&b)
            #expect(a.quotes.map(\.span) == b.quotes.map(\.span))   // confidence never changes what is found
            fixedValues.formUnion(a.quotes.map(\.confidence))
            gradedValues.formUnion(b.quotes.map(\.confidence))
        }
        #expect(gradedValues.count > fixedValues.count)
        #expect(gradedValues.allSatisfy { $0 > 0 && $0 < 1 })
    }
}
