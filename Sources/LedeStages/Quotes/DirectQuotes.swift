import LedeCore

/// An attribution written next to a quotation: its source, its cue, and the last token it uses.
struct Attribution {
    var source: SourcePhrase?
    var cue: Range<Int>?
    var lemma: String?
    var end: Int
}

extension QuoteExtractor {
    /// Steps left over words that sit between a source and its verb ("Ruiz has also said").
    func skipBetween(_ k: Int, floor: Int) -> Int {
        var a = k
        // "The email goes on to say", "Ruiz went on to tell".
        if a - 3 >= floor, v.low(a - 1) == "to", v.low(a - 2) == "on", Self.goForms.contains(v.low(a - 3)) { a -= 3 }
        let k = a
        while a - 1 >= floor, a - k > -3, v.isWord(a - 1), v.has(a - 1, .between) || isMannerAdverb(a - 1), !v.isCapitalized(a - 1) || v.has(a - 1, .weekday) {
            a -= 1
        }
        return a
    }

    /// A lower-case adverb in -ly ("pointedly saying", "she angrily denied"), not one of the nouns
    /// and adjectives that end the same way ("the family said", "the weekly reported").
    func isMannerAdverb(_ k: Int) -> Bool {
        !v.isCapitalized(k) && isLyAdverb(k)
    }

    /// A word of six or more letters in -ly that is not one of ``lyNouns``, capitalized or not.
    func isLyAdverb(_ k: Int) -> Bool {
        let t = v.tokens[k].span
        guard t.length >= 6, v.s[t.end - 1] == "y", v.s[t.end - 2] == "l" else { return false }
        return !Self.lyNouns.contains(v.low(k))
    }

    static let goForms: Set<String> = ["go", "goes", "went", "gone", "going"]

    static let lyNouns: Set<String> = ["family", "assembly", "supply", "monopoly", "anomaly", "homily", "elderly", "weekly",
                                       "monthly", "quarterly", "daily", "butterfly", "oligopoly", "panoply", "comply", "friendly", "ugly"]

    /// Attaches each quoted segment to the cue and source next to it. Returns, per segment, the index
    /// of the quotation it became (or -1), so reported speech can take the rest as mixed quotations.
    mutating func attachDirect(_ segments: [QuotedSegment]) -> [Int] {
        var use = [Int](repeating: -1, count: segments.count)
        var s = 0
        while s < segments.count {
            let seg = segments[s]
            guard isBody(seg.open), use[s] < 0 else { s += 1; continue }
            // "“Paris or London,” Trump said.": capitalized words opening their sentence, closed by a
            // comma and followed by a cue, are someone's words, not a title.
            let name = isNameOrValue(seg)
            guard !name || opensSentence(seg) && v.isChar(seg.contentEnd - 1, ",") else { s += 1; continue }
            let after = attributionAfter(seg)
            guard !name || after?.cue != nil else { s += 1; continue }
            guard let att = after ?? attributionBefore(seg) else { s += 1; continue }
            // `The minister will play the “woman card,” Fiorina said.`: a fragment inside the
            // writer's sentence, attributed after it, makes the whole clause a mixed quotation.
            if after != nil, let start = embeddingStart(seg) {
                use[s] = addMixed(TextSpan(v.tokens[start].span.start, closeEnd(seg)), att, confidence: seg.balanced ? 0.8 : 0.5)
                s += 1
                continue
            }
            // `Tyler said, "We have three weeks to go" until the caucuses.`: the writer finishes the
            // sentence after the closing mark, so the quotation is mixed and runs to the sentence end.
            // (Not before "and"/"but": `…, “It’s time,” and shared a link` is the writer's next predicate.)
            if after == nil, seg.balanced, continuesAfterClose(seg), let c = seg.closeLast(v), !v.has(c + 1, .andBut) {
                use[s] = addMixed(TextSpan(v.tokens[seg.openFirst(v)].span.start, sentenceEnd(after: c)), att, confidence: 0.7)
                s += 1
                continue
            }
            var pieces = [seg.content]
            // Interrupted quotation: "A," he said. "B." — B has no attribution of its own. A title
            // quoted inside the attribution ("told ABC's “This Week.”") is skipped, not joined.
            var t = s + 1
            while t < segments.count, att.cue != nil, isTitle(segments[t], after: att.end) { t += 1 }
            var continuation: Int?
            var kind = QuoteKind.direct
            if t < segments.count, att.cue != nil {
                let next = segments[t]
                if use[t] < 0, continues(after: att.end, to: next), attributionAfter(next) == nil {
                    var piece: TextSpan? = next.content
                    if continuesAfterClose(next), let c = next.closeLast(v) {
                        // `"A," he said. "B" for the middle class.`: the writer finishes B's sentence,
                        // which joins the quotation as a mixed piece, unless that sentence has a
                        // speaker of its own (`"B" to drive up prices, she said`).
                        let joins = !hasTrailingAttribution(from: c + 1, to: sentenceBounds(c).1)
                        piece = joins ? TextSpan(v.tokens[next.openFirst(v)].span.start, sentenceEnd(after: c)) : nil
                        if joins { kind = .mixed }
                    }
                    if let piece {
                        pieces.append(piece)
                        use[t] = found.count
                        continuation = t
                    }
                }
            }
            claim(att)
            let balanced = seg.balanced && (continuation.map { segments[$0].balanced } ?? true)
            found.append(FoundQuote(kind: kind, span: TextSpan(pieces[0].start, pieces[pieces.count - 1].end), pieces: pieces,
                                    source: att.source, cue: att.cue, lemma: att.lemma,
                                    confidence: balanced ? (att.cue != nil ? 0.9 : 0.6) : 0.5))
            use[s] = found.count - 1
            s += 1
        }
        return use
    }

