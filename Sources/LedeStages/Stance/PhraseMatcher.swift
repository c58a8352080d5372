import LedeCore

/// Finds lexicon phrases ("call for", "would not fundamentally alter", "embargo*") in keyed words.
///
/// Phrases are tokenized with the same ``Tokenizer`` and stemmed with the same ``WordKey`` as the
/// text, so "don't back" in a lexicon meets "don’t backing" in an article. A word ending in `*` is a
/// prefix (matched on the lowercased, unstemmed word). Matching is greedy longest-first and
/// non-overlapping, indexed by the first word's key so a scan costs one dictionary probe per word.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    enum Word: Sendable, Equatable {
        case key(UInt64)
        case prefix([Unicode.Scalar])
    }
    struct Entry: Sendable {
        var words: [Word]
        var payload: Payload
    }
    struct Match {
        /// Position in the keyed words.
        var start: Int
        var count: Int
        var payload: Payload
    }

    private var byFirstKey: [UInt64: [Entry]] = [:]
    /// A 4096-bit filter of first keys: most words start no phrase, and a bit test is much
    /// cheaper than a dictionary probe.
    private var firstKeyBits = [UInt64](repeating: 0, count: 64)
    /// Entries starting with a prefix word cannot be indexed by key; they are few (YAML wildcards).
    private var prefixed: [Entry] = []
    /// ASCII first letters of the prefix entries (bit per code), so a word that cannot start
    /// any of them skips the list; `prefixAnyStart` when one starts otherwise.
    private var prefixStarts: (UInt64, UInt64) = (0, 0)
    private var prefixAnyStart = false

    @inline(__always)
    private func mayStartPrefixed(_ words: KeyedWords, at i: Int) -> Bool {
        if prefixed.isEmpty { return false }
        if prefixAnyStart { return true }
        var c = words.scalars[words.spans[i].start].value
        if c >= 65 && c <= 90 { c += 32 }
        guard c < 128 else { return false }
        return c < 64 ? prefixStarts.0 & (1 << UInt64(c)) != 0 : prefixStarts.1 & (1 << UInt64(c - 64)) != 0
    }
    var isEmpty: Bool { byFirstKey.isEmpty && prefixed.isEmpty }

    init() {}

    /// Splits a phrase into words; returns nil for a phrase with no words.
    static func words(of phrase: String) -> [Word]? {
        var out: [Word] = []
        for piece in phrase.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if piece.hasSuffix("*"), piece.count > 1 {
                var buffer: [Unicode.Scalar] = []
                WordKey.lowercase(Array(piece.dropLast().unicodeScalars)[...], into: &buffer)
                out.append(.prefix(buffer))
                continue
            }
            let scalars = Array(piece.unicodeScalars)
            var buffer: [Unicode.Scalar] = []
            for t in Tokenizer.tokens(scalars) where t.kind == .word || t.kind == .number {
                WordKey.lowercase(scalars[t.span.start..<t.span.end], into: &buffer)
                WordKey.stem(&buffer)
                out.append(.key(WordKey.hash(buffer)))
            }
        }
        return out.isEmpty ? nil : out
    }

    mutating func add(_ phrase: String, _ payload: Payload) {
        guard let words = Self.words(of: phrase) else { return }
        let entry = Entry(words: words, payload: payload)
        if case .key(let k) = words[0] {
            firstKeyBits[Int((k >> 6) & 63)] |= 1 << (k & 63)
            byFirstKey[k, default: []].append(entry)
            byFirstKey[k]!.sort { $0.words.count > $1.words.count }
        } else {
            if case .prefix(let p) = words[0], let c = p.first?.value, c < 128 {
                if c < 64 { prefixStarts.0 |= 1 << UInt64(c) } else { prefixStarts.1 |= 1 << UInt64(c - 64) }
            } else {
                prefixAnyStart = true
            }
            prefixed.append(entry)
            prefixed.sort { $0.words.count > $1.words.count }
        }
    }

    @inline(__always)
    private func matches(_ entry: Entry, _ words: KeyedWords, at i: Int) -> Bool {
        guard i + entry.words.count <= words.keys.count else { return false }
        for (j, w) in entry.words.enumerated() {
            switch w {
            case .key(let k): if words.keys[i + j] != k { return false }
            case .prefix(let p):
                if words.keys[i + j] == KeyedWords.clauseBreak || !words.hasPrefix(i + j, p) { return false }
            }
        }
        return true
    }

    /// Longest match starting at `i`, if any.
    func match(_ words: KeyedWords, at i: Int) -> Entry? {
        let k = words.keys[i]
        if firstKeyBits[Int((k >> 6) & 63)] & (1 << (k & 63)) != 0, let candidates = byFirstKey[k] {
            for e in candidates where matches(e, words, at: i) { return e }
        }
        if mayStartPrefixed(words, at: i) { for e in prefixed where matches(e, words, at: i) { return e } }
        return nil
    }

    /// All non-overlapping matches in `positions` (ascending), longest first at each position.
    func scan(_ words: KeyedWords, in positions: Range<Int>) -> [Match] {
        var out: [Match] = []
        var i = positions.lowerBound
        while i < positions.upperBound {
            if words.keys[i] != KeyedWords.clauseBreak, let e = match(words, at: i), i + e.words.count <= positions.upperBound {
                out.append(Match(start: i, count: e.words.count, payload: e.payload))
                i += e.words.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// Calls `body` with the position and payload of every entry that matches anywhere in
    /// `positions`, overlapping ones included (one scan serves every target's terms).
    func forEachMatch(_ words: KeyedWords, in positions: Range<Int>, _ body: (Int, Payload) -> Void) {
        for i in positions {
            let k = words.keys[i]
            if k == KeyedWords.clauseBreak { continue }
            if firstKeyBits[Int((k >> 6) & 63)] & (1 << (k & 63)) != 0, let candidates = byFirstKey[k] {
                for e in candidates where i + e.words.count <= positions.upperBound && matches(e, words, at: i) { body(i, e.payload) }
            }
            if mayStartPrefixed(words, at: i) {
                for e in prefixed where i + e.words.count <= positions.upperBound && matches(e, words, at: i) { body(i, e.payload) }
            }
        }
    }

    /// Whether any entry occurs in `positions`.
    func occurs(_ words: KeyedWords, in positions: Range<Int>) -> Bool {
        for i in positions where words.keys[i] != KeyedWords.clauseBreak {
            if let e = match(words, at: i), i + e.words.count <= positions.upperBound { return true }
        }
        return false
    }
}
