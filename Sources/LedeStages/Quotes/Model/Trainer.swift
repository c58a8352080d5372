import Foundation
import LedeCore

/// One annotated article for training: attributions as original-text scalar offsets.
public struct AttributionExample: Sendable {
    public struct Triple: Sendable {
        public var content: Range<Int>
        public var source: Range<Int>?
        public var cue: Range<Int>?
        public init(content: Range<Int>, source: Range<Int>?, cue: Range<Int>?) {
            self.content = content; self.source = source; self.cue = cue
        }
    }
    public var id: String
    public var text: String
    public var triples: [Triple]
    public init(id: String, text: String, triples: [Triple]) { self.id = id; self.text = text; self.triples = triples }
}

/// Trains the tagger: documents go through normalize → segment → rules once (features cached),
/// then epochs of the averaged perceptron in a seeded order, keeping the epoch with the best dev
/// score and stopping after `patience` epochs without improvement.
public enum AttributionTrainer {
    public struct Options: Sendable {
        public var epochs = 20
        public var seed: UInt64 = 1
        public var hashBits = 17
        public var patience = 3
        /// One update per paragraph (true) or per article.
        public var paragraphChunks = false
        public init() {}
    }

    /// Cached features and gold tags of one document.
    struct Prepared { var keys: [UInt32]; var gold: [UInt8]; var count: Int }

    /// Gold tags: nested attributions are common in PolNeAR ("X said that Y claimed Z"); one tag per
    /// token means one must win, and the outer one (longest content) does, so contents stay whole.
    /// An attribution's own source and cue win over its own content ("The benefit, it says, would
    /// be $300"): the assembler joins the content pieces around them again.
    static func goldLabels(_ doc: Document, triples: [AttributionExample.Triple]) -> [UInt8] {
        let n = doc.tokens.count
        let starts = doc.tokens.map { doc.originalSpan($0.span).start }
        var role = [UInt8](repeating: 0, count: n)
        var owner = [Int](repeating: -1, count: n)
        let order = triples.indices.sorted { (triples[$0].content.count, -$0) > (triples[$1].content.count, -$1) }
        for t in order {
            let tr = triples[t]
            for (r, range) in [(UInt8(1), tr.source), (2, tr.cue), (3, tr.content as Range<Int>?)] {
                guard let range else { continue }
                var k = lowerBound(starts, range.lowerBound)
                while k < n, starts[k] < range.upperBound {
                    if role[k] == 0 { role[k] = r; owner[k] = t }
                    k += 1
                }
            }
        }
        var labels = [UInt8](repeating: 0, count: n)
        for i in 0..<n where role[i] != 0 {
            let begin = i == 0 || role[i - 1] != role[i] || owner[i - 1] != owner[i]
            labels[i] = begin ? AttributionLabel.begin(role: Int(role[i])).rawValue : AttributionLabel.inside(role: Int(role[i])).rawValue
        }
        return labels
    }

    static func lowerBound(_ a: [Int], _ x: Int) -> Int {
        var lo = 0, hi = a.count
        while lo < hi { let m = (lo + hi) / 2; if a[m] < x { lo = m + 1 } else { hi = m } }
        return lo
    }

    /// One document after the stages and the rules, with its gold tags, before features.
    struct Parsed { var x: QuoteExtractor; var rules: [FoundQuote]; var paragraphs: [Paragraph]; var gold: [UInt8]; var paragraphStarts: [Bool] }

    static func parse(_ example: AttributionExample, stages: [any Stage], quotes: QuotesStage) throws -> Parsed {
        var doc = Document(id: example.id, text: example.text)
        for s in stages { try s.process(&doc) }
        var x = QuoteExtractor(document: doc, cues: quotes.cues, speakers: quotes.speakers, minimumWords: quotes.options.min_words)
        let rules = x.run()
        var starts = [Bool](repeating: false, count: doc.tokens.count)
        var k = 0
        for p in doc.paragraphs {
            while k < doc.tokens.count, doc.tokens[k].span.start < p.span.start { k += 1 }
            if k < doc.tokens.count { starts[k] = true }
        }
        return Parsed(x: x, rules: rules, paragraphs: doc.paragraphs, gold: goldLabels(doc, triples: example.triples), paragraphStarts: starts)
    }

    /// Per lower-cased word outside quotations: (occurrences, occurrences tagged cue in gold).
    static func countRoles(_ p: Parsed, cues: inout [String: (Int, Int)], sources: inout [String: (Int, Int)]) {
        let v = p.x.v
        for i in 0..<v.count where !v.lower[i].isEmpty && !v.inQuote[i] {
            let role = AttributionLabel(rawValue: p.gold[i])?.role
            cues[v.lower[i], default: (0, 0)].0 += 1
            if role == 2 { cues[v.lower[i], default: (0, 0)].1 += 1 }
            sources[v.lower[i], default: (0, 0)].0 += 1
            if role == 1 { sources[v.lower[i], default: (0, 0)].1 += 1 }
        }
    }