    /// Whether the opening mark starts its sentence: the paragraph's start, or after terminal
    /// punctuation or another quotation.
    func opensSentence(_ seg: QuotedSegment) -> Bool {
        let o = seg.openFirst(v)
        return o == 0 || v.paragraph[o - 1] != v.paragraph[o] || v.isTerminal(o - 1) && !isNamePeriod(o - 1) || v.isQuote(o - 1)
    }

    /// The first token of the sentence a quotation is embedded in, when at least three words of
    /// the writer's own open that sentence before the quotation mark; nil for a quotation that
    /// opens its sentence (or follows a colon or a dash).
    func embeddingStart(_ seg: QuotedSegment) -> Int? {
        let o = seg.openFirst(v)
        guard o > 0, v.isWord(o - 1) || v.tokens[o - 1].kind == .number, v.sentence[o - 1] == v.sentence[o] else { return nil }
        let (sa, _) = sentenceBounds(o)
        var words = 0
        for k in sa..<o {
            if v.isQuote(k) || v.isChar(k, ":") || v.first(k).isDash { return nil }
            if v.isWord(k) { words += 1 }
        }
        return words >= 3 && isBody(sa) ? sa : nil
    }

    /// Quoted text that is no one's words: a title in title case ("“Make America Great Again”",
    /// ''The Trumps: Three Generations That Built an Empire,'') or a markup value (`datetime="…"`).
    func isNameOrValue(_ seg: QuotedSegment) -> Bool {
        let o = seg.openFirst(v)
        if o > 0, v.isChar(o - 1, "="), v.tokens[o - 1].span.end == v.tokens[o].span.start { return true }
        guard seg.contentEnd > seg.open + 1 else { return false }
        // "“USA! USA!”", "“Mexico!”": an exclamation is somebody's words, however capitalized.
        if ((seg.open + 1)..<seg.contentEnd).contains(where: { v.isChar($0, "!") }) { return false }
        // "“With an eye to February 20th, Carolina,” he said": a lower-case content word is no title's.
        if isTitleCase(seg.open + 1, seg.contentEnd), !((seg.open + 1)..<seg.contentEnd).contains(where: {
            v.isWord($0) && !v.isCapitalized($0) && v.tokens[$0].span.length >= 3 && !Self.titleFunctionWords.contains(v.low($0))
        }) { return true }
        // "Fox News Channel’s “Hannity,”": a short capitalized name after a possessive is a show or a title.
        if o > 0, ["'s", "’s"].contains(v.low(o - 1)) || isPossessiveApostrophe(o - 1), seg.words <= 3,
           ((seg.open + 1)..<seg.contentEnd).allSatisfy({ !v.isWord($0) || v.isCapitalized($0) }) { return true }
        // Short names: every word capitalized but the small ones ("The Big Harbor Hour").
        var capitalized = 0
        for k in (seg.open + 1)..<seg.contentEnd where v.isWord(k) {
            if v.isCapitalized(k) { capitalized += 1 } else if !Self.titleFunctionWords.contains(v.low(k)) { return false }
        }
        return capitalized >= 2 && seg.words <= 8
    }

