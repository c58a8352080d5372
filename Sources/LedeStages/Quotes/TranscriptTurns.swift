import LedeCore

extension QuoteExtractor {
    /// Interview transcripts printed in an article (`WALLACE: Let's start …`, `"PENCE: Well, …`):
    /// a paragraph that opens, after an optional quotation mark, with a speaker label in capitals
    /// and a colon is that speaker's turn, and the rest of the paragraph is the quotation. No cue
    /// verb is written, so neither the direct-quotation nor the reported-speech rules see it, and
    /// nearest-name guessing hands every turn to whoever the text mentions. Returns the turns'
    /// contents, so the quotation-mark rules leave those paragraphs alone.
    mutating func findTranscriptTurns() -> [TextSpan] {
        var turns: [TextSpan] = []
        var labelled: [(FoundQuote, Int)] = []   // a turn and its paragraph (-1: a headline)
        var k = 0
        let n = v.count
        while k < n {
            let start = k
            let p = v.paragraph[k]
            while k < n, v.paragraph[k] == p { k += 1 }
            // A short turn ("HOST: Will you ask for a recount?") reads to the segmenter as a heading.
            guard p >= 0, quotable[Int(p)] || paragraphs[Int(p)].kind == .heading else { continue }
            if let turn = transcriptTurn(start, k) {
                labelled.append((turn, Int(p)))
            } else if paragraphs[Int(p)].kind == .heading || p == 0, let headline = headlineAttribution(start, k) {
                labelled.append((headline, -1))
            }
        }
        // "HARBORTON: The council voted …" opening the text is a dateline, not a transcript: a lone
        // capitals label in the first two paragraphs is no turn.
        let turnCount = labelled.filter { $0.1 >= 0 }.count
        for (turn, p) in labelled where !(turnCount == 1 && p >= 0 && p <= 1) {
            found.append(turn)
            turns.append(turn.span)
            if let s = turn.source { for t in s.a..<s.b { claimed[t] = true } }
            if let c = turn.cue { for t in c { claimed[t] = true } }
        }
        return turns
    }

    /// The turn in paragraph tokens `pa..<pb`, if it opens with a speaker label.
    func transcriptTurn(_ pa: Int, _ pb: Int) -> FoundQuote? {
        var a = pa
        let opened = v.isQuote(a)
        while a < pb, v.isQuote(a) { a += 1 }
        // One to four capitalised words ("WALLACE", "JAKE TAPPER", "SEN. ANA RUIZ"), then the colon.
        var b = a, words = 0
        while b < pb, words <= 4 {
            if isCapitalsWord(b) { words += 1; b += 1 } else if words > 0, v.isChar(b, ".") || v.isChar(b, "-") { b += 1 } else { break }
        }
        guard words >= 1, words <= 4, b < pb, v.isChar(b, ":") else { return nil }
        let label = v.text(a, b).lowercased()
        guard !Self.transcriptLabelsThatAreNoSpeaker.contains(label) else { return nil }
        var e = pb
        // A paragraph that opened with a quotation mark closes with one: the marks go with the label.
        if opened { while e > b + 1, v.isQuote(e - 1) { e -= 1 } }
        let cs = b + 1
        guard cs < e, (cs..<e).filter({ v.isWord($0) }).count >= minimumWords else { return nil }
        let source = SourcePhrase(a: a, b: b, name: v.text(a, b), role: nil, kind: .person, pronoun: nil, proper: true, head: v.low(b - 1))
        let span = v.span(cs, e)
        return FoundQuote(kind: .direct, span: span, pieces: [span], source: source, cue: b..<(b + 1), lemma: ":", confidence: 0.8)
    }

