/// Second-pass features: the first pass's decoded tags, seen from each token.
///
/// A first-order tagger sees a cue or a source only through the words around a token; it cannot
/// know that the sentence's cue was tagged five tokens away, or that a content began earlier in
/// the sentence. The second pass (stacking, Cohen & Carvalho 2005) reads those decisions: the
/// first-pass labels around the token, the nearest first-pass cue, source and content in the
/// sentence (distance and words), whether the token lies between a source and a cue, the counts
/// per sentence and the state where the previous sentence ended, mostly in conjunction with the
/// quotation-mark state. Its scores are added to a share of the first pass's (see
/// ``AttributionTrainer``), so it needs only these keys and a small table.
///
/// At training time the first-pass tags come from jackknifed models (trained without the article),
/// so the second pass learns how far to trust tags as wrong as they will be on unseen text.
struct StackedFeatures {
    /// Keys per token.
    static let perToken = 24

    var keys: [UInt32]
    var count: Int

    /// `base` are the first pass's keys of the same document (``AttributionFeatures/perToken`` per
    /// token), `labels` its decoded tags.
    init(_ v: TokenView, base: [UInt32], labels: [UInt8]) {
        let n = labels.count
        count = n
        keys = []
        guard n > 0 else { return }
        let B = AttributionFeatures.perToken, F = Self.perToken
        precondition(base.count == n * B && v.count == n)
        let scratch = ScratchArena()
        defer { withExtendedLifetime(scratch) {} }
        let label = scratch.copy(labels), inQuote = scratch.copy(v.inQuote), sentenceOf = scratch.copy(v.sentence)
        let sentenceStart = scratch.copy(v.sentenceStart), sentenceEnd = scratch.copy(v.sentenceEnd)
        let role = scratch.buffer(UInt8.self, 0, n)
        let segStart = scratch.buffer(Int32.self, 0, n), segEnd = scratch.buffer(Int32.self, 0, n)
        let segQuoted = scratch.buffer(Bool.self, false, n)  // the token's content span holds a quotation mark or quoted word
        // Labels are 0 (outside) or 2·role − 1 (B) / 2·role (I), see AttributionLabel.
        for i in 0..<n { role[i] = (label[i] &+ 1) >> 1 }
        // Spans of one role (a B tag, or a change of role, starts one).
        var a = 0
        while a < n {
            var b = a + 1
            if role[a] != 0 {
                while b < n, role[b] == role[a], label[b] & 1 == 0 { b += 1 }
            }
            var quoted = false
            if role[a] == 3 { for k in a..<b where inQuote[k] || v.isQuote(k) { quoted = true; break } }
            for k in a..<b { segStart[k] = Int32(a); segEnd[k] = Int32(b); segQuoted[k] = quoted }
            a = b
        }
        // Per sentence: first-pass cue and source spans, content tokens; role at the sentence's end.
        let sentences = max(1, v.sentenceStart.count)
        let cueSpans = scratch.buffer(UInt8.self, 0, sentences), sourceSpans = scratch.buffer(UInt8.self, 0, sentences)
        let hasContent = scratch.buffer(Bool.self, false, sentences)
        let endRole = scratch.buffer(UInt8.self, 4, sentences), startRole = scratch.buffer(UInt8.self, 4, sentences)
        for i in 0..<n where sentenceOf[i] >= 0 {
            let si = Int(sentenceOf[i])
            let first = Int(segStart[i]) == i
            if role[i] == 2 && first { cueSpans[si] &+= cueSpans[si] < 3 ? 1 : 0 }
            if role[i] == 1 && first { sourceSpans[si] &+= sourceSpans[si] < 3 ? 1 : 0 }
            if role[i] == 3 { hasContent[si] = true }
            if startRole[si] == 4 { startRole[si] = role[i] }
            endRole[si] = role[i]
        }
        // Nearest first-pass cue, source and content token in the sentence, left and right (-1: none);
        // whether a content token came earlier in the sentence.
        let cueL = scratch.buffer(Int32.self, -1, n), cueR = scratch.buffer(Int32.self, -1, n)
        let srcL = scratch.buffer(Int32.self, -1, n), srcR = scratch.buffer(Int32.self, -1, n)
        let conL = scratch.buffer(Int32.self, -1, n), conR = scratch.buffer(Int32.self, -1, n)
        do {
            var c = -1, s = -1, t = -1, last: Int32 = -2
            for i in 0..<n {
                if sentenceOf[i] != last { c = -1; s = -1; t = -1; last = sentenceOf[i] }
                cueL[i] = Int32(c); srcL[i] = Int32(s); conL[i] = Int32(t)
                if role[i] == 2 { c = i } else if role[i] == 1 { s = i } else if role[i] == 3 { t = i }
            }
            c = -1; s = -1; t = -1; last = -2
            for i in stride(from: n - 1, through: 0, by: -1) {
                if sentenceOf[i] != last { c = -1; s = -1; t = -1; last = sentenceOf[i] }
                cueR[i] = Int32(c); srcR[i] = Int32(s); conR[i] = Int32(t)
                if role[i] == 2 { c = i } else if role[i] == 1 { s = i } else if role[i] == 3 { t = i }
            }
        }
        @inline(__always) func bucket(_ d: Int) -> UInt64 { d <= 1 ? 1 : d <= 2 ? 2 : d <= 4 ? 3 : d <= 8 ? 4 : d <= 16 ? 5 : 6 }
        @inline(__always) func left(_ at: Int32, _ i: Int) -> UInt64 { at < 0 ? 0 : bucket(i - Int(at)) }
        @inline(__always) func right(_ at: Int32, _ i: Int) -> UInt64 { at < 0 ? 0 : bucket(Int(at) - i) }
        @inline(__always) func l(_ k: Int) -> UInt64 { k >= 0 && k < n ? UInt64(label[k]) : 7 }
        @inline(__always) func r(_ k: Int) -> UInt64 { k >= 0 && k < n ? UInt64(role[k]) : 4 }
        var out = [UInt32](repeating: 0, count: n * F)
        base.withUnsafeBufferPointer { bk in
        out.withUnsafeMutableBufferPointer { kp in
        for i in 0..<n {
            var slot = i &* F
            @inline(__always) func put(_ template: UInt64, _ value: UInt64) {
                kp[slot] = FeatureHash.key(template, value); slot &+= 1
            }
            // The first pass's own keys double as word, quotation-state, lexicon and rule values.
            @inline(__always) func baseKey(_ k: Int, _ template: Int) -> UInt64 { k >= 0 && k < n ? UInt64(bk[k &* B &+ template]) : 3 }
            let w = baseKey(i, 1)
            let q: UInt64 = inQuote[i] ? 1 : 0
            let li = l(i), ri = r(i)
            let si = Int(sentenceOf[i])
            let sa = si >= 0 ? Int(sentenceStart[si]) : i, sb = si >= 0 ? Int(sentenceEnd[si]) : i + 1
            let cl = left(cueL[i], i), cr = right(cueR[i], i)
            let sl = left(srcL[i], i), sr = right(srcR[i], i)
            let tl = left(conL[i], i), tr = right(conR[i], i)
            // Word of the nearest cue span (its first token) and the word after it (the opener: that, to, a mark).
            let cueLeftWord: UInt64 = cueL[i] >= 0 ? baseKey(Int(segStart[Int(cueL[i])]), 1) : 5
            let cueOpener: UInt64 = cueL[i] >= 0 ? baseKey(Int(segEnd[Int(cueL[i])]), 1) : 5
            let cueRightWord: UInt64 = cueR[i] >= 0 ? baseKey(Int(segStart[Int(cueR[i])]), 1) : 5
            // Source and cue on either side, and which is nearer: "S said that …" vs "…, said S".
            let order: UInt64 = (sl != 0 ? 1 : 0) | (cl != 0 ? 2 : 0) | (sr != 0 ? 4 : 0) | (cr != 0 ? 8 : 0)
                | (srcL[i] > cueL[i] ? 16 : 0) | (srcR[i] >= 0 && (cueR[i] < 0 || srcR[i] < cueR[i]) ? 32 : 0)
            let prevEnd: UInt64 = si > 0 ? UInt64(endRole[si - 1]) : 5
            let nextStart: UInt64 = si >= 0 && si + 1 < sentences ? UInt64(startRole[si + 1]) : 5
            let counts: UInt64 = si >= 0 ? UInt64(cueSpans[si]) | UInt64(sourceSpans[si]) << 2 | (hasContent[si] ? 16 : 0) : 63
            let pos: UInt64 = i == sa ? 1 : i == sb - 1 ? 2 : 0
            let ss = Int(segStart[i]), se = Int(segEnd[i])
            let len = se - ss
            let inSpan: UInt64 = (i == ss ? 1 : 0) | (i == se - 1 ? 2 : 0) | UInt64(len <= 1 ? 0 : len <= 3 ? 1 : len <= 8 ? 2 : len <= 20 ? 3 : 4) << 2
            put(100, li)
            put(101, l(i - 1) | li << 3 | l(i + 1) << 6)
            put(102, r(i - 3) | r(i - 2) << 3 | r(i - 1) << 6 | ri << 9 | r(i + 1) << 12 | r(i + 2) << 15 | r(i + 3) << 18)
            put(103, FeatureHash.pair(li, w))
            put(104, l(i - 2) | l(i - 1) << 3 | li << 6 | q << 9)
            put(105, li | l(i + 1) << 3 | l(i + 2) << 6 | q << 9)
            put(106, cl | cr << 4 | li << 8 | q << 12)
            put(107, FeatureHash.pair(cueLeftWord, cl | q << 4 | ri << 5))
            put(108, FeatureHash.pair(cueRightWord, cr | q << 4 | ri << 5))
            put(109, sl | sr << 4 | li << 8 | q << 12)
            put(110, order | li << 8 | q << 12)
            put(111, (conL[i] >= 0 ? 1 : 0) | prevEnd << 1 | ri << 4 | q << 7 | pos << 8)
            put(112, counts | q << 6 | ri << 7)
            put(113, FeatureHash.pair(baseKey(i, 11), li))
            put(114, FeatureHash.pair(baseKey(i, 19), li))
            put(115, cl | cr << 4 | (conL[i] >= 0 ? 1 << 8 : 0) | q << 9 | ri << 10 | (segQuoted[i] ? 1 << 12 : 0))
            put(116, FeatureHash.pair(FeatureHash.pair(cueLeftWord, cueOpener), ri | q << 3))
            put(117, cl | cr << 4 | sl << 8 | sr << 12 | li << 16)
            put(118, ri | inSpan << 2 | q << 7 | (segQuoted[i] ? 1 << 8 : 0))
            put(119, prevEnd | nextStart << 3 | pos << 6 | ri << 8 | q << 10)
            put(120, FeatureHash.pair(baseKey(i, 13), li))
            put(121, FeatureHash.pair(baseKey(i - 1, 1), li | l(i - 1) << 3))
            put(122, FeatureHash.pair(baseKey(i + 1, 1), li | l(i + 1) << 3))
            put(123, tl | tr << 4 | ri << 8 | q << 10 | order << 11)
        }
        }
        }
        keys = out
    }
}
