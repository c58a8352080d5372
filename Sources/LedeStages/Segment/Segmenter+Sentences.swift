import LedeCore

/// Sentence ends are decided at `.`, `!`, `?` and `…`: the run of terminal marks (with spaced
/// ellipses), then closing quotes and brackets are stepped over, and the decision looks at the word
/// before (abbreviation, initial, number, URL) and at what follows (a lower-case word or a comma
/// continues the sentence). So `…the deal." The mayor` and `…the deal." Ruiz added` end after the
/// quote while `…the port," said Ruiz` and `"Why?" Ruiz asked.` stay one sentence.
extension Segmenter {
    func sentenceSpans(_ s: [Unicode.Scalar], in range: TextSpan, scratch: inout SentenceScratch) {
        scratch.spans.removeAll(keepingCapacity: true)
        let end = range.end
        var start = range.start
        func emit(_ to: Int) {
            let t = ScalarText.trim(TextSpan(start, max(start, to)), s)
            if !t.isEmpty { scratch.spans.append(t) }
        }
        // Where the last terminal mark of the paragraph is: line breaks after it (or in a block with
        // none, such as a list of short lines) separate sentences.
        var lastTerminal = range.start - 1
        do {
            var k = end
            while k > range.start { k -= 1; if s[k].isTerminal { lastTerminal = k; break } }
        }
        var protectedOpen = -1, protectedClose = -1   // a matched (…) or […]: no sentence ends inside
        var nextListValue = -1                         // the value a continuing list marker must have
        var nextListIsLetter = false
        var i = range.start
        while i < end {
            // Most scalars decide nothing: skip them with one table test each, without bounds checks.
            i = s.withUnsafeBufferPointer { p in
                var j = i
                while j < end {
                    let v = p[j].value
                    if v < 0x80 {
                        if ((v & 64) != 0 ? Self.neutralHigh : Self.neutralLow) >> UInt64(v & 63) & 1 == 0 { break }
                    } else if p[j].isTerminal || p[j].isBullet {
                        break
                    }
                    j += 1
                }
                return j
            }
            guard i < end else { break }
            let c = s[i]
            let v = c.value
            switch v {
            case 0x0A:
                if i > lastTerminal { emit(i); start = i + 1 }
                i += 1
            case 0x28, 0x5B:
                if i > protectedClose, let close = matchingClose(s, from: i, end: end) { protectedOpen = i; protectedClose = close }
                i += 1
            case 0x29:
                if let m = ListMarkers.marker(s, punctuationAt: i, lower: range.start, upper: end),
                   acceptMarker(m, s, range: range, sentenceStart: start, next: &nextListValue, letter: &nextListIsLetter) {
                    if !ListMarkers.atLineStart(s, m.start, lower: range.start) && !continuesColon(s, m.start, start) {
                        emit(markerStart(m.start, s, start)); start = markerStart(m.start, s, start)
                    }
                    i = m.end
                } else { i += 1 }
            default:
                if c.isBullet {
                    if i > start, s[i - 1].isWhitespaceOrNewline { emit(i); start = i }
                    i += 1
                    continue
                }
                guard c.isTerminal else { i += 1; continue }
                if v == 0x2E, let m = ListMarkers.marker(s, punctuationAt: i, lower: range.start, upper: end),
                   acceptMarker(m, s, range: range, sentenceStart: start, next: &nextListValue, letter: &nextListIsLetter) {
                    if !ListMarkers.atLineStart(s, m.start, lower: range.start) && !continuesColon(s, m.start, start) {
                        emit(markerStart(m.start, s, start)); start = markerStart(m.start, s, start)
                    }
                    i = m.end
                    continue
                }
                let (boundary, resume) = decide(s, at: i, range: range, protectedOpen: protectedOpen, protectedClose: &protectedClose)
                if let b = boundary {
                    emit(b)
                    start = resume
                }
                i = max(resume, i + 1)
            }
        }
        emit(end)
    }