    /// Words that open a clause between a cue and a quotation ("said because …, “…”").
    static let clauseOpeners: Set<String> = ["because", "that", "if", "when", "while", "since", "although", "though", "after", "before", "unless"]

    /// Subordinators of a clause that can sit inside reported speech before a quotation.
    static let conditionals: Set<String> = ["if", "when", "because", "unless", "although", "though", "once", "until"]

    /// The end offset of the sentence holding token `c`, before its final punctuation (at least
    /// through `c`'s successor).
    func sentenceEnd(after c: Int) -> Int {
        var b = sentenceBounds(c).1
        while b > c + 1, v.isPunct(b - 1) { b -= 1 }
        return v.tokens[b - 1].span.end
    }

    /// A ", she said" / ", Ruiz argued," in `[a, sb)`: a comma, at most four words, and a cue verb
    /// that ends the sentence or is followed by a comma.
    func hasTrailingAttribution(from a: Int, to sb: Int) -> Bool {
        var t = a
        while t < sb {
            if v.isChar(t, ","), !v.inQuote[t] {
                var k = t + 1
                while k < sb, k - t <= 4, v.isWord(k), !v.has(k, .cueVerb) { k += 1 }
                if k > t + 1, k < sb, v.has(k, .cueVerb), k + 1 >= sb || v.isTerminal(k + 1) || v.isChar(k + 1, ",") { return true }
            }
            t += 1
        }
        return false
    }

    /// The writer's words go on after the closing mark in the same sentence ("“thousands” of emails").
    func continuesAfterClose(_ seg: QuotedSegment) -> Bool {
        guard let c = seg.closeLast(v), c + 1 < v.count, v.sentence[c + 1] == v.sentence[c] else { return false }
        return v.isWord(c + 1) || v.tokens[c + 1].kind == .number
    }

    /// Records a mixed quotation over `span` with the attribution next to its quoted fragment;
    /// returns its index.
    mutating func addMixed(_ span: TextSpan, _ att: Attribution, confidence: Double) -> Int {
        claim(att)
        found.append(FoundQuote(kind: .mixed, span: span, pieces: [span], source: att.source, cue: att.cue, lemma: att.lemma, confidence: confidence))
        return found.count - 1
    }

    mutating func claim(_ att: Attribution) {
        if let c = att.cue { for k in c { claimed[k] = true } }
        if let src = att.source { for k in src.a..<src.b { claimed[k] = true } }
    }

