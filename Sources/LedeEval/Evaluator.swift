import LedeCore

/// Runs stages over gold texts and scores what the `quotes` layer holds.
public struct Evaluator {
    public var stages: [any Stage]
    public init(stages: [any Stage]) { self.stages = stages }

    /// Predictions for one text, in original-text offsets.
    public func predict(id: String, text: String) -> (quotes: [PredictedQuote], failure: String?) {
        var doc = Document(id: id, text: text)
        do {
            for stage in stages { try stage.process(&doc) }
        } catch {
            return ([], "\(error)")
        }
        return (Self.predictions(doc), nil)
    }

    public static func predictions(_ doc: Document) -> [PredictedQuote] {
        doc.quotes.map { q in
            let span = doc.originalSpan(q.span)
            let mention = q.speaker.map { doc.originalSpan($0.span) }
            let name = q.speaker.flatMap { m in m.speaker.flatMap { $0 < doc.speakers.count ? doc.speakers[$0].name : nil } ?? doc.originalString(m.span) }
            return PredictedQuote(kind: q.kind.rawValue, start: span.start, end: span.end, speaker: name,
                                  speakerStart: mention?.start, speakerEnd: mention?.end)
        }
    }

    /// Scores every document; failures are counted, never fatal.
    public func evaluate(_ docs: [GoldDocument], speakerMatch: SpeakerMatch) -> (Scorer, failures: [String]) {
        var scorer = Scorer(speakerMatch: speakerMatch)
        var failures: [String] = []
        for d in docs {
            let (pred, failure) = predict(id: d.id, text: d.text)
            if let f = failure { failures.append("\(d.id): \(f)") }
            scorer.add(gold: d.quotes, predicted: pred, text: Array(d.text.unicodeScalars))
        }
        return (scorer, failures)
    }
}

extension Scorer {
    /// A fixed-width table for the terminal.
    public func table() -> String {
        func p(_ x: Double) -> String { String(format: "%.3f", x) }
        var out = "kind           gold  pred     P      R      F1   spk-acc  e2e-P  e2e-R  e2e-F1\n"
        for r in rows {
            out += r.name.padding(toLength: 13, withPad: " ", startingAt: 0)
            out += String(format: "%5d %5d", r.gold, r.predicted)
            out += "  \(p(r.precision))  \(p(r.recall))  \(p(r.f1))   \(p(r.speakerAccuracy))   \(p(r.endToEndPrecision))  \(p(r.endToEndRecall))  \(p(r.endToEndF1))\n"
        }
        return out
    }
}