    /// ASCII scalars the sentence loop passes over: all but line feed, `(`, `[`, `)`, `.`, `!`, `?`.
    static let neutralLow: UInt64 = ~(1 << 0x0A | 1 << 0x28 | 1 << 0x29 | 1 << 0x2E | 1 << 0x21 | 1 << 0x3F)
    static let neutralHigh: UInt64 = ~(1 << (0x5B - 64))

    /// The first item of a list introduced by a colon stays with its introduction ("Steps: 1. Mix.").
    private func continuesColon(_ s: [Unicode.Scalar], _ m: Int, _ sentenceStart: Int) -> Bool {
        var k = m
        while k > sentenceStart, s[k - 1] == " " { k -= 1 }
        return k > sentenceStart && s[k - 1] == ":"
    }

    /// Where a sentence starting at list marker `m` begins: at a bullet just before it, if any.
    private func markerStart(_ m: Int, _ s: [Unicode.Scalar], _ floor: Int) -> Int {
        var k = m
        while k > floor, s[k - 1] == " " { k -= 1 }
        if k > floor, s[k - 1].isBullet { return k - 1 }
        return m
    }

    private func acceptMarker(_ m: (start: Int, end: Int, value: Int, letter: Bool), _ s: [Unicode.Scalar], range: TextSpan,
                              sentenceStart: Int, next: inout Int, letter: inout Bool) -> Bool {
        let lineStart = ListMarkers.atLineStart(s, m.start, lower: range.start)
        let afterBullet = m.start > range.start && s[m.start - 1].isBullet
            || (m.start > range.start + 1 && s[m.start - 1] == " " && s[m.start - 2].isBullet)
        // A sequence may also begin right after a sentence end or a colon ("Steps: 1. Mix. 2. Bake.").
        let startsSequence = (m.value == 0 && m.letter) || (m.value == 1 && !m.letter)
        let before = ScalarText.trim(TextSpan(sentenceStart, m.start), s)
        let atSentenceStart = startsSequence && (before.isEmpty || s[before.end - 1] == ":")
        if lineStart || afterBullet || atSentenceStart || (m.value == next && m.letter == letter) {
            next = m.value + 1
            letter = m.letter
            return true
        }
        return false
    }

    /// The `)` or `]` closing the bracket at `open`, if it closes within the paragraph and 400 scalars.
    private func matchingClose(_ s: [Unicode.Scalar], from open: Int, end: Int) -> Int? {
        let closer: Unicode.Scalar = s[open] == "(" ? ")" : "]"
        var depth = 0
        var k = open
        let limit = min(end, open + 400)
        while k < limit {
            let c = s[k]
            if c == s[open] { depth += 1 } else if c == closer { depth -= 1; if depth == 0 { return k } } else if c == "\n" { return nil }
            k += 1
        }
        return nil
    }