    /// `B` opens right after the attribution of `A`, in the same paragraph, with no new cue between.
    /// The attribution may run on with an apposition or a relative clause ("said Dino Spencer, who
    /// now runs the gym …. “B.”") when B opens a new sentence; only titles may be quoted in it.
    func continues(after end: Int, to next: QuotedSegment) -> Bool {
        let first = next.openFirst(v)
        guard end < first, v.paragraph[end] == v.paragraph[next.open] else { return false }
        let newSentence = v.isTerminal(first - 1) && !isNamePeriod(first - 1) || v.isQuote(first - 1)
        guard first - end <= (newSentence ? 60 : 30) else { return false }
        if v.isChar(first - 1, ":") { return false }
        // `“A,” she said, adding that the plan was “reckless.”`: a mark opened straight after a word
        // sits inside a clause of the writer's, a quotation of its own, not the second piece.
        if v.isWord(first - 1) || v.tokens[first - 1].kind == .number { return false }
        var k = end
        while k < first {
            if v.isQuote(k) && !isPossessiveApostrophe(k) {
                // A title quoted in the attribution: step over it whole.
                guard let close = titleClose(at: k, before: first) else { return false }
                k = close + 1; continue
            }
            k += 1
        }
        // A cue word read as a noun ("in a Friday tweet") or a manner of speaking ("he said,
        // laughing.") is no new attribution.
        for k in max(end, next.open - 4)..<next.open {
            // (A participle after "when" or "while" is the same speaker's: "Sessions said when endorsing Trump.")
            if let e = cueEntry(k), !e.frames.isEmpty, !v.has(k - 1, .determiner), !v.has(k - 2, .determiner),
               !(isParticiple(k) && ["when", "while"].contains(v.low(k - 1))) { return false }
        }
        return true
    }

    /// A short quoted name inside an attribution ("NBC's “Meet the Press”", ''Hacked World Order''):
    /// mostly capitalized words after a word, closed in the same sentence.
    func isTitle(_ seg: QuotedSegment, after end: Int) -> Bool {
        let o = seg.openFirst(v)
        guard o > end, o - end <= 30, seg.balanced, seg.words > 0, seg.words <= 6,
              v.paragraph[o] == v.paragraph[end], v.isWord(o - 1) || v.isQuote(o - 1) && isPossessiveApostrophe(o - 1) else { return false }
        var capitalized = 0, words = 0
        for k in (seg.open + 1)..<seg.contentEnd where v.isWord(k) {
            words += 1
            if v.isCapitalized(k) { capitalized += 1 } else if !Self.titleFunctionWords.contains(v.low(k)) { return false }
        }
        return words > 0 && v.isCapitalized(seg.open + 1) && capitalized * 2 >= words
    }

