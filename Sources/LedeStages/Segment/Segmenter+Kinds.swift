import LedeCore

/// Paragraph kinds, so the quotes stage can skip headings, bylines, datelines and promo footers.
/// Nothing is deleted: a misjudged paragraph still reaches the output, only labelled differently.
extension Segmenter {
    func kind(of span: TextSpan, _ s: [Unicode.Scalar], index: Int, count: Int) -> ParagraphKind {
        if boilerplate.matches(span, s) { return .boilerplate }
        if isByline(span, s) { return .byline }
        if isDateline(span, s) { return .dateline }
        if ListMarkers.startsItem(span, s) { return .body }
        if isHeadingLike(span, s) { return .heading }
        // A line that is only punctuation ("?", "***") between paragraphs: a lost symbol or a divider.
        if !containsLetterOrDigit(span, s) { return .heading }
        if count > 1, s[span.end - 1] == "?", isShortQuestion(span, s) { return .heading }
        return .body
    }

    private func containsLetterOrDigit(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        for i in span.start..<span.end where s[i].isLetter || s[i].isDigit { return true }
        return false
    }

    /// A one-question subheading ("What happens next?"), not a quotation or a run of sentences.
    private func isShortQuestion(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard ScalarText.wordCount(span, s, limit: 12) <= 12, !s[span.start].isLowercaseLetter else { return false }
        for i in span.start..<(span.end - 1) {
            if s[i].isTerminal || s[i].quoteMark.map({ $0 != .ambiguousSingle }) == true { return false }
        }
        return true
    }

    /// "By Jane Doe", "By JANE DOE, Associated Press", "By Jane Doe and Ray Roe | Reuters".
    private func isByline(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard span.length > 4, span.length < 120, s[span.start] == "B" || s[span.start] == "b", s[span.start + 1] == "y" || s[span.start + 1] == "Y",
              s[span.start + 2] == " ", s[span.start + 3].isUppercaseLetter else { return false }
        guard ScalarText.wordCount(span, s, limit: 12) <= 12 else { return false }
        let last = s[span.end - 1]
        return !(last == "!" || last == "?" || (last == "." && !endsWithAbbreviationLikeWord(span, s)))
    }

    private func endsWithAbbreviationLikeWord(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        var a = span.end - 1
        while a > span.start, s[a - 1].isLetter || s[a - 1] == "." { a -= 1 }
        if span.end - 1 - a == 1 { return true }
        return lexicon.abbreviations[WordKey(s, a, span.end - 1)] != nil
    }

    /// A paragraph that is only a place and date ("WASHINGTON, March 3 —") or a publication stamp
    /// ("Published March 3, 2024", "Updated: Tue 4 June 2024 10:02").
    func isDateline(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard span.length <= 100 else { return false }
        let last = s[span.end - 1]
        if last == "!" || last == "?" || last == "," || last.quoteMark != nil { return false }
        if last.isDash {
            var i = span.start
            var capitals = 0
            while i < span.end, s[i].isLetter { if s[i].isUppercaseLetter { capitals += 1 }; i += 1 }
            if capitals >= 2 && capitals == i - span.start { return true }
        }
        if last == "!" || last == "?" { return false }
        // A month or weekday name next to a number, and no verb-like lower-case words.
        var hasDigit = false, hasCalendarWord = false, lowerWords = 0
        var i = span.start
        while i < span.end {
            let c = s[i]
            if c.isDigit { hasDigit = true; i += 1; continue }
            guard c.isLetter else { i += 1; continue }
            var j = i
            while j < span.end, s[j].isLetter { j += 1 }
            if c.isLowercaseLetter, j - i != 2 || !(s[i + 1] == "m" || s[i + 1] == "t" || s[i + 1] == "n" || s[i + 1] == "f") {
                lowerWords += 1
                if lowerWords > 1 { return false }
            } else if c.isUppercaseLetter, let w = WordKey(s, i, j), lexicon.months.contains(w) || lexicon.weekdays.contains(w) {
                hasCalendarWord = true
            }
            i = j
        }
        return hasDigit && hasCalendarWord && lowerWords <= 1
    }
}
