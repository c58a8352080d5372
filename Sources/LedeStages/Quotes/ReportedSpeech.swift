import LedeCore

extension QuoteExtractor {
    /// Reported speech from cue frames, sentence by sentence, outside quotation marks:
    /// `X said (that) …`, `X urged Y to …`, `X questioned whether …`, `…, X said.`, `…, said X.`,
    /// `A, X said, B.`, `According to X, …` and `…, according to X.` A reported clause that contains
    /// a quoted fragment is a mixed quotation and absorbs the fragment. Quoted segments nobody
    /// claimed are then kept as unattributed quotations (speaker of the previous one) unless they
    /// look like scare quotes or titles.
    mutating func findReportedSpeech(segments: [QuotedSegment], direct: [Int]) {
        var use = direct
        var k = 0
        let n = v.count
        while k < n {
            defer { k += 1 }
            guard !v.inQuote[k], !claimed[k], v.tokens[k].kind == .word, isBody(k) else { continue }
            let (sa, sb) = sentenceBounds(k)
            guard let (quote, lastToken) = reported(at: k, sentence: sa, sb) else { continue }
            // Quoted segments inside the clause: mixed, unless one is already a direct quotation.
            var conflict = false
            var hasQuote = false
            var members: [Int] = []
            for (i, seg) in segments.enumerated() where quote.span.overlaps(seg.content) {
                if use[i] >= 0 { conflict = true; break }
                members.append(i); hasQuote = true
            }
            if conflict { continue }
            var q = quote
            if hasQuote {
                q.kind = .mixed
                q.confidence = 0.8
                for i in members {
                    use[i] = found.count
                    let seg = segments[i]
                    if seg.content.end > q.span.end { q.span = TextSpan(q.span.start, closeEnd(seg)) }
                }
            }
            q.pieces = [q.span]
            if let c = q.cue { for t in c { claimed[t] = true } }
            if let s = q.source { for t in s.a..<s.b { claimed[t] = true } }
            // Cues inside the reported clause belong to it ("she said she believed …").
            var t = k
            while t < n, v.tokens[t].span.start < q.span.end { claimed[t] = true; t += 1 }
            found.append(q)
            k = max(k, lastToken - 1)
        }
        // Leftover quoted segments.
        for (i, seg) in segments.enumerated() where use[i] < 0 && isBody(seg.open) {
            if seg.words < minimumWords { continue }
            let o = seg.open
            let before = o > 0 && v.paragraph[o - 1] == v.paragraph[o] ? o - 1 : -1
            let embeddedBefore = before >= 0 && (v.isWord(before) || v.tokens[before].kind == .number)
            let after = seg.close.map { $0 + 1 } ?? -1
            let embeddedAfter = after >= 0 && after < n && v.paragraph[after] == v.paragraph[o] && v.isWord(after)
            if embeddedBefore && (embeddedAfter || seg.words < 6) { continue }
            if embeddedBefore && !seg.balanced { continue }
            found.append(FoundQuote(kind: .direct, span: seg.content, pieces: [seg.content], source: nil, cue: nil, lemma: nil,
                                    confidence: seg.balanced ? 0.5 : 0.3, inheritsSpeaker: true))
            use[i] = found.count - 1
        }
    }

    /// End of a segment's content including its closing mark (mixed quotations keep the mark).
    func closeEnd(_ seg: QuotedSegment) -> Int {
        if let c = seg.close { return v.tokens[c].span.end }
        return seg.content.end
    }

    /// Reported content from token `a` to the end of the sentence, without final punctuation.
    func content(from a: Int, to sb: Int) -> TextSpan? {
        var b = sb
        while b > a, v.isPunct(b - 1) { b -= 1 }
        guard b > a, QuoteMarks.wordCount(v, a, b) >= 2 else { return nil }
        // Keep a closing quotation mark that ends the clause (it belongs to a quoted fragment).
        var end = v.tokens[b - 1].span.end
        if b < sb, v.isQuote(b) { end = v.tokens[b].span.end }
        else if b + 1 < sb, v.isQuote(b + 1), v.isTerminal(b) { end = v.tokens[b + 1].span.end }
        return TextSpan(v.tokens[a].span.start, end)
    }

