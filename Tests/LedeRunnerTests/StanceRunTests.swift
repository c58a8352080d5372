import Foundation
import LedeCore
import LedeRunner
import LedeStages
import Testing

/// Stands in for the quotes stage (built on another branch): each sentence with a quotation mark
/// becomes a direct quotation by the speaker named first in it, "Ruiz" or "Bell".
struct SentenceQuotes: Stage {
    static let descriptor = StageDescriptor(name: "test_quotes", summary: "Sentences with quotation marks as quotations.",
                                            requires: [.sentences], provides: [.quotes, .speakers])
    init(options: NoOptions, context: StageContext) throws {}
    func process(_ document: inout Document) throws {
        document.speakers = [Speaker(id: 0, name: "Ana Ruiz", role: nil, kind: .person, mentions: []),
                             Speaker(id: 1, name: "Tom Bell", role: nil, kind: .person, mentions: [])]
        for s in document.sentences where document.scalars[s.span.start..<s.span.end].contains(where: { $0.quoteMark != nil }) {
            let speaker = document.string(s.span).contains("Bell") ? 1 : 0
            document.quotes.append(Quote(kind: .direct, span: s.span, speaker: SpeakerMention(span: s.span, speaker: speaker, confidence: 1),
                                         cue: nil, confidence: 1))
        }
    }
}

@Suite("Stance in a run")
struct StanceRunTests {
    @Test func stancesTableHasOneRowPerSpeakerAndTarget() throws {
        let dir = try TempDir()
        try dir.write("in/a.txt", """
            "The stadium subsidy is a giveaway," Ruiz said. "It is a terrible deal for taxpayers," Ruiz added.

            "The stadium subsidy will bring visitors and create jobs," Bell said. The weather was mild.
            """)
        let yaml = """
            input: { path: \(dir.path)/in }
            output: \(dir.path)/out
            stages:
              - normalize: {}
              - segment: {}
              - test_quotes: {}
              - stance:
                  targets:
                    - {id: stadium, terms: [stadium, subsid*], against: [giveaway]}
                    - {id: tax, terms: [carbon tax]}
              - emit: { format: csv, table: stances }
              - emit: { format: csv, table: quotes }
            """
        let report = try runPipeline(yaml, jobs: 1, extra: [SentenceQuotes.self])
        #expect(report.summary.succeeded == 1)
        let rows = parseCSV(try #require(dir.read("out/stances.csv")))
        #expect(rows.first == ["doc_id", "speaker_id", "speaker_name", "target", "label", "score", "quotes"])
        let body = rows.dropFirst().filter { $0.count > 1 }
        #expect(body.map { [$0[2], $0[3], $0[4], $0[6]] } == [["Ana Ruiz", "stadium", "against", "2"], ["Tom Bell", "stadium", "favor", "1"]])
        let quotes = parseCSV(try #require(dir.read("out/quotes.csv")))
        let stanceColumn = try #require(quotes.first?.firstIndex(of: "stance"))
        #expect(quotes.dropFirst().filter { $0.count > 1 }.map { $0[stanceColumn] } == ["stadium:against", "stadium:against", "stadium:favor"])
    }
}
