import LedeCore

/// Per-document token facts the quote rules ask for again and again, computed once:
/// lower-cased word strings (for lexicon lookups), the sentence and paragraph of each token, and
/// which tokens lie inside quotation marks.
struct TokenView {
    let s: [Unicode.Scalar]
    let tokens: [Token]
    /// Lower-cased text of word and number tokens; "" for marks and punctuation (they are tested by scalar).
    var lower: [String]
    var sentence: [Int32]
    var paragraph: [Int32]
    /// Index of the first token of each sentence / one past its last token.
    var sentenceStart: [Int32]
    var sentenceEnd: [Int32]
    /// The token is inside a quotation (including its marks).
    var inQuote: [Bool]
    /// Closed classes and lexicon memberships of each token's lower-cased word (empty unless
    /// the view was made with the lexicons): one hash per token instead of one per rule that asks.
    var classes: [WordClass] = []
    /// Index into ``CueLexicon/entries`` of each token's word, -1 when it is no cue form.
    var cueIndex: [Int32] = []
    /// One past the last token of a phrase cue that starts at the key ("made it clear"); a
    /// one-word cue has no entry.
    var cueEnds: [Int: Int] = [:]

    /// Folds every word and, given the lexicons, looks it up in their tables from the folded bytes
    /// (see ``classes``).
    init(_ doc: Document, cues: CueLexicon? = nil, speakers: SpeakerLexicon? = nil) {
        s = doc.scalars
        tokens = doc.tokens
        let n = tokens.count
        let annotating = cues != nil || speakers != nil
        // Unwrapped once: reading them through the optionals per token retained every array of both tables.
        let cueTable = cues?.bytes, speakerTable = speakers?.bytes
        let scalars = doc.scalars, toks = doc.tokens
        var low: [String] = []
        low.reserveCapacity(n)
        var cls = [WordClass](repeating: [], count: annotating ? n : 0)
        var idx = [Int32](repeating: -1, count: annotating ? n : 0)
        // Raw buffers: this loop touches every scalar of every word, and bounds checks and array
        // growth per scalar were most of its cost. A word of at most 40 scalars fits in 160 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160) { buf in
            scalars.withUnsafeBufferPointer { sp in
                toks.withUnsafeBufferPointer { tp in
                    for ti in 0..<n {
                        let t = tp[ti]
                        guard t.kind == .word || t.kind == .number, t.span.length <= 40 else { low.append(""); continue }
                        var len = 0
                        for i in t.span.start..<t.span.end {
                            let sc = sp[i]
                            let v = sc.value
                            if v < 0x80 {
                                buf[len] = v >= 0x41 && v <= 0x5A ? UInt8(v + 32) : UInt8(v); len += 1
                            } else if v == 0x2019 {
                                // Curly apostrophes fold to straight ones so "’s" and "'s" look the same to the lexicons.
                                buf[len] = 0x27; len += 1
                            } else {
                                // Other letters keep their case: the lexicons are ASCII, so they only need to compare unequal.
                                let folded = sc.properties.isUppercase ? (sc.properties.lowercaseMapping.unicodeScalars.first ?? sc) : sc
                                for byte in UTF8.encode(folded)! { buf[len] = byte; len += 1 }
                            }
                        }
                        let p = UnsafeBufferPointer(rebasing: buf[..<len])
                        low.append(String(decoding: p, as: UTF8.self))
                        guard annotating, len > 0 else { continue }
                        var c: WordClass = []
                        let hash = ByteTable<WordInfo>.hash(p)
                        if let info = cueTable?.find(p, hash: hash) { c = info.classes; idx[ti] = info.cue }
                        if let st = speakerTable {
                            if let sc = st.find(p, hash: hash) { c.formUnion(sc) }
                            // "dr." also counts as the title "dr" (the rules strip a final period before asking).
                            if !c.contains(.title), len > 1, p[len - 1] == 0x2E,
                               let sc = st.find(UnsafeBufferPointer(rebasing: p[..<(len - 1)])), sc.contains(.title) {
                                c.insert(.title)
                            }
                        }
                        cls[ti] = c
                    }
                }
            }
        }
        // A phrase's verb is a cue only with the rest of the phrase after it ("made it clear that").
        if let cues, !cues.phrases.isEmpty {
            for ti in 0..<n where cls[ti].contains(.phraseHead) {
                guard let options = cues.phrases[low[ti]], ti == 0 || !Self.copulas.contains(low[ti - 1]) else { continue }
                for (rest, cue) in options where ti + rest.count < n
                    && rest.indices.allSatisfy({ low[ti + 1 + $0] == rest[$0] }) {
                    idx[ti] = cue
                    cls[ti].insert(.cueVerb)
                    cueEnds[ti] = ti + 1 + rest.count
                    break
                }
            }
        }
        lower = low
        classes = cls
        cueIndex = idx
        sentence = Array(repeating: -1, count: n)
        paragraph = Array(repeating: -1, count: n)
        sentenceStart = Array(repeating: 0, count: doc.sentences.count)
        sentenceEnd = Array(repeating: 0, count: doc.sentences.count)
        var k = 0
        for (si, sent) in doc.sentences.enumerated() {
            while k < n, tokens[k].span.start < sent.span.start { k += 1 }
            sentenceStart[si] = Int32(k)
            while k < n, tokens[k].span.start < sent.span.end { sentence[k] = Int32(si); k += 1 }
            sentenceEnd[si] = Int32(k)
        }
        k = 0
        for (pi, p) in doc.paragraphs.enumerated() {
            while k < n, tokens[k].span.start < p.span.start { k += 1 }
            while k < n, tokens[k].span.start < p.span.end { paragraph[k] = Int32(pi); k += 1 }
        }
        inQuote = Array(repeating: false, count: n)
    }

    var count: Int { tokens.count }

    /// The word classes of token `i`; empty outside the document.
    @inline(__always) func cls(_ i: Int) -> WordClass { i >= 0 && i < classes.count ? classes[i] : [] }
    /// Token `i` belongs to any of the classes `c`.
    @inline(__always) func has(_ i: Int, _ c: WordClass) -> Bool { i >= 0 && i < classes.count && !classes[i].isDisjoint(with: c) }

    /// Lower-cased token text, "" outside the document, so rules can look around freely at edges.
    @inline(__always) func low(_ i: Int) -> String { i >= 0 && i < lower.count ? lower[i] : "" }

    @inline(__always) func first(_ i: Int) -> Unicode.Scalar { i >= 0 && i < tokens.count ? s[tokens[i].span.start] : " " }
    /// The token is exactly the one scalar `c`.
    @inline(__always) func isChar(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].span.length == 1 && s[tokens[i].span.start] == c
    }
    /// The token is one dash scalar (-, –, —).
    @inline(__always) func isDash(_ i: Int) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].span.length == 1 && s[tokens[i].span.start].isDash
    }
    /// A phrase cue is none after these (a passive: "the stakes were made clear").
    static let copulas: Set<String> = ["is", "are", "was", "were", "be", "been", "being"]

    /// One past the cue that starts at token `k`: the end of its phrase, else `k + 1`.
    @inline(__always) func cueEnd(_ k: Int) -> Int { cueEnds.isEmpty ? k + 1 : cueEnds[k] ?? k + 1 }
    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }
    @inline(__always) func isCapitalized(_ i: Int) -> Bool { isWord(i) && first(i).isUppercaseLetter }
    @inline(__always) func isQuote(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .quote }
    /// Sentence-ending punctuation.
    func isTerminal(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
        let c = first(i)
        return c == "." || c == "!" || c == "?" || c == "…" || c == ";"
    }
    func isPunct(_ i: Int) -> Bool { i >= 0 && i < tokens.count && (tokens[i].kind == .punctuation || tokens[i].kind == .symbol) }
    func text(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tokens[b - 1].span.end - tokens[a].span.start + 8)
        for c in s[tokens[a].span.start..<tokens[b - 1].span.end] {
            if c.value < 0x80 { bytes.append(UInt8(c.value)) } else { bytes.append(contentsOf: UTF8.encode(c)!) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
    func span(_ a: Int, _ b: Int) -> TextSpan { TextSpan(tokens[a].span.start, tokens[b - 1].span.end) }
}
