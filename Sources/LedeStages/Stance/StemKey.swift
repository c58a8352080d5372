import LedeCore

/// Lemma-ish keys for words, computed straight from scalars.
///
/// Stance lexicons and target terms are written in base forms ("urge", "oppose", "embargo") but
/// articles inflect them ("urged", "opposes", "embargoes"). A light suffix stripper applied to both
/// sides makes them meet without a morphological analyser, and hashing the stripped form (FNV-1a)
/// lets the hot path compare 64-bit keys instead of allocating a `String` per token.
public enum StemKey {
    /// One scalar lowercased (ASCII fast path; other letters via Unicode properties), with the
    /// typographic apostrophe read as `'` so "don’t" and "don't" meet.
    @inline(__always)
    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value < 0x80 { return c.value &- 65 < 26 ? Unicode.Scalar(UInt8(truncatingIfNeeded: c.value &+ 32)) : c }
        if c == "’" { return "'" }
        if c.properties.isUppercase, let l = c.properties.lowercaseMapping.unicodeScalars.first { return l }
        return c
    }

    /// Lowercases a word's scalars into `buffer`.
    @inline(__always)
    static func lowercase(_ s: ArraySlice<Unicode.Scalar>, into buffer: inout [Unicode.Scalar]) {
        buffer.removeAll(keepingCapacity: true)
        for c in s { buffer.append(lower(c)) }
    }

    /// Strips common English inflections: `-ies/-ied → y`, `-ing`, `-ed`, `-es`, `-s`, a final `-e`,
    /// and a doubled final consonant left behind (`stopped → stop`). Never below three letters.
    /// Crude on purpose: both lexicon entries and text go through it, so consistency is what matters.
    static func stem(_ w: inout [Unicode.Scalar]) {
        let n = w.withUnsafeMutableBufferPointer { stem($0, count: $0.count) }
        w.removeLast(w.count - n)
    }

    /// The stemmer on a scratch buffer holding `count` lowercased scalars; returns the new length
    /// (the `-ies → y` rule writes its `y` in place). The hot path runs it on one reused buffer.
    @inline(__always)
    static func stem(_ w: UnsafeMutableBufferPointer<Unicode.Scalar>, count: Int) -> Int {
        // Compares ASCII codes from the end: no suffix strings are built.
        var n = count
        if n <= 3 { return n }
        @inline(__always) func c(_ k: Int) -> UInt32 { w[n - k].value }   // k-th scalar from the end
        let s: UInt32 = 115, e: UInt32 = 101, d: UInt32 = 100, i: UInt32 = 105, g: UInt32 = 103, u: UInt32 = 117
        if n >= 6, c(3) == i, c(2) == e, c(1) == s || c(1) == d { n -= 2; w[n - 1] = "y"; return n }
        var stripped = false
        if n >= 6, c(3) == i, c(2) == 110, c(1) == g { n -= 3; stripped = true }
        else if n >= 5, c(2) == e, c(1) == d { n -= 2; stripped = true }
        else if n >= 5, c(2) == e, c(1) == s, c(3) != s { n -= 2 }
        else if c(1) == s, c(2) != s, c(2) != u, c(2) != i { n -= 1 }
        if stripped, n >= 4, w[n - 1] == w[n - 2] {
            switch w[n - 1] { case "a", "e", "i", "o", "u", "l", "s", "z": break; default: n -= 1 }
        }
        if n > 3, w[n - 1] == "e" { n -= 1 }
        return n
    }

    /// Lowercases `s[range]` into `out` (which must be long enough); returns the count written.
    @inline(__always)
    static func lowercase(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int {
        var n = 0
        for k in range { out[n] = lower(s[k]); n += 1 }
        return n
    }

    /// FNV-1a over scalar values: stable across runs and processes (unlike `Hasher`), so keys can
    /// be stored in model files.
    @inline(__always)
    public static func hash<C: Collection>(_ s: C, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where C.Element == Unicode.Scalar {
        var h = seed
        for c in s {
            h ^= UInt64(c.value)
            h &*= 0x100_0000_01b3
        }
        return h
    }

    /// The key of a word as written in a lexicon or a YAML term.
    public static func key(_ word: String) -> UInt64 {
        let n = word.unicodeScalars.count
        // A stack buffer: the stance tagger keys each quotation's cue lemma with this.
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(n, 1)) { buffer in
            var k = 0
            for c in word.unicodeScalars { buffer[k] = lower(c); k += 1 }
            return hash(UnsafeBufferPointer(rebasing: buffer[0..<stem(buffer, count: k)]))
        }
    }

    /// Lowercased, stemmed form of a word as a string (for tests and messages).
    public static func stemmed(_ word: String) -> String {
        var buffer: [Unicode.Scalar] = []
        lowercase(Array(word.unicodeScalars)[...], into: &buffer)
        stem(&buffer)
        return String(scalars: buffer)
    }
}

/// The words of a stretch of text as keys, with the token index each came from.
///
/// Built once per document; every matcher (targets, cues, negators) then scans the
/// same array of integers. Built `lazily`, only the spans and each word's first three letters are
/// read up front; a word's stemmed key is computed when a matcher needs it (``ensureKeys(_:)``).
/// Most quotations name no target, so most words never need a key: this is the stage's main saving.
struct KeyedWords {
    /// Stemmed keys; ``unknown`` where a lazily built instance has not computed one yet.
    var keys: [UInt64] = []
    var spans: [TextSpan] = []
    /// The first three letters of each word as a 15-bit code (``LetterCode``); stemming
    /// never changes a word's first three letters, so equal keys imply equal codes and a code that
    /// starts no phrase rules the word out without its key.
    var codes: [UInt16] = []
    /// The document's scalars (shared, not copied), for wildcard terms, which compare the
    /// lowercased start of a word instead of its key, and for keys computed on demand.
    var scalars: [Unicode.Scalar] = []

