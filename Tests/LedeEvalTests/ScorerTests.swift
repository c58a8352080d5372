import Testing
@testable import LedeEval

@Suite struct ScorerTests {
    @Test func spanMatchNeedsHalfTheUnion() {
        var s = Scorer(speakerMatch: .name)
        // gold [0,10); prediction [4,14) overlaps 6 of union 14 (< 50%): no match.
        s.add(gold: [GoldQuote(kind: "direct", start: 0, end: 10, speaker: "Ana Ruiz")],
              predicted: [PredictedQuote(kind: "direct", start: 4, end: 14, speaker: "Ana Ruiz")])
        let all = s.rows[4]
        #expect(all.gold == 1 && all.predicted == 1)
        #expect(all.matchedGold == 0 && all.f1 == 0)
    }

    @Test func precisionRecallSpeakerAndEndToEnd() {
        var s = Scorer(speakerMatch: .name)
        let gold = [
            GoldQuote(kind: "direct", start: 0, end: 10, speaker: "Ana Ruiz"),
            GoldQuote(kind: "indirect", start: 20, end: 40, speaker: "Port officials"),
            GoldQuote(kind: "mixed", start: 50, end: 60, speaker: "Lena Marsh"),
        ]
        let predicted = [
            PredictedQuote(kind: "direct", start: 0, end: 9, speaker: "Senator Ana Ruiz"),   // title stripped: right
            PredictedQuote(kind: "indirect", start: 22, end: 40, speaker: "Marsh"),           // wrong speaker
            PredictedQuote(kind: "direct", start: 50, end: 60, speaker: "Marsh"),             // surname: right; kind wrong
            PredictedQuote(kind: "indirect", start: 80, end: 90, speaker: "x"),               // spurious
        ]
        s.add(gold: gold, predicted: predicted)
        let all = s.rows.first { $0.name == "all" }!
        #expect(all.precision == 3.0 / 4.0)
        #expect(all.recall == 1.0)
        #expect(all.speakerAccuracy == 2.0 / 3.0)
        #expect(all.endToEndPrecision == 2.0 / 4.0)
        #expect(all.endToEndRecall == 2.0 / 3.0)
        // Kind rows: the mixed gold is recalled under "mixed", the prediction counts for "direct" precision.
        let mixed = s.rows.first { $0.name == "mixed" }!
        #expect(mixed.recall == 1.0 && mixed.predicted == 0 && mixed.precision == 0)
        let direct = s.rows.first { $0.name == "direct" }!
        #expect(direct.predicted == 2 && direct.matchedPredicted == 2 && direct.gold == 1 && direct.matchedGold == 1)
        let dm = s.rows.first { $0.name == "direct+mixed" }!
        #expect(dm.precision == 1.0 && dm.recall == 1.0 && dm.endToEndF1 == 1.0)
    }

    @Test func oneToOneGreedyByOverlap() {
        var s = Scorer(speakerMatch: .name)
        let gold = [GoldQuote(kind: "direct", start: 0, end: 10, speaker: "A")]
        let predicted = [PredictedQuote(kind: "direct", start: 0, end: 8, speaker: "B"),
                         PredictedQuote(kind: "direct", start: 0, end: 10, speaker: "A")]
        s.add(gold: gold, predicted: predicted)
        let all = s.rows[4]
        #expect(all.matchedGold == 1 && all.matchedPredicted == 1)
        #expect(all.speakerCorrect == 1)   // the exact prediction wins the gold quote
        #expect(all.precision == 0.5)
    }

