import LedeCore

/// A quotation found in one document, before its speaker is resolved across the article.
struct FoundQuote {
    var kind: QuoteKind
    var span: TextSpan
    var pieces: [TextSpan]
    var source: SourcePhrase?
    /// Token range of the cue.
    var cue: Range<Int>?
    var lemma: String?
    var confidence: Double
    /// No source next to it: take the speaker of the previous quotation.
    var inheritsSpeaker = false
    /// Mean tag margin of a content the model tagged (nil: found by the rules).
    var margin: Double?
}

/// Finds quotations in one document: pairs marks, attaches direct quotations to the cue and source
/// written next to them, reads reported speech from cue frames, then lets ``SpeakerResolver`` link
/// sources across the article. One value per document; the lexicons are shared and read-only.
struct QuoteExtractor {
    let v: TokenView
    let cues: CueLexicon
    let speakerWords: SpeakerLexicon
    let paragraphs: [Paragraph]
    /// Paragraphs quotations are looked for in: body text, plus a line the segmenter took for a
    /// heading because it lacks final punctuation but that opens with a quotation mark and is not
    /// the title (`“…” ― Name` reader-comment lines).
    let quotable: [Bool]
    let minimumWords: Int
    /// Tokens already used as a cue or source, so reported speech does not reuse them.
    var claimed: [Bool]
    var found: [FoundQuote] = []

    init(document: Document, cues: CueLexicon, speakers: SpeakerLexicon, minimumWords: Int) {
        v = TokenView(document, cues: cues, speakers: speakers)
        self.cues = cues
        speakerWords = speakers
        paragraphs = document.paragraphs
        quotable = document.paragraphs.enumerated().map { i, p in
            if p.kind == .body { return true }
            guard p.kind == .heading, i > 0, p.span.length > 40, let m = document.scalars[p.span.start].quoteMark else { return false }
            return m.isDouble
        }
        self.minimumWords = minimumWords
        claimed = Array(repeating: false, count: document.tokens.count)
    }

    func isBody(_ token: Int) -> Bool {
        let p = Int(v.paragraph[token])
        return p >= 0 && quotable[p]
    }

    func cueEntry(_ k: Int) -> CueEntry? {
        guard k >= 0, k < v.count, v.tokens[k].kind == .word, !v.inQuote[k], let e = cueVerb(k) else { return nil }
        // Noun readings ("the reports", "member states have"): an article or possessive before the
        // word, or an auxiliary after it, means it is not the verb.
        // A quantifier before a past form is its subject, not an article ("Some said", "Many warned").
        if k > 0, v.has(k - 1, .nounMarker),
           !(NounPhraseWords.quantifiers.contains(v.low(k - 1)) && (v.low(k).hasSuffix("ed") || v.low(k) == "said" || v.low(k) == "told")) { return nil }
        // (A capitalized "Will" or "May" after the word is a name: "said Will Doyle".)
        if k + 1 < v.count, v.has(k + 1, .auxiliary), !v.isCapitalized(k + 1) || isTitleCase(sentenceBounds(k).0, sentenceBounds(k).1) { return nil }
        // "voters in states like South Carolina", "Trump's remarks": after a preposition a form in
        // -s is a plural noun, and after a possessive 's a cue that is also a noun is that noun
        // ("he's said" keeps its verb: 's after a pronoun is "has").
        if k > 0, v.has(k - 1, .preposition), v.low(k - 1) != "by", v.low(k).hasSuffix("s") { return nil }
        if k > 1, v.has(k, .nounCue), v.low(k - 1) == "'s" || v.low(k - 1) == "’s", !v.has(k - 2, .subjectPronoun) { return nil }
        return e
    }

    /// A cue that can attribute a quotation written next to it: attitude and intent verbs, whose
    /// frames are only their object or an infinitive ("endorsed", "supported by …", "“…” recovery
    /// plan"), report no words, so they never do.
    func speechCue(_ k: Int) -> CueEntry? {
        guard let e = cueEntry(k), e.frames.isEmpty || !e.frames.isDisjoint(with: [.that, .object, .whether]) else { return nil }
        return e
    }

    /// The cue entry of token `k`'s word, whatever its context (``cueEntry(_:)`` checks that).
    @inline(__always) func cueVerb(_ k: Int) -> CueEntry? {
        guard k >= 0, k < v.cueIndex.count else { return nil }
        let i = v.cueIndex[k]
        return i >= 0 ? cues.entries[Int(i)] : nil
    }

    /// "according to" and other cues written before their source: returns the token after the phrase.
    func sourceFirstCue(at k: Int) -> Int? {
        guard v.has(k, .sourceFirstStart) else { return nil }
        for phrase in cues.sourceFirst where k + phrase.count <= v.count {
            var ok = true
            for (j, w) in phrase.enumerated() where v.low(k + j) != w || v.inQuote[k + j] { ok = false; break }
            if ok { return k + phrase.count }
        }
        return nil
    }

    /// The lexicon's phrase for a source-first cue found at `a..<b` ("according to").
    func sourceFirstLemma(_ a: Int, _ b: Int) -> String {
        for phrase in cues.sourceFirst where phrase.count == b - a {
            if phrase.indices.allSatisfy({ v.low(a + $0) == phrase[$0] }) { return phrase.joined(separator: " ") }
        }
        return "according to"
    }

    /// Sentence bounds of token `k` as token indices.
    func sentenceBounds(_ k: Int) -> (Int, Int) {
        let si = Int(v.sentence[k])
        guard si >= 0 else { return (k, k + 1) }
        return (Int(v.sentenceStart[si]), Int(v.sentenceEnd[si]))
    }

    /// Paragraph bounds of token `k` as token indices (scanning; paragraphs are short).
    func paragraphBounds(_ k: Int) -> (Int, Int) {
        let p = v.paragraph[k]
        var a = k, b = k + 1
        while a > 0, v.paragraph[a - 1] == p { a -= 1 }
        while b < v.count, v.paragraph[b] == p { b += 1 }
        return (a, b)
    }

    mutating func run() -> [FoundQuote] {
        let segments = QuoteMarks.segments(v, paragraphs: paragraphs, quotable: quotable)
        var mask = v.inQuote
        for seg in segments {
            let end = seg.close ?? (seg.contentEnd - 1)
            if seg.open <= end { for k in seg.open...end { mask[k] = true } }
        }
        var view = v
        view.inQuote = mask
        self = QuoteExtractor(copying: self, view: view)
        // Transcript turns first: their paragraphs' quotation marks belong to the turn.
        let turns = findTranscriptTurns()
        let free = turns.isEmpty ? segments : segments.filter { s in !turns.contains { $0.overlaps(s.content) } }
        let direct = attachDirect(free)
        findReportedSpeech(segments: free, direct: direct)
        findRaisingInferences()
        // Agentless passives and impersonal frames name nobody (see SourcelessCues.swift).
        for i in found.indices {
            if let c = found[i].cue, isSourcelessCue(c.lowerBound, c.upperBound) { found[i].source = nil; found[i].inheritsSpeaker = false }
        }
        found.sort { $0.span < $1.span }
        return found
    }

    private init(copying other: QuoteExtractor, view: TokenView) {
        v = view; cues = other.cues; speakerWords = other.speakerWords; paragraphs = other.paragraphs; quotable = other.quotable
        minimumWords = other.minimumWords; claimed = other.claimed; found = other.found
    }
}