    static let titleFunctionWords: Set<String> = ["of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "from", "or"]

    /// The closing mark of a title whose opening mark is token `k`, before token `limit`.
    func titleClose(at k: Int, before limit: Int) -> Int? {
        guard k > 0, v.isWord(k - 1) || isPossessiveApostrophe(k - 1) else { return nil }
        var c = k + 1
        if v.isQuote(c), v.tokens[c].span.start == v.tokens[k].span.end { c += 1 }   // '' opens with two tokens
        var words = 0
        while c < limit, !v.isQuote(c) || isPossessiveApostrophe(c) {
            if v.isWord(c) {
                words += 1
                if words > 6 || !v.isCapitalized(c) && !Self.titleFunctionWords.contains(v.low(c)) { return nil }
            }
            c += 1
        }
        guard c < limit, words > 0 else { return nil }
        if c + 1 < limit, v.isQuote(c + 1), v.tokens[c + 1].span.start == v.tokens[c].span.end { c += 1 }
        return c
    }

    /// `"…," said Ruiz.` / `"…," Ruiz said.` / `"…" – she told reporters.`
    func attributionAfter(_ seg: QuotedSegment) -> Attribution? {
        guard let c = seg.closeLast(v) else { return nil }
        let (_, pb) = paragraphBounds(c)
        var j = c + 1
        let last = seg.contentEnd - 1
        var soft = last > seg.open && (v.isChar(last, ",") || v.isChar(last, "?") || v.isChar(last, "!") || v.isChar(last, "…") || v.first(last).isDash)
        let dashed = j < pb && v.first(j).isDash
        if j < pb, v.isChar(j, ",") || v.first(j).isDash { j += 1; soft = true }
        guard j < pb else { return nil }
        if !soft && !(v.isWord(j) && v.first(j).isLowercaseLetter) { return nil }
        var w = j
        // A period before a comma or a closing parenthesis ends an abbreviation, not the sentence:
        // "Rep. Gwen Moore (D-Wis.) said", "Mitch McConnell, R-Ky., said".
        while w < pb, w - j < 28, !v.isTerminal(w) || isNamePeriod(w) || v.isChar(w, ".") && (v.isChar(w + 1, ")") || v.isChar(w + 1, ",")),
              !v.isQuote(w) || isPossessiveApostrophe(w) { w += 1 }
        // "“…,” according to a court filing": the source-first cue right after the quotation.
        if let after = sourceFirstCue(at: j), let src = sourceAfter(after, limit: w, lenient: true) {
            return Attribution(source: src, cue: j..<after, lemma: sourceFirstLemma(j, after), end: src.b)
        }
        // Inverted: "said Harbor Master Daniel Pruett". A participle ("…,” noting that …") opens a
        // clause of its own instead.
        // A verb with an addressee never inverts ("…," told reporters is no English).
        // (A phrase cue never comes before its source: "“common sense” made clear that …".)
        if let e = speechCue(j), !isParticiple(j), !e.frames.contains(.object), v.cueEnd(j) == j + 1 {
            // "…,” concludes that Trump is …": a complementiser after the cue; its subject came before.
            if j + 1 < w, v.low(j + 1) == "that" { return nil }
            // Right after the quotation, any noun phrase is the source ("…," said one Trump confidant).
            if let src = sourceAfter(j + 1, limit: w, lenient: true) {
                return Attribution(source: src, cue: j..<(j + 1), lemma: e.lemma, end: src.b)
            }
            return nil
        }
        var k = j + 1
        while k < w {
            if let e = speechCue(k), !v.isCapitalized(k) {
                let b0 = skipBetween(k, floor: j)
                // The phrase must start the attribution ("the union's president, Dana Whitlock, told").
                if let src = sourceBefore(b0, floor: j, lenient: true), case let first = min(src.a, src.outerA >= 0 ? src.outerA : src.a), first <= j + 1 {
                    // "“…” until Haley said", "“tough” in his home state": a preposition or a
                    // subordinator before the phrase makes it the writer's clause, not an attribution.
                    if first == j + 1, v.has(j, .preposition) || Self.subordinators.contains(v.low(j)) || v.low(j) == "until"
                        || !soft && v.has(j, .andBut) { return nil }
                    return Attribution(source: src, cue: k..<v.cueEnd(k), lemma: e.lemma, end: v.cueEnd(k))
                }
                return nil
            }
            // A comma may open or close an apposition (", a doctor,", ", Dana Whitlock, told", ", who …",
            // and after the first word ", director of the port authority,").
            if v.isChar(k, ",") && !(k + 1 < w && (v.has(k + 1, .determiner) || v.isCapitalized(k + 1) || speechCue(k + 1) != nil
                                                   || k > j + 1 && v.isWord(k + 1) && v.first(k + 1).isLowercaseLetter
                                                   // "“…” Jim Bennett, 57, told": an age between commas.
                                                   || k + 2 < w && v.tokens[k + 1].kind == .number && v.isChar(k + 2, ","))
                                     || ["who", "which"].contains(v.low(min(k + 1, v.count - 1)))) { break }
            k += 1
        }
        // "“…” ― Krystal Correa": a dash and a name, the reader-comment and epigraph style.
        if dashed, let src = sourceAfter(j, limit: w), src.proper, src.b >= w || v.isTerminal(src.b) || v.isChar(src.b, ",") {
            return Attribution(source: src, cue: (j - 1)..<j, lemma: "—", end: src.b)
        }
        return nil
    }

    /// `Ruiz said: "…"` / `As she told reporters, "…"` / `According to Ruiz, "…"` / `Ruiz was blunt: "…"`.
    func attributionBefore(_ seg: QuotedSegment) -> Attribution? {
        // The attribution ends before the opening mark's first token ('' takes two).
        let o = seg.openFirst(v)
        guard o > 0 else { return nil }
        // "He said:" ending one paragraph and the quotation opening the next, the block-quote style.
        guard v.paragraph[o - 1] == v.paragraph[o] || v.isChar(o - 1, ":") && isBody(o - 1) else { return nil }
        let paragraph = v.paragraph[o - 1]
        var k = o - 1
        let colon = v.isChar(k, ":")
        if colon || v.isChar(k, ",") || v.first(k).isDash { k -= 1 }
        else if speechCue(k) == nil { return nil }
        guard k >= 0 else { return nil }
        // Left edge: the start of the clause (terminal punctuation, another quotation, the paragraph).
        var floor = k
        while floor - 1 >= 0, v.paragraph[floor - 1] == paragraph, !v.isTerminal(floor - 1) || isNamePeriod(floor - 1),
              !v.isQuote(floor - 1) || isPossessiveApostrophe(floor - 1), k - floor < 24 { floor -= 1 }
        // A participle's or coordinated cue's subject opens the clause however long it runs ("Small
        // groups of protesters continued …, looping the streets … while chanting, “…”").
        var clauseStart = floor
        while clauseStart - 1 >= 0, v.paragraph[clauseStart - 1] == paragraph, !v.isTerminal(clauseStart - 1) || isNamePeriod(clauseStart - 1),
              !v.isQuote(clauseStart - 1) || isPossessiveApostrophe(clauseStart - 1) { clauseStart -= 1 }
        // "Carl Bialik: “…”", "Pollsters agree - Mark Ellis and Jo Chen: “…”": a name that is all
        // there is between the clause start (or a dash) and the colon.
        if colon {
            var start = floor
            for d in floor..<k where v.first(d).isDash { start = d + 1 }
            // "Likewise: “…”": a sentence adverb before the colon is nobody.
            if start <= k, let src = sourceBefore(k + 1, floor: start), src.proper, src.b == k + 1, src.a <= start + 1,
               !(src.b - src.a == 1 && (Self.openingAdverbs.contains(v.low(src.a)) || v.has(src.a, .clauseWord))) {
                return Attribution(source: src, cue: nil, lemma: nil, end: src.b)
            }
        }
        // "Said Dorothy Poynter, who grew up with Ali, “…”": an inverted cue opening the sentence,
        // its source perhaps followed by an apposition or relative clause up to the mark.
        if !colon, floor < k, v.isCapitalized(floor), !isParticiple(floor), let e = speechCue(floor), !e.frames.contains(.object),
           floor == 0 || v.isTerminal(floor - 1) || v.paragraph[floor - 1] != paragraph,
           let src = sourceAfter(floor + 1, limit: k + 1, lenient: true), src.proper, src.a == floor + 1,
           src.b == k + 1 || v.isChar(src.b, ",") {
            return Attribution(source: src, cue: floor..<(floor + 1), lemma: e.lemma, end: src.b)
        }
        var c = k
        var reach = 8
        var steppedComma = false, steppedPhrase = false
        while c >= floor, k - c <= reach {
            if v.isChar(c, ",") && c != k {
                // "she announced on her page, in all capital letters, “…”": step over an adverbial
                // between commas.
                if !steppedComma, v.has(c + 1, .preposition) { steppedComma = true; reach = max(reach, k - c + 8); c -= 1; continue }
                break
            }
            // "Swers said because Obama is popular, “…”": a clause between the cue and the mark
            // makes the quotation part of reported speech (a mixed quotation), not a direct one.
            // (A colon sets the quotation off whatever came before: "Clinton has since apologized: “…”".)
            if c < k, !colon, Self.clauseOpeners.contains(v.low(c)) { return nil }
            // "who lamented in an interview with the Business Insider politics editor Oliver Darcy, “…”":
            // a prepositional phrase between the cue and the mark may run long.
            if !steppedPhrase, c < k, v.has(c, .preposition), !v.isCapitalized(c) { steppedPhrase = true; reach = max(reach, k - c + 8) }
            if let e = speechCue(c), !v.isCapitalized(c) || c == floor {
                // "Comey testified “thousands” of emails …", "which he called ''a disgrace''": a cue
                // right before the mark, with the writer's words going on after it, reports a clause.
                if c == k, !colon, !v.isChar(o - 1, ","), !v.first(o - 1).isDash,
                   e.frames.contains(.np) || continuesAfterClose(seg) { return nil }
                let b0 = skipBetween(c, floor: floor)
                // "…, calling him “…”", "…, saying: “…”": a participle after a comma takes the
                // subject of the main clause, not the phrase before the comma.
                if isParticiple(c), b0 - 1 > floor, v.isChar(b0 - 1, ",") || v.has(b0 - 1, .preposition) || !v.has(b0 - 1, .subjectPronoun),
                   let src = clauseSubject(sentence: clauseStart, before: v.isChar(b0 - 1, ",") ? b0 - 1 : b0) {
                    return Attribution(source: src, cue: c..<(c + 1), lemma: e.lemma, end: c + 1)
                }
                // "Ms. Sherry smiled and said, “…”": a coordinated cue takes the clause's subject.
                if b0 - 1 > floor, v.has(b0 - 1, .andBut), let src = clauseSubject(sentence: clauseStart, before: b0 - 1) {
                    return Attribution(source: src, cue: c..<(c + 1), lemma: e.lemma, end: c + 1)
                }
                // Right before the mark ("Another commenter said, “…”"), any noun phrase will do.
                let adjacent = c == k
                // "…, from Mike Lee, who declared in the spin room, “…”": the relative's antecedent speaks.
                let relative: SourcePhrase? = b0 - 1 > floor && v.low(b0 - 1) == "who"
                    ? relativeAntecedent(of: b0 - 1, floor: floor).map { var s = $0; s.a = b0 - 1; s.b = b0; return s } : nil
                // "As Cornyn, the No. 2 in the leadership, put it:": an "it" after the cue is its object.
                if let src = relative ?? sourceBefore(b0, floor: floor, lenient: adjacent)
                    ?? sourceAfter(c + 1, limit: k + 1).flatMap({ v.low($0.a) == "it" && $0.b - $0.a == 1 ? nil : $0 }) {
                    // "Abbott told reporters that if he wants our guns, “come and take it.”": a
                    // conditional inside an earlier cue's reported clause; the quotation belongs to
                    // that clause (a mixed quotation), not to the conditional's subject.
                    let sub = min(src.a, src.outerA >= 0 ? src.outerA : src.a) - 1
                    // "…, though he said, “I hope to.”": a concession's own "he said," right before the
                    // mark is an attribution of its own.
                    let concession = ["though", "although"].contains(v.low(sub)) && adjacent && (v.isChar(o - 1, ",") || colon)
                    if sub > floor, !concession, Self.conditionals.contains(v.low(sub)), (floor..<sub).contains(where: { speechCue($0) != nil }) { return nil }
                    return Attribution(source: src, cue: c..<(c + 1), lemma: e.lemma, end: c + 1)
                }
            }
            if let after = sourceFirstCue(at: c), let src = sourceAfter(after, limit: k + 1) {
                return Attribution(source: src, cue: c..<after, lemma: sourceFirstLemma(c, after), end: src.b)
            }
            c -= 1
        }
        // "On July 6, Sanders made the following comment:", "Asked which county was his favorite, he
        // demurred:": the subject comes after an opening adverbial or participle clause.
        var subject = floor
        // "When Wallace died in 1998, President Clinton released the following statement:": an
        // opening subordinate clause too.
        if colon, v.has(floor, .preposition) || cueVerb(floor) != nil || isParticiple(floor) || Self.subordinators.contains(v.low(floor)),
           let comma = (floor..<k).first(where: { v.isChar($0, ",") }) { subject = comma + 1 }
        if colon, subject < k, let src = sourceAfter(subject, limit: k) ?? leadingSubject(subject, limit: k), src.proper || src.pronoun != nil {
            return Attribution(source: src, cue: nil, lemma: nil, end: src.b)
        }
        return nil
    }
}
