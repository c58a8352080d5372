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
    static let perToken = 40
    /// Bumped whenever templates change: a model trained on other features must be refused.
    static let version = 1

    var keys: [UInt32]
    var count: Int

    /// `x` must have run (its view carries the paired quotation marks); `rules` is what it found.
    init(_ x: QuoteExtractor, rules: [FoundQuote], paragraphs: [Paragraph]) {
        let v = x.v
        let n = v.count
        count = n
        let F = Self.perToken
        keys = [UInt32](repeating: 0, count: n * F)
        if n == 0 { return }

        // Per-token values used by several templates.
        var word = [UInt64](repeating: 0, count: n)
        var suffix = [UInt64](repeating: 0, count: n)
        var shape = [UInt64](repeating: 0, count: n)
        var lex = [UInt64](repeating: 0, count: n)      // lexicon class bits
        var cueLemma = [UInt64](repeating: 0, count: n) // 0: not a cue form
        var isCue = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let t = v.tokens[i]
            let low = v.lower[i]
            if low.isEmpty {
                word[i] = FeatureHash.scalars(v.s[t.span.start..<t.span.end])
                suffix[i] = word[i]
            } else {
                var h = FeatureHash.empty
                var s3 = FeatureHash.empty
                var b1: UInt8 = 0, b2: UInt8 = 0, b3: UInt8 = 0
                for b in low.utf8 { h = FeatureHash.fnv(h, b); b1 = b2; b2 = b3; b3 = b }
                s3 = FeatureHash.fnv(FeatureHash.fnv(FeatureHash.fnv(s3, b1), b2), b3)
                word[i] = h
                suffix[i] = s3
            }
            // Shape: X x d or the scalar itself for punctuation, repeats collapsed, length bucket.
            var sh: UInt64 = UInt64(t.kind.rawValue) &+ 1
            var last: UInt64 = 0
            for c in v.s[t.span.start..<min(t.span.end, t.span.start + 8)] {
                let cls: UInt64
                if c.isUppercaseLetter { cls = 1 } else if c.properties.isAlphabetic { cls = 2 }
                else if c.value >= 0x30 && c.value <= 0x39 { cls = 3 } else { cls = 16 &+ UInt64(c.value & 0xFFFF) }
                if cls != last { sh = sh &* 31 &+ cls; last = cls }
            }
            let len = t.span.length
            shape[i] = sh &* 7 &+ UInt64(len <= 2 ? 0 : len <= 4 ? 1 : len <= 7 ? 2 : 3)
            if !low.isEmpty {
                var bits: UInt64 = 0
                if x.speakerWords.titles[low] != nil { bits |= 1 }
                if x.speakerWords.groupNouns.contains(low) { bits |= 2 }
                if x.speakerWords.organizationWords.contains(low) { bits |= 4 }
                if x.speakerWords.personNouns.contains(low) { bits |= 8 }
                if let p = x.speakerWords.pronouns[low] { bits |= 16 | (UInt64(p.asciiValue ?? 0) << 8) }
                if let e = x.cues.verbs[low] {
                    bits |= 32
                    cueLemma[i] = FeatureHash.mix(FeatureHash.string(e.lemma), UInt64(e.frames.rawValue))
                    isCue[i] = !v.inQuote[i]
                }
                if Closed.determiners.contains(low) { bits |= 64 }
                lex[i] = bits
            }
        }
        // Source-first cue phrases ("according to").
        var sourceFirst = [Bool](repeating: false, count: n)
        for i in 0..<n where !v.lower[i].isEmpty {
            if let after = x.sourceFirstCue(at: i) { for k in i..<after { sourceFirst[k] = true } }
        }
        // Rule matches by token: content kind (1 direct, 2 mixed, 3 indirect), cue, source; +4 on a span's first token.
        var ruleContent = [UInt8](repeating: 0, count: n)
        var ruleCue = [UInt8](repeating: 0, count: n)
        var ruleSource = [UInt8](repeating: 0, count: n)
        for q in rules {
            let kind: UInt8 = q.kind == .direct ? 1 : q.kind == .mixed ? 2 : 3
            var first = true
            for piece in q.pieces {
                var k = Self.firstToken(v, atOrAfter: piece.start)
                while k < n, v.tokens[k].span.start < piece.end {
                    ruleContent[k] = kind | (first ? 4 : 0); first = false; k += 1
                }
            }
            if let c = q.cue { for k in c where k < n { ruleCue[k] = k == c.lowerBound ? 5 : 1 } }
            if let s = q.source { for k in s.a..<min(s.b, n) { ruleSource[k] = k == s.a ? 5 : 1 } }
        }
        // Distance to the nearest cue form in the same sentence, left and right (bucketed).
        var cueLeft = [UInt8](repeating: 0, count: n)
        var cueRight = [UInt8](repeating: 0, count: n)
        func bucket(_ d: Int) -> UInt8 { d <= 1 ? 1 : d <= 3 ? 2 : d <= 7 ? 3 : d <= 15 ? 4 : 5 }
        var lastCue = -1, lastSentence: Int32 = -2
        for i in 0..<n {
            if v.sentence[i] != lastSentence { lastCue = -1; lastSentence = v.sentence[i] }
            if lastCue >= 0 { cueLeft[i] = bucket(i - lastCue) }
            if isCue[i] || sourceFirst[i] { lastCue = i }
        }
        lastCue = -1; lastSentence = -2
        for i in stride(from: n - 1, through: 0, by: -1) {
            if v.sentence[i] != lastSentence { lastCue = -1; lastSentence = v.sentence[i] }
            if lastCue >= 0 { cueRight[i] = bucket(lastCue - i) }
            if isCue[i] || sourceFirst[i] { lastCue = i }
        }
        // Whether a sentence holds a quotation mark.
        var sentenceHasQuote = [Bool](repeating: false, count: v.sentenceStart.count)
        for i in 0..<n where v.tokens[i].kind == .quote && v.sentence[i] >= 0 { sentenceHasQuote[Int(v.sentence[i])] = true }

        @inline(__always) func w(_ i: Int) -> UInt64 { i >= 0 && i < n ? word[i] : (i < 0 ? 1 : 2) }
        @inline(__always) func q(_ i: Int) -> UInt64 { i >= 0 && i < n ? (v.inQuote[i] ? 1 : 0) : 2 }
        for i in 0..<n {
            var slot = i * F
            @inline(__always) func put(_ template: UInt64, _ value: UInt64) {
                keys[slot] = UInt32(truncatingIfNeeded: FeatureHash.mix(template, value)); slot += 1
            }
            let si = Int(v.sentence[i])
            let sa = si >= 0 ? Int(v.sentenceStart[si]) : i
            let sb = si >= 0 ? Int(v.sentenceEnd[si]) : i + 1
            let pos: UInt64 = i == sa ? 0 : i == sa + 1 ? 1 : i == sb - 1 ? 2 : i - sa < 6 ? 3 : 4
            let p = Int(v.paragraph[i])
            let paraStart: UInt64 = (i == 0 || v.paragraph[i - 1] != v.paragraph[i]) ? 1 : 0
            let paraKind: UInt64 = p >= 0 && p < paragraphs.count ? UInt64(paragraphs[p].kind.hashValueStable) : 9
            let quoteState = q(i) | (q(i - 1) << 2) | (q(i + 1) << 4) | (UInt64(v.tokens[i].kind.rawValue) << 6)
            let rule = UInt64(ruleContent[i]) | UInt64(ruleCue[i]) << 4 | UInt64(ruleSource[i]) << 8
            let rulePrev = i > 0 ? UInt64(ruleContent[i - 1]) | UInt64(ruleCue[i - 1]) << 4 | UInt64(ruleSource[i - 1]) << 8 : 0xFFF
            let ruleNext = i + 1 < n ? UInt64(ruleContent[i + 1]) | UInt64(ruleCue[i + 1]) << 4 | UInt64(ruleSource[i + 1]) << 8 : 0xFFF
            let cueDist = UInt64(cueLeft[i]) | UInt64(cueRight[i]) << 4
            let hasQ: UInt64 = si >= 0 && sentenceHasQuote[si] ? 1 : 0
            let cap: UInt64 = (v.isCapitalized(i) ? 1 : 0) | (v.isCapitalized(i - 1) ? 2 : 0) | (v.isCapitalized(i + 1) ? 4 : 0)
            put(0, 0)                                   // bias
            put(1, w(i))
            put(2, w(i - 1))
            put(3, w(i + 1))
            put(4, w(i - 2))
            put(5, w(i + 2))
            put(6, FeatureHash.mix(w(i - 1), w(i)))
            put(7, FeatureHash.mix(w(i), w(i + 1)))
            put(8, suffix[i])
            put(9, shape[i])
            put(10, FeatureHash.mix(FeatureHash.mix(i > 0 ? shape[i - 1] : 1, shape[i]), i + 1 < n ? shape[i + 1] : 2))
            put(11, quoteState)
            put(12, pos | paraStart << 4 | paraKind << 8)
            put(13, lex[i])
            put(14, FeatureHash.mix(i > 0 ? lex[i - 1] : 99, lex[i]))
            put(15, FeatureHash.mix(lex[i], i + 1 < n ? lex[i + 1] : 99))
            put(16, cueLemma[i])
            put(17, i > 0 ? cueLemma[i - 1] : 1)
            put(18, i + 1 < n ? cueLemma[i + 1] : 1)
            put(19, rule)
            put(20, FeatureHash.mix(rule, FeatureHash.mix(rulePrev, ruleNext)))
            put(21, FeatureHash.mix(rule, w(i)))
            put(22, cueDist)
            put(23, cueDist | q(i) << 8 | hasQ << 10)
            put(24, FeatureHash.mix(cueDist, w(i)))
            put(25, (sourceFirst[i] ? 1 : 0) | (i > 0 && sourceFirst[i - 1] ? 2 : 0) | (i + 1 < n && sourceFirst[i + 1] ? 4 : 0))
            put(26, cap | lex[i] << 4)
            put(27, FeatureHash.mix(w(i), q(i)))
            put(28, FeatureHash.mix(pos, w(i)))
            put(29, FeatureHash.mix(cueDist, rule))
            put(30, FeatureHash.mix(quoteState, rule))
            put(31, FeatureHash.mix(w(i - 1), lex[i]))
            put(32, FeatureHash.mix(lex[i], w(i + 1)))
            put(33, FeatureHash.mix(suffix[i], cueDist))
            put(34, FeatureHash.mix(i > 0 ? cueLemma[i - 1] : 1, w(i)))
            put(35, FeatureHash.mix(pos | paraStart << 4, quoteState))
            put(36, FeatureHash.mix(w(i - 2), w(i - 1)))
            put(37, FeatureHash.mix(w(i + 1), w(i + 2)))
            put(38, hasQ | cap << 2 | q(i) << 6)
            put(39, FeatureHash.mix(shape[i], cueDist))
        }
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
