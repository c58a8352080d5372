import LedeCore

/// A word's first three letters, 5 bits each (case folded; other scalars 0; the typographic
/// apostrophe read as `'`, as ``StemKey`` does): a cheap, stemming-proof fingerprint that lets a
/// matcher rule out most words before their keys are computed.
enum LetterCode {
    @inline(__always)
    static func letter(_ c: Unicode.Scalar) -> Int {
        if c == "’" { return 39 & 31 }
        guard c.value < 128 else { return 0 }
        return Int(c.value & 31)   // case-insensitive for letters
    }

    @inline(__always)
    static func of(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan) -> UInt16 {
        let c1 = letter(s[span.start])
        let c2 = span.length > 1 ? letter(s[span.start + 1]) : 0
        let c3 = span.length > 2 ? letter(s[span.start + 2]) : 0
        return UInt16(c1 << 10 | c2 << 5 | c3)
    }

    /// The code of a lexicon word already lowercased (and, for keyed words, stemmed).
    static func of(_ word: [Unicode.Scalar]) -> Int {
        let c = word.prefix(3).map(letter) + [0, 0, 0]
        return c[0] << 10 | c[1] << 5 | c[2]
    }

}

/// A set of ``LetterCode``s as a 32768-bit filter.
struct LetterCodeFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 512)
    /// An entry with no letters: every code passes. (Non-ASCII letters are code 0 on both sides,
    /// so they need no special case.)
    private var everything = false
    private(set) var isEmpty = true

    /// The code of a whole word (lowercased; for keyed words also stemmed).
    mutating func insert(word: [Unicode.Scalar]) {
        isEmpty = false
        guard !word.isEmpty else { everything = true; return }
        set(LetterCode.of(word))
    }

    /// Every code of a word starting with `prefix` (fewer than three letters leave the rest free).
    mutating func insert(prefix: [Unicode.Scalar]) {
        isEmpty = false
        guard !prefix.isEmpty else { everything = true; return }
        let fixed = prefix.prefix(3).map(LetterCode.letter)
        for c1 in 0..<32 where c1 == fixed[0] {
            for c2 in 0..<32 where fixed.count < 2 || c2 == fixed[1] {
                for c3 in 0..<32 where fixed.count < 3 || c3 == fixed[2] { set(c1 << 10 | c2 << 5 | c3) }
            }
        }
    }

    private mutating func set(_ code: Int) { bits[code >> 6] |= 1 << UInt64(code & 63) }

    @inline(__always)
    func contains(_ code: UInt16) -> Bool {
        everything || bits[Int(code >> 6)] & (1 << UInt64(code & 63)) != 0
    }
}