    /// The reported-speech frame whose cue is at token `k`, if any.
    func reported(at k: Int, sentence sa: Int, _ sb: Int) -> (FoundQuote, Int)? {
        // "According to X, …" / "…, according to X."
        if let after = sourceFirstCue(at: k) {
            let lemma = (k..<after).map { v.lower[$0] }.joined(separator: " ")
            guard let src = sourceAfter(after, limit: sb) else { return nil }
            if k == sa || (k - 1 >= sa && !v.isChar(k - 1, ",")), v.isChar(src.b, ","), let c = content(from: src.b + 1, to: sb) {
                return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<after, lemma: lemma, confidence: 0.75), sb)
            }
            if k - 1 > sa, v.isChar(k - 1, ","), let c = content(from: sa, to: k - 1) {
                return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<after, lemma: lemma, confidence: 0.75), sb)
            }
            return nil
        }
        guard let entry = cueEntry(k), !v.isCapitalized(k) || k == sa else { return nil }
        let b0 = skipBetween(k, floor: sa)
        let src = sourceBefore(b0, floor: sa)
        let next = k + 1
        if let src {
            // Where does the source's phrase start (with its article)? A comma before it means the
            // clause came first: "…, Ruiz said." or "A, Ruiz said, B."
            var start = src.a
            while start - 1 >= sa, Closed.determiners.contains(v.lower[start - 1]) { start -= 1 }
            if start - 1 > sa, v.isChar(start - 1, ","), next >= sb || v.isTerminal(next) || v.isChar(next, ",") || v.isQuote(next) {
                if next < sb, v.isChar(next, ","), let c = content(from: sa, to: sb) {
                    return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<next, lemma: entry.lemma, confidence: 0.7), sb)
                }
                if let c = content(from: sa, to: start - 1) {
                    return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<next, lemma: entry.lemma, confidence: 0.7), sb)
                }
                return nil
            }
            guard next < sb, let a = complementStart(after: k, entry: entry, sb: sb), let c = content(from: a, to: sb) else { return nil }
            return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<next, lemma: entry.lemma, confidence: 0.7), sb)
        }
        // "…, said Ruiz."
        if k - 1 > sa, v.isChar(k - 1, ","), let s2 = sourceAfter(next, limit: sb), s2.b >= sb || v.isTerminal(s2.b) || v.isChar(s2.b, ","),
           let c = content(from: sa, to: k - 1) {
            return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: s2, cue: k..<next, lemma: entry.lemma, confidence: 0.7), sb)
        }
        return nil
    }

    /// Where the reported clause starts after the cue at `k`, following the verb's frames.
    func complementStart(after k: Int, entry: CueEntry, sb: Int) -> Int? {
        let f = entry.frames
        guard !f.isEmpty else { return nil }
        var j = k + 1
        guard j < sb else { return nil }
        if v.isChar(j, ":") || v.isChar(j, ",") { return nil }
        let w = v.lower[j]
        if w == "that" && f.contains(.that) { return j + 1 }
        if (w == "whether" || w == "if") && f.contains(.whether) { return j + 1 }
        if w == "to" && f.contains(.to) { return j }
        // Look ahead for "that" / "to" / "whether" past an addressee or an adverbial.
        var t = j
        while t < sb, t - j < 8, !v.isPunct(t), !v.isQuote(t) {
            let x = v.lower[t]
            if x == "that" && (f.contains(.that) || f.contains(.object)) && t > j { return t + 1 }
            if x == "to" && f.contains(.to) && t > j { return t }
            if (x == "whether" || x == "if") && f.contains(.whether) { return t + 1 }
            if cues.verbs[x] != nil && t > j { break }
            t += 1
        }
        if f.contains(.that) && !f.contains(.object) {
            // "said the deal came together …": the clause follows directly; skip a time adverbial.
            if Closed.prepositions.contains(w) && j + 1 < sb && Closed.weekdays.contains(v.lower[j + 1]) { j += 2 }
            else if Closed.weekdays.contains(w) && v.isCapitalized(j) { j += 1 }
            if j < sb, ["to", "for", "of", "about", "by", "with", "in", "on", "at", "up", "out"].contains(v.lower[j]) { return nil }
            return j
        }
        if f.contains(.object) && w != "to" && ["reporters", "journalists", "me", "us", "him", "her", "them"].contains(w) {
            return j + 1 < sb && !v.isPunct(j + 1) ? j + 1 : nil
        }
        return nil
    }
}
