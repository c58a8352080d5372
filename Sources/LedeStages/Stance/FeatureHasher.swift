import Foundation
import LedeCore

/// How text becomes features for the linear stance model; stored in the model file so a model is
/// always applied with the features it was trained on.
public struct FeatureConfig: Codable, Sendable, Equatable {
    /// Feature space size is `1 << dimensions_log2` (hashing trick: no vocabulary to store).
    public var dimensions_log2 = 20
    /// Word n-grams from 1 to this.
    public var word_ngrams = 2
    /// Character n-grams within words (padded with a space on each side), this range.
    public var char_min = 2
    public var char_max = 5
    /// Add a target-specific copy of every feature, so the model learns that "lift" means one
    /// thing for an embargo and another for a tax, while shared copies carry general cues.
    public var cross_target = true
    /// `1 + log(count)` instead of raw counts: a word said three times is not three times the evidence.
    public var sublinear_tf = true
    /// Relative weights of the two blocks, each L2-normalised before weighting.
    public var word_weight: Float = 1
    public var char_weight: Float = 0.7
    /// Weight of the lexicon block: the rule tagger's favor / against / neutral cue weights (after
    /// negation and hedging) as features, so a model trained on a few hundred quotations starts
    /// from what the lexicon knows instead of rediscovering "oppose" from scratch. 0 turns it off.
    public var lexicon_weight: Float = 1
    public init() {}
}

/// A feature vector: ascending unique indices with their values.
public struct SparseVector: Sendable, Equatable {
    public var indices: [UInt32] = []
    public var values: [Float] = []
    public init() {}
    public init(indices: [UInt32], values: [Float]) { self.indices = indices; self.values = values }
}

/// Raw hashed counts of one text, before weighting (what IDF is fitted on).
public struct HashedCounts: Sendable {
    public var words: [(UInt32, Float)]
    public var chars: [(UInt32, Float)]
    /// Lexicon features (not IDF-weighted: they are signals, not vocabulary).
    public var lexicon: [(UInt32, Float)]
    public var target: UInt64
    /// Every bucket present, for document frequencies.
    public var buckets: [UInt32] { Array(Set(words.map(\.0) + chars.map(\.0) + lexicon.map(\.0))).sorted() }
}

/// Turns text and a target into hashed, TF-IDF-weighted, L2-normalised features.
///
/// Hashes are FNV-1a over scalars (``StemKey/hash(_:seed:)``), stable across processes, so a model
/// trained on one machine scores identically on another.
public struct FeatureHasher: Sendable {
    public let config: FeatureConfig
    let mask: UInt64

    public init(_ config: FeatureConfig) {
        self.config = config
        mask = (UInt64(1) << UInt64(config.dimensions_log2)) - 1
    }

    public var dimensions: Int { 1 << config.dimensions_log2 }

    /// The shipped lexicon, for the lexicon block.
    static let rules = RuleTagger(lexicon: .shipped)
    static let wordSeed: UInt64 = 0x9e37_79b9_7f4a_7c15
    static let charSeed: UInt64 = 0xc2b2_ae3d_27d4_eb4f

