import Foundation
import LedeConfig
import LedeCore
@testable import LedeStages
import Testing

@Suite("Stance stage and roll-ups")
struct StanceStageTests {
    let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)

    /// A segmented document with quotes over the given quoted strings, each with a speaker and cue.
    func document(_ text: String, quotes: [(quoted: String, speaker: Int, cue: String?)]) throws -> Document {
        var d = Document(id: "t", text: text)
        try SegmentStage(options: .init(), context: context).process(&d)
        d.speakers = [Speaker(id: 0, name: "Ana Ruiz", role: nil, kind: .person, mentions: []),
                      Speaker(id: 1, name: "Tom Bell", role: nil, kind: .person, mentions: [])]
        let scalars = d.scalars
        func find(_ s: String, from: Int = 0) -> TextSpan {
            let needle = Array(s.unicodeScalars)
            let i = (from...(scalars.count - needle.count)).first { scalars[$0..<($0 + needle.count)].elementsEqual(needle) }!
            return TextSpan(i, i + needle.count)
        }
        for q in quotes {
            let span = find(q.quoted)
            let cue = q.cue.map { lemma in Cue(span: find(lemma), lemma: lemma) }
            d.quotes.append(Quote(kind: .direct, span: span, speaker: SpeakerMention(span: span, speaker: q.speaker, confidence: 1),
                                  cue: cue, confidence: 1))
        }
        return d
    }

    func stage(sentences: Bool = false, context: Int = 1) throws -> StanceStage {
        var o = StanceStage.Options()
        o.context_sentences = context
        o.targets = [StanceTargetSpec(id: "tax", terms: ["carbon tax"]), StanceTargetSpec(id: "stadium", terms: ["stadium"])]
        o.sentences = sentences
        try o.validate()
        return try StanceStage(options: o, context: self.context)
    }

    @Test func quotationsAreTaggedAndRolledUpPerSpeaker() throws {
        var d = try document("""
            "The carbon tax is long overdue," Ruiz said. "We support it." Later, Bell warned: "The carbon tax will hurt farmers."
            "On the carbon tax, we will study the details," Ruiz added. "The carbon tax is the right move," she said.
            """, quotes: [("The carbon tax is long overdue,", 0, "said"), ("We support it.", 0, nil),
                          ("The carbon tax will hurt farmers.", 1, "warned"), ("On the carbon tax, we will study the details,", 0, "added"),
                          ("The carbon tax is the right move,", 0, "said")])
        try stage().process(&d)
        #expect(d.quotes.map { $0.stance.first { $0.target == "tax" }!.label } == [.favor, .favor, .against, .neutral, .favor])
        // "We support it." has no term of its own: the sentence before it names the tax.
        #expect(d.quotes.allSatisfy { $0.stance.first { $0.target == "stadium" }!.label == .none })
        #expect(d.stances.count == 2)
        let ruiz = try #require(d.stances.first { $0.speaker == 0 })
        #expect(ruiz.target == "tax" && ruiz.label == .favor && ruiz.quotes == 4)
        #expect(ruiz.score > 0 && ruiz.score < 1)
        let bell = try #require(d.stances.first { $0.speaker == 1 })
        #expect(bell.label == .against && bell.quotes == 1)
        let doc = try #require(d.extensions["stance.document"]?.array)
        #expect(doc.count == 1)
        #expect(doc[0]["label"]?.string == "favor")

        // Without context sentences the bare "We support it." does not put the tax in play.
        var narrow = d
        try stage(context: 0).process(&narrow)
        #expect(narrow.quotes[1].stance.first { $0.target == "tax" }?.label == StanceValue.none)
    }

    @Test func reportingVerbCarriesStance() throws {
        var d = try document("\"The carbon tax starts in May,\" Bell warned.", quotes: [("The carbon tax starts in May,", 1, "warned")])
        try stage().process(&d)
        #expect(d.quotes[0].stance.first { $0.target == "tax" }?.label == .against)
        var n = try document("\"The carbon tax starts in May,\" Bell said.", quotes: [("The carbon tax starts in May,", 1, "said")])
        try stage().process(&n)
        #expect(n.quotes[0].stance.first { $0.target == "tax" }?.label == .neutral)
    }

    @Test func sentencesOptionUsesOriginalOffsets() throws {
        var d = Document(id: "t", text: "Intro  line.\n\nThe stadium subsidy is a giveaway and a disaster. Nothing else.")
        try NormalizeStage(options: .init(), context: context).process(&d)
        try SegmentStage(options: .init(), context: context).process(&d)
        try stage(sentences: true).process(&d)
        let rows = try #require(d.extensions["stance.sentences"]?.array)
        #expect(rows.count == 1)
        let start = try #require(rows[0]["start"]?.int), end = try #require(rows[0]["end"]?.int)
        let original = Array(d.original.unicodeScalars)
        #expect(String(String.UnicodeScalarView(original[start..<end])).hasPrefix("The stadium subsidy"))
        #expect(rows[0]["label"]?.string == "against")
    }

    @Test func majorityTiesGoToNeutral() {
        let tie = StanceRollup.majority([StanceLabel(target: "t", label: .favor, score: 0.9), StanceLabel(target: "t", label: .against, score: 0.9)])
        #expect(tie?.label == .neutral)
        #expect(tie?.quotes == 2)
        // Equal counts: more summed confidence wins.
        let lean = StanceRollup.majority([StanceLabel(target: "t", label: .favor, score: 0.9), StanceLabel(target: "t", label: .against, score: 0.6)])
        #expect(lean?.label == .favor)
        #expect(abs((lean?.score ?? 0) - 0.45) < 1e-9)
        #expect(StanceRollup.majority([StanceLabel(target: "t", label: .none, score: 1)]) == nil)
        let exact = StanceRollup.majority([StanceLabel(target: "t", label: .neutral, score: 0.5), StanceLabel(target: "t", label: .favor, score: 0.5)])
        #expect(exact?.label == .neutral)
    }

    @Test func optionsAreValidated() {
        var o = StanceStage.Options()
        #expect(throws: OptionError.self) { try o.validate() }
        o.targets = [StanceTargetSpec(id: "a", terms: ["x"]), StanceTargetSpec(id: "a", terms: ["y"])]
        #expect(throws: OptionError.self) { try o.validate() }
        o.targets = [StanceTargetSpec(id: "a", terms: [" "])]
        #expect(throws: OptionError.self) { try o.validate() }
        o.targets = [StanceTargetSpec(id: "a", terms: ["x"])]
        #expect(throws: Never.self) { try o.validate() }
    }

    @Test func missingModelInYAMLPointsAtTheOption() {
        let loader = PipelineLoader(registry: BuiltInStages.registry(), checkPaths: false)
        do {
            _ = try loader.load(yaml: """
                stages:
                  - normalize: {}
                  - segment: {}
                  - stance:
                      targets:
                        - {id: tax, terms: [carbon tax]}
                      model: models/missing.json
                      quotes: false
                      sentences: true
                """, file: "pipelines/p.yaml")
            Issue.record("a missing model must fail validation")
        } catch let error as PipelineError {
            #expect(error.diagnostics.count == 1)
            let d = error.diagnostics[0]
            #expect(d.file == "pipelines/p.yaml")
            #expect((d.line, d.column) == (7, 14))
            #expect(d.message.contains("option 'model'"))
            #expect(d.message.contains("'models/missing.json' does not exist"))
            #expect(d.message.contains("does not exist"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
