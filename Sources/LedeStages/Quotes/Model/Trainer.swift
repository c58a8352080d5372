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
/// then epochs of a CRF or averaged perceptron in a seeded order, keeping the epoch with the best dev
/// score and stopping after `patience` epochs without improvement.
public enum AttributionTrainer {
    public struct Options: Sendable {
        public var epochs = 20
        public var seed: UInt64 = 1
        /// log2 of the first pass's buckets. The tagger waits on random reads of these rows; at 16
        /// bits (1 MB of 16-bit rows) it tags about a fifth faster than at 17 and scores the same on
        /// PolNeAR dev (17, 18 and 19 bits differ by noise only).
        public var hashBits = 16
        public var patience = 3
        /// Folds of the jackknife for the stacked second pass; below 2: one pass only.
        public var stackFolds = 0
        /// Epochs of the second pass (nil: `epochs`); early stopping applies as in the first.
        public var stackEpochs: Int?
        /// The share of the first pass's scores the second pass adds its own to (see ``train``).
        public var stackFirstShare = 0.1
        /// log2 of the second pass's buckets: its 24 templates need far fewer than the first pass's 56.
        public var stackHashBits = 15
        /// How the first pass learns (and the jackknife's first passes).
        public var learner = AttributionLearner.crf
        /// How the second pass learns.
        public var stackLearner = AttributionLearner.perceptron
        /// AdaGrad's base rate for CRF passes.
        public var rate = 0.01
        /// Share of each token's features (the bias excepted) a CRF step leaves out at random. On
        /// PolNeAR 0.1 raised dev and a train hold-out alike; 0 trains on every feature.
        public var dropout = 0.1
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

    /// `preprocess` are the stages before `quotes` (normalize, segment). `evaluate` scores a
    /// candidate model on dev data (higher is better); without it each pass runs its fixed number
    /// of epochs (`epochs`, then `stackEpochs`).
    ///
    /// With `stackFolds` ≥ 2 a second pass is trained on the first pass's tags (``StackedFeatures``).
    /// Those tags come from a jackknife: the training articles are dealt into folds (article `i`
    /// into fold `i % folds`), and each fold is tagged by a first pass trained on the other folds for
    /// the shipped first pass's number of epochs, so the second pass sees tags as wrong as on unseen
    /// text. The shipped first pass is trained on all articles. Learned lexicons are counted once over
    /// all articles (counting them without the held-out fold was tried for the first pass and lost).
    ///
    /// The second pass's emissions are its stacked keys' weights plus `stackFirstShare` × the first
    /// pass's emissions (the held-out fold's at training time). Weighing the first pass's 56 keys
    /// again with second-pass weights scored a little higher (0.595 vs 0.588 dev e2e-F1) but made
    /// tagging half again as costly (56 more random table rows per token); with the share, the
    /// second pass reads 24 rows of a small table. A share of 1 starts the second pass's ±1 updates
    /// against scores summed over 56 averaged weights, so they barely move a decision (0.565).
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
        let prepared = parsed.map { features($0, lexicon: lexicon) }
        let tokens = prepared.reduce(0) { $0 + $1.count }
        log("\(examples.count) documents, \(tokens) tokens, \(examples.reduce(0) { $0 + $1.triples.count }) attributions")
        let usesCRF = options.learner == .crf || options.stackFolds >= 2 && options.stackLearner == .crf
        func model(_ first: Pass, _ stack: Pass? = nil) -> AttributionModel {
            AttributionModel(header: .init(feature_version: AttributionFeatures.version, hash_bits: options.hashBits,
                                           labels: AttributionLabel.count, epochs: first.epochs, seed: options.seed,
                                           trained_on: trainedOn, documents: examples.count, dev_score: stack?.score ?? first.score,
                                           learned_cues: learned, learned_sources: learnedSources,
                                           stack_epochs: stack?.epochs, stack_folds: stack == nil ? nil : min(options.stackFolds, examples.count),
                                           stack_first_share: stack == nil ? nil : options.stackFirstShare, stack_hash_bits: stack?.weights.hashBits,
                                           learner: options.learner.rawValue, stack_learner: stack == nil ? nil : options.stackLearner.rawValue,
                                           rate: usesCRF ? options.rate : nil, dropout: usesCRF ? options.dropout : nil),
                             weights: first.weights, stack: stack?.weights)
        }
        let first = trainPass(prepared, perToken: AttributionFeatures.perToken, epochs: options.epochs, seed: options.seed, options: options,
                              learner: options.learner,
                              evaluate: evaluate.map { ev in { ev(model(Pass(weights: $0, epochs: $1))) } }, log: { log("first pass, " + $0) })
        let folds = min(options.stackFolds, examples.count)
        guard folds >= 2 else { return model(first) }