    /// A headline (a heading or the text's first paragraph) in the "Speaker: claim" style ("Gingrich: Trump Must Decide If He Wants a Running
    /// Mate", "Clinton camp: Trump's remarks threaten security"): a label of up to four words that
    /// reads as a speaker, a colon, and the claim. Series labels ("The Latest:", "Delegate Update:")
    /// are no speakers. (PolNeAR train: 94 of 122 headlines of this shape are annotated so; most of
    /// the rest are such labels.)
    func headlineAttribution(_ pa: Int, _ pb: Int) -> FoundQuote? {
        var b = pa
        // The label: words only ("Clinton camp", "WSJ editorial", "Sanders’ allies"), none of them a
        // cue verb ("Okafor said: …" is an attribution before a colon, found elsewhere).
        while b < pb, b - pa < 6, !v.isChar(b, ":"),
              v.isWord(b) && cueVerb(b) == nil || b > pa && (isNamePeriod(b) || isPossessiveApostrophe(b) || v.isChar(b, "-") && v.isWord(b + 1)) { b += 1 }
        guard b > pa, b < pb, v.isChar(b, ":"), v.isWord(pa), v.isCapitalized(pa), (pa..<b).filter({ v.isWord($0) }).count <= 4 else { return nil }
        let label = v.text(pa, b).lowercased()
        guard !Self.transcriptLabelsThatAreNoSpeaker.contains(label), !Self.headlineSeriesWords.contains(v.low(b - 1)),
              !(pa..<b).contains(where: { Self.headlineSeriesWords.contains(v.low($0)) && v.low($0) == "latest" }),
              var source = parse(pa, b, lenient: true), source.pronoun == nil else { return nil }
        var cs = b + 1, e = pb
        while e > cs, v.isPunct(e - 1) && !v.isQuote(e - 1) { e -= 1 }
        // A title is short; a first paragraph opening "NEW DELHI: The government …" is a dateline's lead.
        let words = (cs..<e).filter({ v.isWord($0) }).count
        guard cs < e, words >= 3, words <= 25 || paragraphs[Int(v.paragraph[pa])].kind == .heading else { return nil }
        // "Trump: ‘I’m the Worst Thing …’": the claim quoted whole is a direct quotation, inside its marks.
        var kind = QuoteKind.indirect
        if v.isQuote(cs), v.isQuote(e - 1), !(cs + 1..<(e - 1)).contains(where: { v.isQuote($0) && !isPossessiveApostrophe($0) }) {
            kind = .direct; cs += 1; e -= 1
        } else if (cs..<e).contains(where: { v.isQuote($0) && !isPossessiveApostrophe($0) }) { kind = .mixed }
        guard cs < e else { return nil }
        if source.outerA < 0 { source.outerA = pa }
        let span = v.span(cs, e)
        return FoundQuote(kind: kind, span: span, pieces: [span], source: source, cue: b..<(b + 1), lemma: ":", confidence: 0.6)
    }

    /// Last words of a headline's series label, not a speaker ("Delegate Update:", "Morning Email:").
    static let headlineSeriesWords: Set<String> = ["latest", "update", "updates", "daily", "email", "newsletter", "briefing",
                                                    "roundup", "recap", "preview", "review", "explainer", "quiz", "poll", "timeline"]

    /// A word of two or more letters, all of them capitals ("PENCE", "O'ROURKE").
    func isCapitalsWord(_ k: Int) -> Bool {
        guard v.isWord(k) else { return false }
        var letters = 0
        for c in v.s[v.tokens[k].span.start..<v.tokens[k].span.end] where c.properties.isAlphabetic {
            if !c.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Capitalised labels before a colon that introduce a note, not a speaker's words.
    static let transcriptLabelsThatAreNoSpeaker: Set<String> = [
        "breaking", "breaking news", "update", "updated", "updates", "watch", "video", "photo", "photos", "audio", "listen",
        "note", "editor's note", "editor’s note", "editors note", "correction", "clarification", "related", "read more", "more",
        "see also", "also", "exclusive", "analysis", "opinion", "commentary", "live", "developing", "just in", "warning",
        "advertisement", "sponsored", "source", "sources", "disclosure", "full disclosure", "caption", "credit", "top",
        "bottom", "left", "right", "above", "below", "pictured", "fact check", "fact", "facts", "the facts", "the claim",
        "claim", "verdict", "rating", "our ruling", "ruling", "bottom line", "the bottom line", "why it matters", "what's next",
        "what’s next", "background", "context", "timeline", "faq", "tl;dr", "ps", "p.s",
    ]
}