    /// Decides the terminal run starting at `i`: the sentence end (after closing quotes and brackets)
    /// if there is one, and where scanning (and the next sentence) resumes.
    private func decide(_ s: [Unicode.Scalar], at i: Int, range: TextSpan, protectedOpen: Int,
                        protectedClose: inout Int) -> (Int?, Int) {
        let end = range.end
        // The run: ".", "!?", "...", "…", and spaced ". . ." with an optional fourth period.
        var j = i
        var dots = 0, marks = 0
        var spaced = false
        while j < end {
            let d = s[j]
            if d == "." { dots += 1; j += 1 }
            else if d == "…" { dots += 3; j += 1 }
            else if d.isTerminal { marks += 1; j += 1 }
            else if d == " ", dots > 0, marks == 0, j + 1 < end, s[j + 1] == ".",
                    j + 2 == end || s[j + 2] == " " || s[j + 2] == "." || s[j + 2].quoteMark != nil || s[j + 2] == "\n" {
                spaced = true; j += 1
            } else { break }
        }
        let runEnd = j
        // "[...]", "(…)": an omission mark standing in for words, never a sentence end.
        if i > range.start, s[i - 1] == "[" || s[i - 1] == "(" { return (nil, runEnd) }
        // Inside a matched bracket nothing ends, unless the run ends the bracket's content.
        var inBracket = i > protectedOpen && i < protectedClose
        // Step over closing quotes and brackets.
        var sawQuote = false
        while j < end {
            let q = s[j]
            if let mark = q.quoteMark {
                let closes = mark == .closeDouble || mark == .closeSingle
                    || ((mark == .ambiguousDouble || mark == .ambiguousSingle) && (j + 1 == end || !s[j + 1].isLetter && !s[j + 1].isDigit))
                guard closes else { break }
                j += 1; sawQuote = true
            } else if q == ")" || q == "]" {
                if j == protectedClose { inBracket = false; protectedClose = -1 }
                j += 1
            } else { break }
        }
        if inBracket { return (nil, runEnd) }
        // Glued to what follows (3.5, U.S., example.com, Jr.'s): not an end.
        if j < end, !s[j].isWhitespaceOrNewline { return (nil, j) }
        var k = j
        while k < end, s[k].isWhitespaceOrNewline { k += 1 }
        if k >= end { return (end, end) }
        let next = s[k]
        if next.isLowercaseLetter { return (nil, k) }
        if !next.canStartSentence { return (nil, k) }
        if dots >= 2 || spaced {
            // Spaced three-dot ellipses mark an omission inside a sentence; "...." or ". . . ." and
            // unspaced "..." / "…" before a capital end it.
            if spaced && dots == 3 { return (nil, k) }
            if dots == 3 && !spaced && quotationContinues(s, from: k, end: end) { return (nil, k) }
            return (j, k)
        }
        if dots == 1 && marks == 0 && !periodCanEnd(s, at: i, nextAt: k, end: end) { return (nil, k) }
        // Only a question or an exclamation carries its attribution after the closing mark; after a
        // period the writer ends the sentence (`…the system now." He added, "…"`), and an attribution
        // would have taken a comma.
        if sawQuote && marks > 0 && next.isUppercaseLetter && isAttribution(s, from: k, end: end) { return (nil, k) }
        return (j, k)
    }

    /// After a trailing-off ellipsis, whether a quotation carries on to a comma before its closing
    /// mark (`"Well... I suppose so," he said`) before any sentence end: then it is one sentence.
    private func quotationContinues(_ s: [Unicode.Scalar], from k: Int, end: Int) -> Bool {
        var p = k
        let limit = min(end, k + 240)
        while p + 1 < limit {
            let c = s[p]
            if c.isTerminal || c == "\n" { return false }
            if c == ",", let q = s[p + 1].quoteMark, q != .openDouble && q != .openSingle { return true }
            p += 1
        }
        return false
    }

    /// `"…?" Ruiz asked.` / `"…!" Mayor Ana Ruiz said`: up to three capitalized words, then a speech verb.
    private func isAttribution(_ s: [Unicode.Scalar], from k: Int, end: Int) -> Bool {
        var p = k
        var words = 0
        while p < end, words < 4 {
            guard s[p].isLetter else { return false }
            var q = p
            while q < end, s[q].isLetter { q += 1 }
            if words > 0, let w = WordKey(s, p, q), lexicon.attributionVerbs.contains(w) { return true }
            if !s[p].isUppercaseLetter { return false }
            if q < end, s[q] == "." { q += 1 }   // "Mr."
            while q < end, s[q] == " " { q += 1 }
            p = q
            words += 1
        }
        return false
    }

