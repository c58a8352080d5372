import Foundation
import LedeCore

/// A quotation's confidence from its content's mean tag margin: P(right) = σ(slope · m + intercept),
/// fitted by logistic regression on dev quotations (right: the content matches a gold one).
struct ConfidenceCalibration: Equatable {
    var slope: Double
    var intercept: Double

    func callAsFunction(_ margin: Double) -> Double {
        1 / (1 + exp(-(slope * margin + intercept)))
    }

    /// Newton's method on the log-likelihood; margins are scaled first so the steps are well
    /// conditioned whatever the weights' magnitude. Nil for fewer than two of either outcome.
    static func fit(_ samples: [(margin: Double, right: Bool)]) -> ConfidenceCalibration? {
        let positives = samples.filter(\.right).count
        guard positives >= 2, samples.count - positives >= 2 else { return nil }
        let scale = max(1e-9, samples.map { abs($0.margin) }.max() ?? 1)
        var a = 0.0, b = 0.0
        for _ in 0..<50 {
            var ga = 0.0, gb = 0.0, haa = 1e-6, hab = 0.0, hbb = 1e-6
            for s in samples {
                let x = s.margin / scale
                let p = 1 / (1 + exp(-(a * x + b)))
                let r = (s.right ? 1 : 0) - p, w = p * (1 - p)
                ga += r * x; gb += r; haa += w * x * x; hab += w * x; hbb += w
            }
            let det = haa * hbb - hab * hab
            guard det > 1e-12 else { break }
            let da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det
            a += da; b += db
            if abs(da) + abs(db) < 1e-9 { break }
        }
        return ConfidenceCalibration(slope: a / scale, intercept: b)
    }
}

extension AttributionModel {
    /// Fits the confidence calibration on annotated documents the model was not trained on (the
    /// dev data): every quotation the tags make is one sample, right when its content overlaps a
    /// gold content by at least half of their union, the scorer's own criterion.
    public func fitConfidence(on examples: [AttributionExample], preprocess: [any Stage]) throws -> [Double]? {
        let quotes = QuotesStage(options: .init(), model: nil)
        var samples: [(margin: Double, right: Bool)] = []
        for e in examples {
            var doc = Document(id: e.id, text: e.text)
            for s in preprocess { try s.process(&doc) }
            var x = QuoteExtractor(document: doc, cues: quotes.cues, speakers: quotes.speakers, minimumWords: quotes.options.min_words)
            let rules = x.run()
            for f in quotations(x, rules: rules, paragraphs: doc.paragraphs, confidence: { $0 }) {
                guard let m = f.margin else { continue }
                let span = doc.originalSpan(f.span)
                let right = e.triples.contains { t in
                    let inter = min(span.end, t.content.upperBound) - max(span.start, t.content.lowerBound)
                    let union = max(span.end, t.content.upperBound) - min(span.start, t.content.lowerBound)
                    return inter > 0 && inter * 2 >= union
                }
                samples.append((m, right))
            }
        }
        return ConfidenceCalibration.fit(samples).map { [$0.slope, $0.intercept] }
    }
}