    /// Whether the word at position `i`, lowercased, starts with `prefix`.
    @inline(__always)
    func hasPrefix(_ i: Int, _ prefix: [Unicode.Scalar]) -> Bool {
        let span = spans[i]
        guard span.length >= prefix.count else { return false }
        for (j, p) in prefix.enumerated() where StemKey.lower(scalars[span.start + j]) != p { return false }
        return true
    }

    /// Keys of the tokens in `range`; punctuation becomes a clause-break key so that windows stop at it.
    init(_ document: Document, tokens range: Range<Int>) {
        self.init(document, tokens: [range])
    }

    /// Keys of the tokens in several ascending, disjoint ranges (the stretches around quotations);
    /// a clause break separates them so no phrase matches across a gap. `lazily`: word keys are
    /// left ``unknown`` until ``ensureKeys(_:)``.
    init(_ document: Document, tokens ranges: [Range<Int>], lazily: Bool = false) {
        let s = document.scalars
        scalars = s
        let tokens = document.tokens
        let capacity = ranges.reduce(0) { $0 + $1.count + 1 }
        // The three arrays are written in place (no append bookkeeping): this loop reads every word near a quotation.
        var spanOut: [TextSpan] = [], codeOut: [UInt16] = []
        keys = s.withUnsafeBufferPointer { s in
            tokens.withUnsafeBufferPointer { tokens in
                [UInt64](unsafeUninitializedCapacity: capacity) { keyBuf, keyCount in
                    spanOut = [TextSpan](unsafeUninitializedCapacity: capacity) { spanBuf, spanCount in
                        codeOut = [UInt16](unsafeUninitializedCapacity: capacity) { codeBuf, codeCount in
                            var n = 0
                            func put(_ key: UInt64, _ span: TextSpan, _ code: UInt16) {
                                (keyBuf.baseAddress! + n).initialize(to: key)
                                (spanBuf.baseAddress! + n).initialize(to: span)
                                (codeBuf.baseAddress! + n).initialize(to: code)
                                n += 1
                            }
                            for (r, range) in ranges.enumerated() {
                                if r > 0, !range.isEmpty {
                                    // An empty span at the next stretch's start keeps spans ascending.
                                    let at = tokens[range.lowerBound].span.start
                                    put(KeyedWords.clauseBreak, TextSpan(at, at), 0)
                                }
                                for i in range {
                                    let t = tokens[i]
                                    switch t.kind {
                                    case .word, .number:
                                        put(lazily ? KeyedWords.unknown : Self.key(s, t.span), t.span, LetterCode.of(s, t.span))
                                    case .punctuation:
                                        let c = s[t.span.start]
                                        // Commas do not end a cue's scope ("would, in my view, not help");
                                        // sentence and clause punctuation does.
                                        if c == "," || c == "-" || c == "–" { continue }
                                        put(KeyedWords.clauseBreak, t.span, 0)
                                    case .quote, .symbol:
                                        continue
                                    }
                                }
                            }
                            codeCount = n
                        }
                        spanCount = codeOut.count
                    }
                    keyCount = spanOut.count
                }
            }
        }
        spans = spanOut; codes = codeOut
    }

    /// The stemmed key of the word at `span`: lowercased and stemmed in a stack buffer (longer
    /// words, rare, take the array path), then hashed; no allocation for ordinary words.
    @inline(__always)
    static func key(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ span: TextSpan) -> UInt64 {
        let scratchSize = 48
        if span.length <= scratchSize {
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: scratchSize) { scratch in
                let m = StemKey.stem(scratch, count: StemKey.lowercase(s, span.start..<span.end, into: scratch))
                return StemKey.hash(UnsafeBufferPointer(rebasing: scratch[0..<m]))
            }
        }
        var buffer: [Unicode.Scalar] = []
        StemKey.lowercase(ArraySlice(s[span.start..<span.end]), into: &buffer)
        StemKey.stem(&buffer)
        return StemKey.hash(buffer)
    }

    /// Computes the keys still ``unknown`` in `range` (clamped to the words there are).
    mutating func ensureKeys(_ range: Range<Int>) {
        let r = range.clamped(to: 0..<keys.count)
        if r.isEmpty { return }
        scalars.withUnsafeBufferPointer { s in
            spans.withUnsafeBufferPointer { spans in
                keys.withUnsafeMutableBufferPointer { keys in
                    for i in r where keys[i] == KeyedWords.unknown { keys[i] = Self.key(s, spans[i]) }
                }
            }
        }
    }

    /// Marks a key not computed yet (an FNV-1a hash of a word is never this value in practice,
    /// as with ``clauseBreak``).
    static let unknown: UInt64 = 1
    static let clauseBreak: UInt64 = 0

    /// Positions whose spans start in `span` (spans are ascending).
    func positions(in span: TextSpan) -> Range<Int> {
        func lowerBound(_ offset: Int) -> Int {
            var lo = 0, hi = spans.count
            while lo < hi { let mid = (lo + hi) / 2; if spans[mid].start < offset { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        let a = lowerBound(span.start)
        var b = lowerBound(span.end)
        // A word that starts inside but runs past the end is not inside.
        while b > a, spans[b - 1].end > span.end { b -= 1 }
        return a..<max(a, b)
    }
}