    @Test func overlapSpeakerMatchForSourceSpans() {
        var s = Scorer(speakerMatch: .overlap)
        let gold = [GoldQuote(kind: "indirect", start: 10, end: 30, speaker: "the Harbor Board", speakerStart: 0, speakerEnd: 16)]
        s.add(gold: gold, predicted: [PredictedQuote(kind: "indirect", start: 10, end: 30, speaker: "zzz", speakerStart: 4, speakerEnd: 16)])
        #expect(s.rows[4].speakerCorrect == 1)
        var t = Scorer(speakerMatch: .overlap)
        t.add(gold: gold, predicted: [PredictedQuote(kind: "indirect", start: 10, end: 30, speaker: "Harbor Board", speakerStart: 40, speakerEnd: 45)])
        #expect(t.rows[4].speakerCorrect == 1)   // shares the capitalized word "Harbor"
        var u = Scorer(speakerMatch: .overlap)
        u.add(gold: gold, predicted: [PredictedQuote(kind: "indirect", start: 10, end: 30, speaker: "the mayor", speakerStart: 40, speakerEnd: 45)])
        #expect(u.rows[4].speakerCorrect == 0)
    }

    @Test(arguments: [SpeakerMatch.name, .overlap])
    func sourcelessGoldWantsNoSpeaker(_ match: SpeakerMatch) {
        let gold = [GoldQuote(kind: "indirect", start: 10, end: 30, speaker: nil)]
        var none = Scorer(speakerMatch: match)
        none.add(gold: gold, predicted: [PredictedQuote(kind: "indirect", start: 10, end: 30, speaker: nil)])
        #expect(none.rows[4].speakerCorrect == 1 && none.rows[4].endToEndF1 == 1)
        var named = Scorer(speakerMatch: match)
        named.add(gold: gold, predicted: [PredictedQuote(kind: "indirect", start: 10, end: 30, speaker: "Ana Ruiz", speakerStart: 0, speakerEnd: 8)])
        #expect(named.rows[4].speakerCorrect == 0)
        // A gold source the prediction leaves out is still wrong.
        var missing = Scorer(speakerMatch: match)
        missing.add(gold: [GoldQuote(kind: "indirect", start: 10, end: 30, speaker: "Ruiz", speakerStart: 0, speakerEnd: 4)],
                    predicted: [PredictedQuote(kind: "indirect", start: 10, end: 30, speaker: nil)])
        #expect(missing.rows[4].speakerCorrect == 0)
    }
}

@Suite struct ReaderTests {
    @Test func goldJSONLines() throws {
        let line = #"{"id":"a","text":"“Hi,” said Bo.","quotes":[{"kind":"direct","start":1,"end":4,"speaker":"Bo","speaker_start":11,"speaker_end":13,"cue_start":6,"cue_end":10}]}"#
        let docs = try GoldReader.parse(line + "\n")
        #expect(docs.count == 1)
        #expect(docs[0].quotes == [GoldQuote(kind: "direct", start: 1, end: 4, speaker: "Bo", speakerStart: 11, speakerEnd: 13, cueStart: 6, cueEnd: 10)])
    }

    @Test func bratAttributionsWithKinds() {
        // Own fixture: offsets into the text below.
        let text = "The board said rents rose. Ruiz said \"we are done\" today. Ruiz said it was \"a mess\" again."
        let ann = """
        T1\tSource 0 9\tThe board
        T2\tCue 10 14\tsaid
        T3\tContent 15 25\trents rose
        T4\tAttribution 10 14\tsaid
        E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
        T5\tSource 27 31\tRuiz
        T6\tCue 32 36\tsaid
        T7\tContent 37 50\t"we are done"
        E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5
        T8\tContent 68 80;81 89\tit was "a mess" again
        E3\tAttribution:T6 Content:T8 Cue:T6 Source:T5
        """
        let doc = PolNeARReader.parse(id: "x", text: text, ann: ann)
        #expect(doc.quotes.map(\.kind) == ["indirect", "direct", "mixed"])
        #expect(doc.quotes[0].speaker == "The board")
        #expect(doc.quotes[0].speakerStart == 0 && doc.quotes[0].speakerEnd == 9)
        #expect(doc.quotes[2].start == 68 && doc.quotes[2].end == 89)
    }
}