        var firstTags = [[UInt8]](repeating: [], count: prepared.count)
        var firstScores = [[Float]](repeating: [], count: prepared.count)
        for fold in 0..<folds {
            let rest = prepared.indices.filter { $0 % folds != fold }.map { prepared[$0] }
            let w = trainPass(rest, perToken: AttributionFeatures.perToken, epochs: first.epochs, seed: options.seed &+ UInt64(fold) &+ 1,
                              options: options, learner: options.learner, evaluate: nil, log: { _ in }).weights
            var scratch = Viterbi.Scratch()
            for i in prepared.indices where i % folds == fold {
                firstTags[i] = w.decode(prepared[i].keys, count: prepared[i].count, scratch: &scratch)
                firstScores[i] = scratch.emissions[0..<(prepared[i].count * AttributionWeights.stride)].map { $0 * Float(options.stackFirstShare) }
            }
        }
        let wrong = zip(firstTags, prepared).reduce(0) { $0 + zip($1.0, $1.1.gold).filter { $0 != $1 }.count }
        log("jackknife (\(folds) folds, \(first.epochs) epochs each): \(wrong) of \(tokens) first-pass tags wrong")
        let stacked = prepared.indices.map { i in
            Prepared(keys: StackedFeatures(parsed[i].x.v, base: prepared[i].keys, labels: firstTags[i]).keys, gold: prepared[i].gold, count: prepared[i].count)
        }
        parsed = []
        let second = trainPass(stacked, offsets: firstScores, hashBits: options.stackHashBits, perToken: StackedFeatures.perToken, epochs: options.stackEpochs ?? options.epochs,
                               seed: options.seed &+ 0x5eed, options: options, learner: options.stackLearner,
                               evaluate: evaluate.map { ev in { ev(model(first, Pass(weights: $0, epochs: $1))) } }, log: { log("second pass, " + $0) })
        return model(first, second)
    }

    /// The weights of one trained pass, the epoch they are from and their dev score.
    struct Pass { var weights: AttributionWeights; var epochs: Int; var score: Double? = nil }

    /// Epochs of `learner` over `data` in a seeded order; with `evaluate`, the best
    /// epoch is kept and training stops after `patience` epochs without improvement.
    static func trainPass(_ data: [Prepared], offsets: [[Float]]? = nil, hashBits: Int? = nil, perToken: Int, epochs: Int, seed: UInt64, options: Options,
                          learner: AttributionLearner,
                          evaluate: ((AttributionWeights, Int) -> Double)?, log: (String) -> Void) -> Pass {
        var trainer = AveragedTrainer(hashBits: hashBits ?? options.hashBits, perToken: perToken)
        var rng = SplitMix64(state: seed)
        var order = Array(data.indices)
        var best: Pass?
        var stale = 0
        for epoch in 1...max(1, epochs) {
            // Fisher–Yates with our own generator: Swift's shuffle() is unseeded and may change between releases.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            var errors = 0
            for i in order {
                switch learner {
                case .crf: errors += trainer.learnLikelihood(keys: data[i].keys, gold: data[i].gold, count: data[i].count, rate: Float(options.rate), adding: offsets?[i],
                                                             dropout: Float(options.dropout), dropoutSeed: seed &* 0x9E37_79B9_7F4A_7C15)
                case .perceptron: errors += trainer.learn(keys: data[i].keys, gold: data[i].gold, count: data[i].count, adding: offsets?[i])
                }
            }
            let averaged = trainer.averaged()
            if let evaluate {
                let score = evaluate(averaged, epoch)
                log("epoch \(epoch): \(errors) training tokens wrong; dev \(String(format: "%.4f", score))")
                if score > (best?.score ?? -Double.infinity) {
                    best = Pass(weights: averaged, epochs: epoch, score: score); stale = 0
                } else {
                    stale += 1
                    if stale >= options.patience { log("no dev improvement for \(stale) epochs: stopping"); break }
                }
            } else {
                log("epoch \(epoch): \(errors) training tokens wrong")
                // No early break at zero errors: further epochs pull the average toward the separating weights.
                best = Pass(weights: averaged, epochs: epoch)
            }
        }
        return best!
    }
}