/// Finds lexicon phrases ("call for", "would not fundamentally alter", "embargo*") in keyed words.
///
/// Phrases are tokenized with the same ``Tokenizer`` and stemmed with the same ``StemKey`` as the
/// text, so "don't back" in a lexicon meets "don’t backing" in an article. A word ending in `*` is a
/// prefix (matched on the lowercased, unstemmed word). Matching is greedy longest-first and
/// non-overlapping, indexed by the first word's key so a scan costs one dictionary probe per word.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    enum Word: Sendable, Equatable {
        case key(UInt64)
        case prefix([Unicode.Scalar])
    }
    /// The letter codes (``LetterCode``) a phrase's first word may have: a word whose code is not
    /// in it starts no phrase, whatever its key, so its key need not be computed.
    private var firstCodes = LetterCodeFilter()
    /// Words in the longest phrase.
    private(set) var maxLength = 0
    struct Entry: Sendable {
        var words: [Word]
        var payload: Payload
        /// `words.count`, kept apart so the hot loop reads no array header.
        var length: Int
        /// A single keyed word: equal first keys already mean a match.
        var single: Bool
    }
    struct Match {
        /// Position in the keyed words.
        var start: Int
        var count: Int
        var payload: Payload
    }

    /// Entries grouped by first key, longest first in each group; the dictionary gives a group's
    /// bounds (plain integers: looking them up retains nothing).
    private var keyed: [Entry] = []
    private var byFirstKey = KeyRanges()
    /// A 4096-bit filter of first keys: most words start no phrase, and a bit test is much
    /// cheaper than a dictionary probe.
    private var firstKeyBits = [UInt64](repeating: 0, count: 64)
    /// Entries starting with a prefix word cannot be indexed by key; they are few (YAML wildcards).
    private var prefixed: [Entry] = []
    /// The codes of prefix entries' first words, so a word that cannot start any of them skips the list.
    private var prefixCodes = LetterCodeFilter()

    @inline(__always)
    private func mayStartPrefixed(_ words: KeyedWords, at i: Int) -> Bool {
        !prefixCodes.isEmpty && prefixCodes.contains(words.codes[i])
    }

    var isEmpty: Bool { keyed.isEmpty && prefixed.isEmpty }

    init() {}

    /// Splits a phrase into words; returns nil for a phrase with no words.
    static func words(of phrase: String) -> [Word]? {
        words(ofPhrase: phrase)?.words
    }

    /// The words of a phrase and the lowercased (for keys also stemmed) form of its first word.
    static func words(ofPhrase phrase: String) -> (words: [Word], first: [Unicode.Scalar])? {
        var out: [Word] = []
        var first: [Unicode.Scalar] = []
        for piece in phrase.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if piece.hasSuffix("*"), piece.count > 1 {
                var buffer: [Unicode.Scalar] = []
                StemKey.lowercase(Array(piece.dropLast().unicodeScalars)[...], into: &buffer)
                if out.isEmpty { first = buffer }
                out.append(.prefix(buffer))
                continue
            }
            let scalars = Array(piece.unicodeScalars)
            var buffer: [Unicode.Scalar] = []
            for t in Tokenizer.tokens(scalars) where t.kind == .word || t.kind == .number {
                StemKey.lowercase(scalars[t.span.start..<t.span.end], into: &buffer)
                StemKey.stem(&buffer)
                if out.isEmpty { first = buffer }
                out.append(.key(StemKey.hash(buffer)))
            }
        }
        return out.isEmpty ? nil : (out, first)
    }

    mutating func add(_ phrase: String, _ payload: Payload) {
        guard let (words, first) = Self.words(ofPhrase: phrase) else { return }
        maxLength = max(maxLength, words.count)
        if case .prefix = words[0] { firstCodes.insert(prefix: first) } else { firstCodes.insert(word: first) }
        var single = false
        if words.count == 1, case .key = words[0] { single = true }
        let entry = Entry(words: words, payload: payload, length: words.count, single: single)
        if case .key(let k) = words[0] {
            firstKeyBits[Int((k >> 6) & 63)] |= 1 << (k & 63)
            // Rebuild the grouping: additions happen once, at stage construction.
            var all = keyed + [entry]
            all = all.enumerated().sorted { a, b in
                let ka = Self.firstKey(a.element), kb = Self.firstKey(b.element)
                if ka != kb { return ka < kb }
                if a.element.length != b.element.length { return a.element.length > b.element.length }
                return a.offset < b.offset
            }.map(\.element)
            keyed = all
            var groups: [(UInt64, Range<Int>)] = []
            var i = 0
            while i < all.count {
                var j = i + 1
                while j < all.count, Self.firstKey(all[j]) == Self.firstKey(all[i]) { j += 1 }
                groups.append((Self.firstKey(all[i]), i..<j))
                i = j
            }
            byFirstKey = KeyRanges(groups)
        } else {
            prefixCodes.insert(prefix: first)
            prefixed.append(entry)
            prefixed.sort { $0.words.count > $1.words.count }
        }
    }

    private static func firstKey(_ e: Entry) -> UInt64 {
        if case .key(let k) = e.words[0] { return k }
        return 0
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
        guard firstCodes.contains(words.codes[i]) else { return nil }
        let k = words.keys[i]
        if firstKeyBits[Int((k >> 6) & 63)] & (1 << (k & 63)) != 0, let group = byFirstKey.find(k) {
            for g in group where keyed[g].single || matches(keyed[g], words, at: i) { return keyed[g] }
        }
        if mayStartPrefixed(words, at: i) { for e in prefixed where matches(e, words, at: i) { return e } }
        return nil
    }

    /// All non-overlapping matches in `positions` (ascending), longest first at each position.
    func scan(_ words: KeyedWords, in positions: Range<Int>) -> [Match] {
        var out: [Match] = []
        if isEmpty { return out }
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
    /// `positions`, overlapping ones included (one scan serves every target's terms). Keys are
    /// computed only where a word's letter code can start an entry, so `words` may be built lazily.
    func forEachMatch(_ words: inout KeyedWords, in positions: Range<Int>, _ body: (Int, Payload) -> Void) {
        // First the words whose letter codes can start an entry (a tight loop over two arrays),
        // then keys and matching for those few only.
        var candidates: [Int] = []
        words.keys.withUnsafeBufferPointer { keys in
            words.codes.withUnsafeBufferPointer { codes in
                for i in positions where keys[i] != KeyedWords.clauseBreak && firstCodes.contains(codes[i]) { candidates.append(i) }
            }
        }
        for i in candidates {
            words.ensureKeys(i..<min(positions.upperBound, i + maxLength))
            let k = words.keys[i]
            if firstKeyBits[Int((k >> 6) & 63)] & (1 << (k & 63)) != 0, let group = byFirstKey.find(k) {
                for g in group where keyed[g].single || (i + keyed[g].length <= positions.upperBound && matches(keyed[g], words, at: i)) {
                    body(i, keyed[g].payload)
                }
            }
            if mayStartPrefixed(words, at: i) {
                for e in prefixed where i + e.length <= positions.upperBound && matches(e, words, at: i) { body(i, e.payload) }
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

/// An open-addressing table from a first word's key to its group of entries: one multiply and
/// usually one probe, where a `Dictionary` lookup hashes the key with SipHash first.
struct KeyRanges: Sendable {
    private var keys: [UInt64] = [0]
    private var lower: [Int32] = [0]
    private var upper: [Int32] = [0]
    private var shift: UInt64 = 63

    init() {}

    /// `groups` keys are distinct and never 0 (the clause-break key, which no entry has).
    init(_ groups: [(UInt64, Range<Int>)]) {
        var bits = 1
        while (1 << bits) < groups.count * 2 { bits += 1 }
        let size = 1 << bits
        shift = UInt64(64 - bits)
        keys = [UInt64](repeating: 0, count: size)
        lower = [Int32](repeating: 0, count: size)
        upper = [Int32](repeating: 0, count: size)
        for (k, r) in groups {
            var slot = Int((k &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = k; lower[slot] = Int32(r.lowerBound); upper[slot] = Int32(r.upperBound)
        }
    }

    @inline(__always)
    func find(_ k: UInt64) -> Range<Int>? {
        guard k != 0 else { return nil }
        let mask = keys.count - 1
        var slot = Int((k &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
        while true {
            let here = keys[slot]
            if here == k { return Int(lower[slot])..<Int(upper[slot]) }
            if here == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