    /// Normalised form of a target name, shared by training data and the stage's `model_target`.
    public static func targetKey(_ target: String) -> String {
        target.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        // splitmix64 finaliser: spreads FNV's weak low bits before masking.
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    public func counts(text: String, target: String) -> HashedCounts {
        // One tokenization serves the n-grams and the lexicon block.
        var document = Document(id: "text", text: text)
        document.tokens = Tokenizer.tokens(document.scalars)
        let scalars = document.scalars
        var words: [[Unicode.Scalar]] = []
        var buffer: [Unicode.Scalar] = []
        for t in document.tokens {
            switch t.kind {
            case .word, .number:
                StemKey.lowercase(scalars[t.span.start..<t.span.end], into: &buffer)
                words.append(buffer)
            case .punctuation where scalars[t.span.start] == "!" || scalars[t.span.start] == "?":
                words.append([scalars[t.span.start]])
            default: continue
            }
        }
        var w: [UInt32: Float] = [:]
        let wordHashes = words.map { StemKey.hash($0, seed: Self.wordSeed) }
        if config.word_ngrams >= 1 {
            for n in 1...config.word_ngrams where wordHashes.count >= n {
                for i in 0...(wordHashes.count - n) {
                    var h = UInt64(n)
                    for j in i..<(i + n) { h = Self.mix(h ^ wordHashes[j]) }
                    w[UInt32(Self.mix(h) & mask), default: 0] += 1
                }
            }
        }
        var c: [UInt32: Float] = [:]
        if config.char_max >= config.char_min, config.char_min >= 1 {
            var padded: [Unicode.Scalar] = []
            for word in words {
                padded.removeAll(keepingCapacity: true)
                padded.append(" "); padded.append(contentsOf: word); padded.append(" ")
                for n in config.char_min...config.char_max where padded.count >= n {
                    for i in 0...(padded.count - n) {
                        let h = StemKey.hash(padded[i..<(i + n)], seed: Self.charSeed)
                        c[UInt32(Self.mix(h) & mask), default: 0] += 1
                    }
                }
            }
        }
        var lexicon: [UInt32: Float] = [:]
        if config.lexicon_weight > 0 {
            let keyed = KeyedWords(document, tokens: 0..<document.tokens.count)
            let weighing = Self.rules.weigh(keyed, content: [0..<keyed.keys.count], cueVerb: nil, targetCues: PhraseMatcher())
            let net = weighing.favor - weighing.against
            let lean = abs(net) < RuleTagger.margin || weighing.neutral >= abs(net) ? "neutral" : net > 0 ? "favor" : "against"
            for (name, value) in [("lex:favor", weighing.favor), ("lex:against", weighing.against), ("lex:neutral", weighing.neutral),
                                  ("lex:lean:" + lean, 1.0)] where value > 0 {
                lexicon[UInt32(Self.mix(StemKey.hash(name.unicodeScalars, seed: Self.wordSeed)) & mask), default: 0] += Float(tanh(value))
            }
        }
        return HashedCounts(words: w.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                            chars: c.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                            lexicon: lexicon.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                            target: StemKey.hash(Self.targetKey(target).unicodeScalars))
    }

    /// Weighted, normalised vector: per block `tf × idf`, L2-normalised and weighted; then the
    /// target-crossed copy; then the whole vector L2-normalised.
    /// `idf` returns nil for a bucket outside the model's vocabulary (unseen in training, or
    /// pruned by `min_df`): such buckets are ignored, at training and at prediction alike.
    public func vector(_ counts: HashedCounts, idf: (UInt32) -> Float?) -> SparseVector {
        var out: [UInt32: Float] = [:]
        func add(_ all: [(UInt32, Float)], weight: Float) {
            let block = all.compactMap { (b, n) in idf(b).map { (b, (config.sublinear_tf ? 1 + log(n) : n) * $0) } }
            guard weight > 0, !block.isEmpty else { return }
            var values = block.map(\.1)
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { return }
            for i in values.indices { values[i] *= weight / norm }
            for (i, (b, _)) in block.enumerated() {
                out[b, default: 0] += values[i]
                if config.cross_target {
                    let crossed = UInt32(Self.mix(UInt64(b) ^ counts.target) & mask)
                    out[crossed, default: 0] += values[i]
                }
            }
        }
        add(counts.words, weight: config.word_weight)
        add(counts.chars, weight: config.char_weight)
        for (b, v) in counts.lexicon where config.lexicon_weight > 0 && idf(b) != nil {
            out[b, default: 0] += v * config.lexicon_weight
            if config.cross_target { out[UInt32(Self.mix(UInt64(b) ^ counts.target) & mask), default: 0] += v * config.lexicon_weight }
        }
        let sorted = out.sorted { $0.key < $1.key }
        let norm = sorted.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
        let scale: Float = norm > 0 ? 1 / norm : 0
        return SparseVector(indices: sorted.map(\.key), values: sorted.map { $0.value * scale })
    }
}
