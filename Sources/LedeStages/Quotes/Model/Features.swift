import LedeCore

/// Hashed features of every token of one document, a fixed number per token.
///
/// Computed once per document (training caches them across epochs), independent of labels: the
/// tagger multiplies each key by its per-label weights. Besides the word, its neighbours and its
/// shape, the features carry what the rule engine knows — quotation-mark state, cue-verb and speaker
/// lexicon hits, distance to the nearest cue verb in the sentence, and the spans the rules found —
/// so the model learns where to trust the rules and where PolNeAR-style annotation differs.
struct AttributionFeatures {
    /// Keys per token (the stride of ``keys``).
    static let perToken = 58
    /// Bumped whenever templates change: a model trained on other features must be refused.
    static let version = 5

    var keys: [UInt32]
    var count: Int

    /// `x` must have run (its view carries the paired quotation marks); `rules` is what it found.
    init(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph], lexicon: FeatureLexicon? = nil) {
        let lexicon = lexicon ?? FeatureLexicon(cues: x.cues, speakers: x.speakerWords)
        let v = x.v
        let n = v.count
        count = n
        let F = Self.perToken
        keys = []
        if n == 0 { return }
        // Per-token working arrays as raw buffers freed together at the end: the template loop below
        // reads twenty of them per token, and array bounds checks there cost about a fifth of the
        // model's time. Every index is a token index in 0..<n or a sentence index (checked above).
        let scratch = ScratchArena()
        // ARC may end a local's lifetime at its last use; the buffers must outlive the loops.
        defer { withExtendedLifetime(scratch) {} }
        let inQuote = scratch.copy(v.inQuote), sentenceOf = scratch.copy(v.sentence), paragraphOf = scratch.copy(v.paragraph)
        let tokens = scratch.copy(v.tokens), sentenceStart = scratch.copy(v.sentenceStart), sentenceEnd = scratch.copy(v.sentenceEnd)

        // Per-token values used by several templates.
        let word = scratch.buffer(UInt64.self, 0, n)
        let suffix = scratch.buffer(UInt64.self, 0, n)
        let shape = scratch.buffer(UInt64.self, 0, n)
        let lex = scratch.buffer(UInt64.self, 0, n)      // lexicon class bits
        let cueLemma = scratch.buffer(UInt64.self, 0, n) // 0: not a cue form
        let isCue = scratch.buffer(Bool.self, false, n)
        let isNounCue = scratch.buffer(Bool.self, false, n)
        let learned = scratch.buffer(UInt8.self, 0, n)  // learned cue strength (0–3), outside quotations
        let learnedSource = scratch.buffer(UInt8.self, 0, n)
        let caps = scratch.buffer(Bool.self, false, n)   // capitalised word (ASCII fast path)
        v.s.withUnsafeBufferPointer { sp in
        for i in 0..<n {
            let t = tokens[i]
            // Words and numbers have a lower-cased form (TokenView.lower); it is hashed straight from
            // the scalars with the same folding (ASCII lower-case, ’ → ') so no String is touched,
            // except for the rare word with other non-ASCII letters.
            let hasLower = (t.kind == .word || t.kind == .number) && t.span.length <= 40 && t.span.length > 0
            var h = FeatureHash.empty
            var b1: UInt32 = 0, b2: UInt32 = 0, b3: UInt32 = 0
            var ascii = true
            // Shape: X x d or the scalar itself for punctuation, repeats collapsed, length bucket.
            var sh: UInt64 = UInt64(t.kind.rawValue) &+ 1
            var last: UInt64 = 0
            var k = t.span.start
            while k < t.span.end {
                let c = sp[k]
                let cv = c.value
                let cls: UInt64
                if cv < 0x80 {
                    // ASCII fast path: no Unicode property lookups for the common case.
                    var byte = cv
                    if cv >= 0x41 && cv <= 0x5A { cls = 1; byte = cv + 32 } else if cv >= 0x61 && cv <= 0x7A { cls = 2 }
                    else if cv >= 0x30 && cv <= 0x39 { cls = 3 } else { cls = 16 &+ UInt64(cv) }
                    h = FeatureHash.fnv(h, UInt8(truncatingIfNeeded: byte)); b1 = b2; b2 = b3; b3 = byte
                } else {
                    if cv == 0x2019 { h = FeatureHash.fnv(h, 0x27); b1 = b2; b2 = b3; b3 = 0x27 } else { ascii = false }
                    if c.isUppercaseLetter { cls = 1 } else if c.properties.isAlphabetic { cls = 2 } else { cls = 16 &+ UInt64(cv & 0xFFFF) }
                }
                if k < t.span.start + 8, cls != last { sh = sh &* 31 &+ cls; last = cls }
                k += 1
            }
            if !hasLower {
                word[i] = FeatureHash.scalars(v.s[t.span.start..<t.span.end])
                suffix[i] = word[i]
            } else if ascii {
                word[i] = h
                suffix[i] = FeatureHash.fnv(FeatureHash.fnv(FeatureHash.fnv(FeatureHash.empty, UInt8(truncatingIfNeeded: b1)),
                                                            UInt8(truncatingIfNeeded: b2)), UInt8(truncatingIfNeeded: b3))
            } else {
                var h = FeatureHash.empty
                var b1: UInt8 = 0, b2: UInt8 = 0, b3: UInt8 = 0
                for b in v.lower[i].utf8 { h = FeatureHash.fnv(h, b); b1 = b2; b2 = b3; b3 = b }
                word[i] = h
                suffix[i] = FeatureHash.fnv(FeatureHash.fnv(FeatureHash.fnv(FeatureHash.empty, b1), b2), b3)
            }
            if t.kind == .word {
                let c0 = sp[t.span.start]
                caps[i] = c0.value < 0x80 ? (c0.value >= 0x41 && c0.value <= 0x5A) : c0.isUppercaseLetter
            }
            let len = t.span.length
            shape[i] = sh &* 7 &+ UInt64(len <= 2 ? 0 : len <= 4 ? 1 : len <= 7 ? 2 : 3)
            if hasLower, let e = lexicon.lookup(word[i]) {
                lex[i] = e.bits
                if e.cueLemma != 0 { cueLemma[i] = e.cueLemma; isCue[i] = !inQuote[i] }
                isNounCue[i] = e.nounCue && !inQuote[i]
                if !inQuote[i] { learned[i] = e.learnedCue; learnedSource[i] = e.learnedSource }
            }
        }
        }
        // Source-first cue phrases ("according to").
        let sourceFirst = scratch.buffer(Bool.self, false, n)
        for i in 0..<n where v.has(i, .sourceFirstStart) {
            if let after = x.sourceFirstCue(at: i) { for k in i..<after { sourceFirst[k] = true } }
        }
        // Rule matches by token: content kind (1 direct, 2 mixed, 3 indirect), cue, source; +4 on a span's first token.
        let ruleContent = scratch.buffer(UInt8.self, 0, n)
        let ruleCue = scratch.buffer(UInt8.self, 0, n)
        let ruleSource = scratch.buffer(UInt8.self, 0, n)
        for q in rules {
            let kind: UInt8 = q.kind == .direct ? 1 : q.kind == .mixed ? 2 : 3
            var first = true
            for piece in q.pieces {
                var k = Self.firstToken(v, atOrAfter: piece.start)
                while k < n, tokens[k].span.start < piece.end {
                    ruleContent[k] = kind | (first ? 4 : 0); first = false; k += 1
                }
            }
            if let c = q.cue { for k in c where k < n { ruleCue[k] = k == c.lowerBound ? 5 : 1 } }
            if let s = q.source { for k in s.a..<min(s.b, n) { ruleSource[k] = k == s.a ? 5 : 1 } }
        }
        func bucket(_ d: Int) -> UInt8 { d <= 1 ? 1 : d <= 3 ? 2 : d <= 7 ? 3 : d <= 15 ? 4 : 5 }
        /// For every token, the bucketed distance to the nearest `marked` token in its sentence on
        /// the left (0: none) and, when asked, on the right and the left one's index (-1: none).
        @inline(__always)
        func nearest(_ marked: (Int) -> Bool, left: UnsafeMutableBufferPointer<UInt8>?, right: UnsafeMutableBufferPointer<UInt8>?,
                     leftAt: UnsafeMutableBufferPointer<Int32>? = nil) {
            var last = -1, lastSentence: Int32 = -2
            for i in 0..<n {
                if sentenceOf[i] != lastSentence { last = -1; lastSentence = sentenceOf[i] }
                if last >= 0 { left?[i] = bucket(i - last) }
                leftAt?[i] = Int32(last)
                if marked(i) { last = i }
            }
            guard let right else { return }
            last = -1; lastSentence = -2
            for i in stride(from: n - 1, through: 0, by: -1) {
                if sentenceOf[i] != lastSentence { last = -1; lastSentence = sentenceOf[i] }
                if last >= 0 { right[i] = bucket(last - i) }
                if marked(i) { last = i }
            }
        }
        // Cue forms (and "according to"); noun cues ("the claim that", "in a statement"); the nearest
        // cue verb on the left, for complementiser features; learned cues and learned source words
        // (strength ≥ 2, feature set 3).
        let cueLeft = scratch.buffer(UInt8.self, 0, n), cueRight = scratch.buffer(UInt8.self, 0, n)
        nearest({ isCue[$0] || sourceFirst[$0] }, left: cueLeft, right: cueRight)
        let nounLeft = scratch.buffer(UInt8.self, 0, n), nounRight = scratch.buffer(UInt8.self, 0, n)
        nearest({ isNounCue[$0] }, left: nounLeft, right: nounRight)
        let leftCueAt = scratch.buffer(Int32.self, -1, n)
        nearest({ isCue[$0] }, left: nil, right: nil, leftAt: leftCueAt)
        let learnedLeft = scratch.buffer(UInt8.self, 0, n), learnedRight = scratch.buffer(UInt8.self, 0, n)
        let learnedLeftAt = scratch.buffer(Int32.self, -1, n)
        nearest({ learned[$0] >= 2 }, left: learnedLeft, right: learnedRight, leftAt: learnedLeftAt)
        let sourceLeft = scratch.buffer(UInt8.self, 0, n), sourceRight = scratch.buffer(UInt8.self, 0, n)
        nearest({ learnedSource[$0] >= 2 }, left: sourceLeft, right: sourceRight)
        // Whether a sentence holds a quotation mark; its first cue verb (lemma hash).
        let sentences = v.sentenceStart.count
        let sentenceHasQuote = scratch.buffer(Bool.self, false, sentences)
        let sentenceCue = scratch.buffer(UInt64.self, 0, sentences)
        let sentenceFirstCue = scratch.buffer(Int32.self, Int32.max, sentences)
        for i in 0..<n where sentenceOf[i] >= 0 {
            let si = Int(sentenceOf[i])
            if tokens[i].kind == .quote { sentenceHasQuote[si] = true }
            if isCue[i] && sentenceCue[si] == 0 { sentenceCue[si] = cueLemma[i]; sentenceFirstCue[si] = Int32(i) }
        }
        // State at the end of the previous sentence (contents run over sentences): rule content there,
        // inside a quotation there, the previous sentence had a quotation mark.
        let previousSentence = scratch.buffer(UInt64.self, 0, sentences)
        for si in 1..<max(1, sentences) {
            let e = Int(sentenceEnd[si - 1]) - 1
            guard e >= 0, e < n else { continue }
            previousSentence[si] = UInt64(ruleContent[e] & 3) | (inQuote[e] ? 4 : 0) | (sentenceHasQuote[si - 1] ? 8 : 0)
                | (sentenceCue[si - 1] != 0 ? 16 : 0)
        }

        // Clauses: the word that opened the token's clause (a comma, "that", "who", "because" …; 0 at
        // the sentence start), tokens since it, and whether a cue came earlier in the clause.
        let clauseOpener = scratch.buffer(UInt64.self, 0, n)
        let clauseDist = scratch.buffer(UInt8.self, 0, n)
        let cueInClause = scratch.buffer(Bool.self, false, n)
        do {
            var opener: UInt64 = 0, start = 0, cue = false, lastSentence: Int32 = -2
            for i in 0..<n {
                if sentenceOf[i] != lastSentence { opener = 0; start = i; cue = false; lastSentence = sentenceOf[i] }
                let t = tokens[i]
                let boundary = t.kind == .punctuation && !inQuote[i] && (v.isChar(i, ",") || v.isChar(i, ";") || v.isChar(i, ":") || v.isDash(i))
                    || t.kind == .word && !inQuote[i] && v.has(i, .clauseOpener)
                if boundary { opener = word[i]; start = i; cue = false }
                clauseOpener[i] = opener
                clauseDist[i] = bucket(i - start)
                cueInClause[i] = cue
                if isCue[i] || learned[i] >= 2 { cue = true }
            }
        }

        // Once per paragraph, not per token (`allCases` builds an array each time it is read).
        let paragraphKinds = paragraphs.map { UInt64($0.kind.hashValueStable) }
        @inline(__always) func w(_ i: Int) -> UInt64 { i >= 0 && i < n ? word[i] : (i < 0 ? 1 : 2) }
        @inline(__always) func q(_ i: Int) -> UInt64 { i >= 0 && i < n ? (inQuote[i] ? 1 : 0) : 2 }
        var out = [UInt32](repeating: 0, count: n * F)
        out.withUnsafeMutableBufferPointer { kp in
        for i in 0..<n {
            var slot = i &* F
            @inline(__always) func put(_ template: UInt64, _ value: UInt64) {
                kp[slot] = FeatureHash.key(template, value); slot &+= 1
            }
            let si = Int(sentenceOf[i])
            let sa = si >= 0 ? Int(sentenceStart[si]) : i
            let sb = si >= 0 ? Int(sentenceEnd[si]) : i + 1
            let pos: UInt64 = i == sa ? 0 : i == sa + 1 ? 1 : i == sb - 1 ? 2 : i - sa < 6 ? 3 : 4
            let p = Int(paragraphOf[i])
            let paraStart: UInt64 = (i == 0 || paragraphOf[i - 1] != paragraphOf[i]) ? 1 : 0
            let paraKind: UInt64 = p >= 0 && p < paragraphKinds.count ? paragraphKinds[p] : 9
            let quoteState = q(i) | (q(i - 1) << 2) | (q(i + 1) << 4) | (UInt64(tokens[i].kind.rawValue) << 6)
            let rule = UInt64(ruleContent[i]) | UInt64(ruleCue[i]) << 4 | UInt64(ruleSource[i]) << 8
            let rulePrev = i > 0 ? UInt64(ruleContent[i - 1]) | UInt64(ruleCue[i - 1]) << 4 | UInt64(ruleSource[i - 1]) << 8 : 0xFFF
            let ruleNext = i + 1 < n ? UInt64(ruleContent[i + 1]) | UInt64(ruleCue[i + 1]) << 4 | UInt64(ruleSource[i + 1]) << 8 : 0xFFF
            let cueDist = UInt64(cueLeft[i]) | UInt64(cueRight[i]) << 4
            let hasQ: UInt64 = si >= 0 && sentenceHasQuote[si] ? 1 : 0
            let cap: UInt64 = (caps[i] ? 1 : 0) | (i > 0 && caps[i - 1] ? 2 : 0) | (i + 1 < n && caps[i + 1] ? 4 : 0)
            put(0, 0)                                   // bias
            put(1, w(i))
            put(2, w(i - 1))
            put(3, w(i + 1))
            put(4, w(i - 2))
            put(5, w(i + 2))
            put(6, FeatureHash.pair(w(i - 1), w(i)))
            put(7, FeatureHash.pair(w(i), w(i + 1)))
            put(8, suffix[i])
            put(9, shape[i])
            put(10, FeatureHash.pair(FeatureHash.pair(i > 0 ? shape[i - 1] : 1, shape[i]), i + 1 < n ? shape[i + 1] : 2))
            put(11, quoteState)
            put(12, pos | paraStart << 4 | paraKind << 8)
            put(13, lex[i])
            put(14, FeatureHash.pair(i > 0 ? lex[i - 1] : 99, lex[i]))
            put(15, FeatureHash.pair(lex[i], i + 1 < n ? lex[i + 1] : 99))
            put(16, cueLemma[i])
            put(17, i > 0 ? cueLemma[i - 1] : 1)
            put(18, i + 1 < n ? cueLemma[i + 1] : 1)
            put(19, rule)
            put(20, FeatureHash.pair(rule, FeatureHash.pair(rulePrev, ruleNext)))
            put(21, FeatureHash.pair(rule, w(i)))
            put(22, cueDist)
            put(23, cueDist | q(i) << 8 | hasQ << 10)
            put(24, FeatureHash.pair(cueDist, w(i)))
            put(25, (sourceFirst[i] ? 1 : 0) | (i > 0 && sourceFirst[i - 1] ? 2 : 0) | (i + 1 < n && sourceFirst[i + 1] ? 4 : 0))
            put(26, cap | lex[i] << 4)
            put(27, FeatureHash.pair(w(i), q(i)))
            put(28, FeatureHash.pair(pos, w(i)))
            put(29, FeatureHash.pair(cueDist, rule))
            put(30, FeatureHash.pair(quoteState, rule))
            put(31, FeatureHash.pair(w(i - 1), lex[i]))
            put(32, FeatureHash.pair(lex[i], w(i + 1)))
            put(33, FeatureHash.pair(suffix[i], cueDist))
            put(34, FeatureHash.pair(i > 0 ? cueLemma[i - 1] : 1, w(i)))
            put(35, FeatureHash.pair(pos | paraStart << 4, quoteState))
            put(36, FeatureHash.pair(w(i - 2), w(i - 1)))
            put(37, FeatureHash.pair(w(i + 1), w(i + 2)))
            put(38, hasQ | cap << 2 | q(i) << 6)
            put(39, FeatureHash.pair(shape[i], cueDist))
            // The word opening the reported clause after the nearest cue verb (that / to / whether / a quote).
            let lc = Int(leftCueAt[i])
            let opener: UInt64 = lc >= 0 ? w(lc + 1) : 3
            let leftLemma: UInt64 = lc >= 0 ? cueLemma[lc] : 3
            put(40, FeatureHash.pair(leftLemma, opener))
            put(41, FeatureHash.pair(UInt64(cueLeft[i]) | q(i) << 4, opener))
            let nounDist = UInt64(nounLeft[i]) | UInt64(nounRight[i]) << 4
            put(42, nounDist | q(i) << 8 | (isNounCue[i] ? 1 << 10 : 0))
            put(43, FeatureHash.pair(nounDist, w(i)))
            let afterFirstCue: UInt64 = si >= 0 ? (sentenceFirstCue[si] == Int32.max ? 2 : Int32(i) > sentenceFirstCue[si] ? 1 : 0) : 3
            put(44, FeatureHash.pair(w(sa), afterFirstCue))
            let prevS: UInt64 = si >= 0 ? previousSentence[si] : 99
            put(45, prevS | pos << 8 | q(i) << 12 | hasQ << 14)
            put(46, FeatureHash.pair(si >= 0 ? sentenceCue[si] : 3, cueDist | afterFirstCue << 8))
            put(47, FeatureHash.pair(lex[i] | rule << 16, cueDist))
            // Learned cues (feature set 3): the long tail of PolNeAR's cues ("wants", "mocked", "plans").
            @inline(__always) func lcs(_ k: Int) -> UInt64 { k >= 0 && k < n ? UInt64(learned[k]) : 4 }
            let learnedDist = UInt64(learnedLeft[i]) | UInt64(learnedRight[i]) << 4
            put(48, lcs(i) | lcs(i - 1) << 3 | lcs(i + 1) << 6 | lcs(i - 2) << 9 | q(i) << 12)
            put(49, learnedDist | q(i) << 8 | hasQ << 10)
            let ll = Int(learnedLeftAt[i])
            put(50, FeatureHash.pair(ll >= 0 ? w(ll) : 3, UInt64(learnedLeft[i])))
            put(51, FeatureHash.pair(ll >= 0 ? w(ll + 1) : 3, UInt64(learnedLeft[i]) | q(i) << 4))
            put(52, FeatureHash.pair(learnedDist, w(i)))
            put(53, FeatureHash.pair(learnedDist, rule | cueDist << 12))
            @inline(__always) func ls(_ k: Int) -> UInt64 { k >= 0 && k < n ? UInt64(learnedSource[k]) : 4 }
            let sourceDist = UInt64(sourceLeft[i]) | UInt64(sourceRight[i]) << 4
            put(54, ls(i) | ls(i - 1) << 3 | ls(i + 1) << 6 | lcs(i + 1) << 9 | lcs(i + 2) << 12 | q(i) << 15)
            put(55, sourceDist | learnedDist << 8 | q(i) << 16)
            put(56, FeatureHash.pair(clauseOpener[i], (cueInClause[i] ? 1 : 0) | q(i) << 1))
            put(57, UInt64(clauseDist[i]) | (cueInClause[i] ? 1 << 4 : 0) | pos << 5 | UInt64(cueLeft[i]) << 8)
        }
        }
        keys = out
    }

    /// First token whose start is at or after scalar offset `offset` (binary search).
    static func firstToken(_ v: TokenView, atOrAfter offset: Int) -> Int {
        var lo = 0, hi = v.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if v.tokens[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension ParagraphKind {
    /// A small stable number per kind (Swift's `hashValue` is seeded per process, so never hash it).
    var hashValueStable: Int { ParagraphKind.allCases.firstIndex(of: self) ?? 0 }
}

/// Uninitialized-memory buffers for one document's feature extraction, released with the arena.
final class ScratchArena {
    private var blocks: [UnsafeMutableRawPointer] = []

    func buffer<T>(_ type: T.Type, _ value: T, _ count: Int) -> UnsafeMutableBufferPointer<T> {
        let b = allocate(T.self, count)
        b.initialize(repeating: value)
        return b
    }

    /// A raw copy of `array` (copying costs less than the bounds checks it saves in the loops).
    func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let b = allocate(T.self, array.count)
        _ = b.initialize(from: array)
        return b
    }

    private func allocate<T>(_ type: T.Type, _ count: Int) -> UnsafeMutableBufferPointer<T> {
        precondition(_isPOD(T.self), "the arena frees memory without deinitializing it")
        let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
        blocks.append(UnsafeMutableRawPointer(b.baseAddress!))
        return UnsafeMutableBufferPointer(rebasing: b[0..<count])
    }

    deinit { for p in blocks { p.deallocate() } }
}
