import Foundation

/// What the feature templates need to know about a word from the rule engine's lexicons, looked up
/// by the word's FNV-1a hash (which feature extraction computes anyway) instead of hashing the
/// lower-cased String once per lexicon: one probe of an open-addressing table per token.
struct FeatureLexicon: Sendable {
    struct Entry: Sendable {
        /// Lexicon class bits (see ``AttributionFeatures``).
        var bits: UInt64
        /// Hash of the cue lemma mixed with its frames; 0 when the word is no cue-verb form.
        var cueLemma: UInt64
        /// A cue noun ("statement", "claims") — a content often follows it.
        var nounCue: Bool
        /// Learned from the training data: how often the word is (part of) a cue there, 0 (never or
        /// rare), 1 (≥ 15 %), 2 (≥ 35 %), 3 (≥ 60 %). PolNeAR's cues go far beyond reporting verbs
        /// ("wants", "mocked", "plans", "questions about"), which no hand-written lexicon lists.
        var learnedCue: UInt8 = 0
        /// The same for source words ("spokesman", "officials", "aides", pronouns).
        var learnedSource: UInt8 = 0
    }

    private var keys: [UInt64]
    private var values: [Entry]
    private let shift: UInt64

    /// Nouns and adjectives that introduce reported content without a cue verb ("the claim that",
    /// "in a statement", "his view is that"). Not in the rules' lexicon: the rules only read verbs.
    static let nounCues: [String] = [
        "statement", "statements", "claim", "claims", "report", "reports", "reported", "announcement", "remarks",
        "comments", "comment", "assertion", "argument", "arguments", "view", "views", "belief", "warning", "warnings",
        "promise", "pledge", "suggestion", "allegation", "allegations", "accusation", "accusations", "testimony",
        "interview", "speech", "letter", "memo", "tweet", "tweets", "notion", "idea", "evidence", "according",
        "estimate", "estimates", "prediction", "predictions", "analysis", "survey", "poll", "polls", "study", "data",
        "message", "opinion", "position", "proposal", "plan", "vow", "insisted", "expected", "likely", "reportedly",
        "apparently", "allegedly", "clear", "sure", "convinced", "worried", "concerned", "confident", "aware",
        "hope", "fear", "fears", "concern", "concerns", "sense", "impression", "question", "answer", "response",
    ]

    init(cues: CueLexicon, speakers: SpeakerLexicon, learnedCues: [LearnedCue] = [], learnedSources: [LearnedCue] = []) {
        var info: [UInt64: Entry] = [:]
        func add(_ word: String, _ body: (inout Entry) -> Void) {
            let h = FeatureHash.string(word)
            var e = info[h] ?? Entry(bits: 0, cueLemma: 0, nounCue: false)
            body(&e)
            info[h] = e
        }
        for w in speakers.titles.keys { add(w) { $0.bits |= 1 } }
        for w in speakers.groupNouns { add(w) { $0.bits |= 2 } }
        for w in speakers.organizationWords { add(w) { $0.bits |= 4 } }
        for w in speakers.personNouns { add(w) { $0.bits |= 8 } }
        for (w, p) in speakers.pronouns { add(w) { $0.bits |= 16 | (UInt64(p.asciiValue ?? 0) << 8) } }
        for (w, e) in cues.verbs {
            add(w) { $0.bits |= 32; $0.cueLemma = FeatureHash.mix(FeatureHash.string(e.lemma), UInt64(e.frames.rawValue)) }
        }
        for w in Closed.determiners { add(w) { $0.bits |= 64 } }
        for w in Self.nounCues { add(w) { $0.nounCue = true } }
        for c in learnedCues { add(c.word) { $0.learnedCue = c.strength } }
        for c in learnedSources { add(c.word) { $0.learnedSource = c.strength } }
        var size = 64, bits: UInt64 = 6
        while size < info.count * 4 { size <<= 1; bits += 1 }
        shift = 64 - bits
        let mask = size - 1
        keys = [UInt64](repeating: 0, count: size)
        values = [Entry](repeating: Entry(bits: 0, cueLemma: 0, nounCue: false), count: size)
        // Sorted insertion: the table's layout must not depend on Dictionary's seeded order.
        for (h, e) in info.sorted(by: { $0.key < $1.key }) {
            var slot = Self.slot(h, shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = h == 0 ? 1 : h
            values[slot] = e
        }
    }

    @inline(__always) static func slot(_ h: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0x9E3779B97F4A7C15) >> shift)
    }

    /// The entry of the word with FNV-1a hash `h`, nil when it is in no lexicon.
    @inline(__always) func lookup(_ h: UInt64) -> Entry? {
        let key = h == 0 ? 1 : h
        let mask = keys.count - 1
        var slot = Self.slot(h, shift)
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}

/// One ``FeatureLexicon`` per model in memory, built on first use: a stage's lexicons never change,
/// and a model is loaded per stage. Guarded by a fingerprint of the lexicon sizes so a model shared
/// by stages with other extra words still gets the right table.
final class FeatureLexiconCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (fingerprint: [Int], lexicon: FeatureLexicon)?

    func lexicon(cues: CueLexicon, speakers: SpeakerLexicon, learnedCues: [LearnedCue], learnedSources: [LearnedCue]) -> FeatureLexicon {
        let fingerprint = [cues.verbs.count, speakers.titles.count, speakers.groupNouns.count, speakers.organizationWords.count,
                           speakers.personNouns.count, speakers.pronouns.count]
        lock.lock()
        defer { lock.unlock() }
        if let c = cached, c.fingerprint == fingerprint { return c.lexicon }
        let l = FeatureLexicon(cues: cues, speakers: speakers, learnedCues: learnedCues, learnedSources: learnedSources)
        cached = (fingerprint, l)
        return l
    }
}

/// A word the training data often tags as (part of) a cue, with its strength class (1–3), stored
/// in the model header so a model always carries the lexicon its features were computed with.
public struct LearnedCue: Codable, Sendable, Equatable {
    public var word: String
    public var strength: UInt8

    /// Words tagged cue (or source) in ≥ 15 % of their occurrences, ≥ `minimum` times (lower-cased, outside quotations).
    /// `counts` maps a word to (occurrences, occurrences inside a gold cue). Sorted by word, so
    /// the model bytes do not depend on Dictionary order.
    static func select(_ counts: [String: (Int, Int)], minimum: Int = 2) -> [LearnedCue] {
        var out: [LearnedCue] = []
        for (w, (n, c)) in counts where c >= minimum {
            let r = Double(c) / Double(n)
            let strength: UInt8 = r >= 0.6 ? 3 : r >= 0.35 ? 2 : r >= 0.15 ? 1 : 0
            if strength > 0 { out.append(LearnedCue(word: w, strength: strength)) }
        }
        return out.sorted { $0.word < $1.word }
    }
}