    /// Features and gold tags of one example, with the lexicon (learned cues) of `model`.
    static func prepare(_ example: AttributionExample, stages: [any Stage], quotes: QuotesStage, model: AttributionModel? = nil) throws -> (Prepared, paragraphStarts: [Bool]) {
        let p = try parse(example, stages: stages, quotes: quotes)
        let lexicon = FeatureLexicon(cues: quotes.cues, speakers: quotes.speakers, learnedCues: model?.header.learned_cues ?? [], learnedSources: model?.header.learned_sources ?? [])
        return (features(p, lexicon: lexicon), p.paragraphStarts)
    }

    static func features(_ p: Parsed, lexicon: FeatureLexicon) -> Prepared {
        let f = AttributionFeatures(p.x, rules: p.rules, paragraphs: p.paragraphs, lexicon: lexicon)
        return Prepared(keys: f.keys, gold: p.gold, count: f.count)
    }

    /// Splits a document at paragraph starts not inside a gold span: one perceptron update per
    /// paragraph instead of per article converges in far fewer epochs, and decoding a whole article
    /// later is the same chain.
    static func chunks(_ p: Prepared, paragraphStarts: [Bool]) -> [Prepared] {
        let F = AttributionFeatures.perToken
        var out: [Prepared] = []
        var a = 0
        for i in 0...p.count where i == p.count || (i > a && paragraphStarts[i] && (AttributionLabel(rawValue: p.gold[i])?.isBegin ?? true || p.gold[i] == 0)) {
            out.append(Prepared(keys: Array(p.keys[(a * F)..<(i * F)]), gold: Array(p.gold[a..<i]), count: i - a))
            a = i
        }
        return out
    }

    /// `preprocess` are the stages before `quotes` (normalize, segment). `evaluate` scores a
    /// candidate model on dev data (higher is better); without it the last epoch is kept.
    public static func train(_ examples: [AttributionExample], preprocess: [any Stage], options: Options, trainedOn: [String],
                             evaluate: ((AttributionModel) -> Double)? = nil, log: (String) -> Void) throws -> AttributionModel {
        let quotes = try QuotesStage(options: .init(), context: StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0))
        var parsed: [Parsed] = []
        parsed.reserveCapacity(examples.count)
        var counts: [String: (Int, Int)] = [:], sourceCounts: [String: (Int, Int)] = [:]
        for e in examples {
            let p = try parse(e, stages: preprocess, quotes: quotes)
            countRoles(p, cues: &counts, sources: &sourceCounts)
            parsed.append(p)
        }
        let learned = LearnedCue.select(counts), learnedSources = LearnedCue.select(sourceCounts)
        log("\(learned.count) words learned as cues, \(learnedSources.count) as sources")
        let lexicon = FeatureLexicon(cues: quotes.cues, speakers: quotes.speakers, learnedCues: learned, learnedSources: learnedSources)
        var prepared: [Prepared] = []
        prepared.reserveCapacity(examples.count)
        for p in parsed {
            let whole = features(p, lexicon: lexicon)
            prepared += options.paragraphChunks ? chunks(whole, paragraphStarts: p.paragraphStarts).filter { $0.count > 0 } : [whole]
        }
        parsed = []
        let tokens = prepared.reduce(0) { $0 + $1.count }
        log("\(examples.count) documents (\(prepared.count) paragraph chunks), \(tokens) tokens, \(examples.reduce(0) { $0 + $1.triples.count }) attributions")
        var trainer = PerceptronTrainer(hashBits: options.hashBits)
        var rng = SplitMix64(state: options.seed)
        var order = Array(prepared.indices)
        func model(_ w: AttributionWeights, epochs: Int, dev: Double?) -> AttributionModel {
            AttributionModel(header: .init(feature_version: AttributionFeatures.version, hash_bits: options.hashBits,
                                           labels: AttributionLabel.count, epochs: epochs, seed: options.seed,
                                           trained_on: trainedOn, documents: examples.count, dev_score: dev, learned_cues: learned, learned_sources: learnedSources), weights: w)
        }
        var best: AttributionModel?
        var bestScore = -Double.infinity
        var stale = 0
        for epoch in 1...max(1, options.epochs) {
            // Fisher–Yates with our own generator: Swift's shuffle() is unseeded and may change between releases.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            var errors = 0
            for i in order { errors += trainer.learn(keys: prepared[i].keys, gold: prepared[i].gold, count: prepared[i].count) }
            let averaged = trainer.averaged()
            let candidate = model(averaged, epochs: epoch, dev: nil)
            if let evaluate {
                let score = evaluate(candidate)
                log("epoch \(epoch): \(errors) training tokens wrong; dev \(String(format: "%.4f", score))")
                if score > bestScore {
                    bestScore = score; best = model(averaged, epochs: epoch, dev: score); stale = 0
                } else {
                    stale += 1
                    if stale >= options.patience { log("no dev improvement for \(stale) epochs: stopping"); break }
                }
            } else {
                log("epoch \(epoch): \(errors) training tokens wrong")
                // No early break at zero errors: further epochs pull the average toward the separating weights.
                best = candidate
            }
        }
        return best!
    }
}

