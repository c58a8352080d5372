import Foundation
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
            let cue = q.cue.map { doc.originalSpan($0.span) }
            return PredictedQuote(kind: q.kind.rawValue, start: span.start, end: span.end, speaker: name,
                                  speakerStart: mention?.start, speakerEnd: mention?.end, cueStart: cue?.start, cueEnd: cue?.end)
        }
    }

    /// Scores every document; failures are counted, never fatal.
    public func evaluate(_ docs: [GoldDocument], speakerMatch: SpeakerMatch, errors: ((String) -> Void)? = nil) -> (Scorer, failures: [String]) {
        var scorer = Scorer(speakerMatch: speakerMatch)
        var failures: [String] = []
        for d in docs {
            let (pred, failure) = predict(id: d.id, text: d.text)
            if let f = failure { failures.append("\(d.id): \(f)") }
            let scalars = Array(d.text.unicodeScalars)
            let alignment = scorer.add(gold: d.quotes, predicted: pred, text: scalars)
            if let errors {
                func cut(_ a: Int, _ b: Int) -> String {
                    let t = String(scalars: scalars[max(0, a)..<min(b, scalars.count)])
                    return t.count > 160 ? String(t.prefix(100)) + " … " + String(t.suffix(50)) : t
                }
                for (g, p, ok) in alignment where !ok {
                    var line = "\(d.id)\t"
                    if let g { let q = d.quotes[g]; line += "GOLD \(q.kind) [\(cut(q.start, q.end))] by <\(q.speaker ?? "-")>" + (q.cueStart.map { " cue <\(cut($0, q.cueEnd!))>" } ?? "") } else { line += "MISSING-GOLD" }
                    line += "\t"
                    if let p { let q = pred[p]; line += "PRED \(q.kind) [\(cut(q.start, q.end))] by <\(q.speaker ?? "-")>" + (q.speakerStart.map { " mention <\(cut($0, q.speakerEnd!))>" } ?? "")
                        + (q.cueStart.map { " cue <\(cut($0, q.cueEnd!))>" } ?? "") } else { line += "NO-PRED" }
                    errors(line.replacingOccurrences(of: "\n", with: " "))
                }
            }
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