    /// Whether a single `.` at `i`, followed by a sentence-like start at `k`, ends the sentence.
    func periodCanEnd(_ s: [Unicode.Scalar], at i: Int, nextAt k: Int, end: Int) -> Bool {
        // One backward pass over the whitespace-delimited token: URLs and e-mail addresses end
        // sentences like any word; the word proper is letters, digits, ° and inner periods
        // ("U.S", "Ph.D", "N°"), and whether it has letters or digits decides numbers early.
        var t = i, a = i
        var urlLike = false, dotted = false, inWord = true, hasLetter = false, hasDigit = false
        s.withUnsafeBufferPointer { p in
            while t > 0 {
                let c = p[t - 1]
                let v = c.value
                if v <= 0x20 || (v >= 0x80 && c.isWhitespaceOrNewline) { break }
                if v == 0x40 || v == 0x2F { urlLike = true }
                if inWord {
                    let letter = ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) || (v >= 0x80 && c.isLetter)
                    if letter { hasLetter = true; a = t - 1 }
                    else if v >= 0x30 && v <= 0x39 { hasDigit = true; a = t - 1 }
                    else if v == 0xB0 || v == 0xBA { a = t - 1 }
                    else if v == 0x2E, t - 2 >= 0, a == t, p[t - 2].isLetter { dotted = true; a = t - 1 }
                    else { inWord = false }
                }
                t -= 1
            }
        }
        if urlLike { return true }
        // An inner period only counts between letters of the same word ("U.S", not "end.The").
        if dotted, a < i, s[a] == "." { a += 1 }
        guard a < i else { return true }   // "2019)." or "%."
        if !hasLetter { return true }             // "$100.00." "1026.253.553."
        if hasDigit && !dotted { return true }    // "5th." "COVID-19."
        let word = WordKey(s, a, i)
        var cls = lexicon.abbreviations[word]
        if cls != nil, s[a].isLowercaseLetter, lexicon.ambiguous.contains(word) { cls = nil }
        // An ordinary word ends the sentence: the common case, decided without the next word.
        if cls == nil && !dotted && i - a != 1 { return true }
        let nextIsDigit = s[k].isDigit
        let nextWord = WordKey.word(s, from: k, end: end)
        let nextIsStarter = lexicon.starters.contains(nextWord)
        if cls == nil, !dotted, i - a == 1 {
            // A single letter: an initial ("Jonas E. Smith"), the pronoun ("you and I. Did"), or "p."-like.
            if s[a].isUppercaseLetter {
                if word == lexicon.pronounI, a > t || previousWordIsLowercase(s, before: a) { return true }
                return nextIsStarter || !s[k].isLetter && !nextIsDigit
            }
            return nextIsStarter
        }
        if cls == nil, dotted {
            // Dotted words with short parts are abbreviations ("U.S.A", "e.g"); others are file names or hosts.
            var part = 0, longest = 0
            for p in a..<i { if s[p] == "." { part = 0 } else { part += 1; longest = max(longest, part) } }
            if longest > 2 { return true }
            cls = .general
        }
        guard let cls else { return true }
        switch cls {
        case .title:
            return false
        case .number:
            if nextIsDigit { return false }
            if word == lexicon.no || word == lexicon.nos { return true }
            return nextIsStarter || !s[k].isLetter
        case .general:
            if nextIsDigit { return false }
            return nextIsStarter || !s[k].isLetter
        case .time:
            if !s[k].isLetter { return !nextIsDigit }
            if let w = nextWord, lexicon.weekdays.contains(w) || lexicon.months.contains(w) || lexicon.zones.contains(w) { return false }
            if s[a].isUppercaseLetter { return true }
            return lexicon.abbreviations[nextWord] != .title
        }
    }

    /// "you and I." — the word before `a` is lower case, so a capital "I" is the pronoun.
    private func previousWordIsLowercase(_ s: [Unicode.Scalar], before a: Int) -> Bool {
        var p = a
        while p > 0, s[p - 1] == " " { p -= 1 }
        guard p < a, p > 0 else { return false }
        var w = p
        while w > 0, s[w - 1].isLetter { w -= 1 }
        return w < p && s[w].isLowercaseLetter
    }
}
