import LedeCore

/// Rule-based paragraph and sentence splitting over scalars.
///
/// Sentence ends are decided at `.`, `!`, `?` and `…` by looking at the word before (abbreviation,
/// initial, number) and what follows (lower case continues the sentence; a capital, digit or
/// opening quote starts a new one), after stepping over closing quotes and brackets so that
/// `…the deal." The mayor` ends after the quote.
struct Segmenter: Sendable {
    let titles: Set<String>
    let abbreviations: Set<String>
    let boilerplate: [[Unicode.Scalar]]
    /// Words that start sentences often enough to end one after a general abbreviation ("in the U.S. The …").
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this", "that",
        "these", "those", "there", "his", "her", "their", "its", "our", "what", "when", "where", "why", "how", "if",
        "after", "before", "while", "as", "so", "yet", "still", "however", "meanwhile", "officials", "some", "many",
        "most", "no", "one", "two", "last", "next", "for", "since", "during", "under", "both", "each",
    ]

    init(extraAbbreviations: [String] = [], extraTitles: [String] = [], extraBoilerplate: [String] = []) {
        let list = WordList.load(resource: "abbreviations")
        func norm(_ s: String) -> String {
            var t = s.lowercased()
            while t.hasSuffix(".") { t.removeLast() }
            return t
        }
        titles = Set((list["title"] + extraTitles).map(norm))
        abbreviations = Set((list["general"] + extraAbbreviations).map(norm))
        let phrases = WordList.load(resource: "boilerplate")[""] + extraBoilerplate.map { $0.lowercased() }
        boilerplate = phrases.map { Array($0.unicodeScalars) }
    }

    // MARK: Paragraphs

    func paragraphs(_ s: [Unicode.Scalar]) -> [Paragraph] {
        // Lines, as [start, end) without the newline.
        var lines: [TextSpan] = []
        var lineStart = 0
        for i in 0..<s.count where s[i] == "\n" {
            lines.append(TextSpan(lineStart, i))
            lineStart = i + 1
        }
        lines.append(TextSpan(lineStart, s.count))

        var result: [Paragraph] = []
        var current: TextSpan?
        var previousLine: TextSpan?
        func close() {
            if let c = current { result.append(Paragraph(span: c, kind: .body)) }
            current = nil
        }
        for raw in lines {
            let line = trim(raw, s)
            if line.isEmpty { close(); previousLine = nil; continue }
            if let c = current, let prev = previousLine {
                // Lines in one block: a new paragraph unless the previous line was hard-wrapped mid-sentence.
                // A line starting in lower case continues a hard-wrapped sentence whatever came before.
                let continues = s[line.start].isLowercaseLetter
                if !continues && (endsParagraph(prev, s) || startsListItem(line, s) || isHeadingLike(prev, s) || isHeadingLike(line, s)) {
                    close()
                    current = line
                } else {
                    current = TextSpan(c.start, line.end)
                }
            } else {
                current = line
            }
            previousLine = line
        }
        close()
        for k in result.indices { result[k].kind = kind(of: result[k].span, s, index: k, count: result.count) }
        return result
    }

    private func trim(_ span: TextSpan, _ s: [Unicode.Scalar]) -> TextSpan {
        var a = span.start, b = span.end
        while a < b, s[a].isWhitespaceOrNewline { a += 1 }
        while b > a, s[b - 1].isWhitespaceOrNewline { b -= 1 }
        return TextSpan(a, b)
    }

    private func endsParagraph(_ line: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard let last = s[line.start..<line.end].last else { return true }
        switch last {
        case ".", "!", "?", ":", "…", "\"", "”", "’", ")", "»": return true
        default: return false
        }
    }

    private func startsListItem(_ line: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        let c = s[line.start]
        if c == "•" || c == "–" || c == "—" { return true }
        if (c == "-" || c == "*"), line.length > 1, s[line.start + 1] == " " { return true }
        var i = line.start
        while i < line.end, s[i].isDigit { i += 1 }
        return i > line.start && i + 1 < line.end && (s[i] == "." || s[i] == ")") && s[i + 1] == " "
    }

    private func wordCount(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Int {
        var count = 0, inWord = false
        for i in span.start..<span.end {
            let w = !s[i].isWhitespaceOrNewline
            if w && !inWord { count += 1 }
            inWord = w
        }
        return count
    }

    /// Short, no closing punctuation, not starting in lower case: a headline or subheading.
    func isHeadingLike(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard !span.isEmpty else { return false }
        if s[span.start] == "#" { return true }
        if span.length > 120 || wordCount(span, s) > 14 { return false }
        if s[span.start].isLowercaseLetter { return false }
        guard s[span.start..<span.end].contains(where: { $0.isLetter }) else { return false }
        let last = s[span.end - 1]
        switch last {
        case ".", ",", ";", ":", "!", "…", "\"", "”", "’", "'", "-", "—", "–": return false
        case "?":
            return wordCount(span, s) <= 12 && !s[span.start..<span.end].contains(where: { $0.quoteMark != nil && $0.quoteMark != .ambiguousSingle })
        default: return true
        }
    }

    private func kind(of span: TextSpan, _ s: [Unicode.Scalar], index: Int, count: Int) -> ParagraphKind {
        let lower = s[span.start..<span.end].map { $0.isUppercaseLetter ? Unicode.Scalar($0.value + 32)! : $0 }
        let words = wordCount(span, s)
        for phrase in boilerplate {
            if lower.starts(with: phrase) { return .boilerplate }
            if words <= 40, contains(lower[...], phrase) { return .boilerplate }
        }
        if words <= 10, lower.starts(with: Array("by ".unicodeScalars)), span.length > 3, s[span.start + 3].isUppercaseLetter,
           !endsWithSentencePunctuation(span, s) {
            return .byline
        }
        if isDateline(span, s) { return .dateline }
        if isHeadingLike(span, s) { return .heading }
        return .body
    }

    private func endsWithSentencePunctuation(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        let last = s[span.end - 1]
        return last == "." || last == "!" || last == "?"
    }

    /// A paragraph that is only a place and date ("WASHINGTON, March 3 —").
    private func isDateline(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard wordCount(span, s) <= 8 else { return false }
        let last = s[span.end - 1]
        guard last == "—" || last == "–" || last == "-" else { return false }
        var i = span.start
        var capitals = 0
        while i < span.end, s[i].isLetter { if s[i].isUppercaseLetter { capitals += 1 }; i += 1 }
        return capitals >= 2 && capitals == i - span.start
    }

    private func contains(_ haystack: ArraySlice<Unicode.Scalar>, _ needle: [Unicode.Scalar]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var i = haystack.startIndex
        while i <= haystack.endIndex - needle.count {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) {
                // Only at a word start.
                if i == haystack.startIndex || !haystack[i - 1].isLetter { return true }
            }
            i += 1
        }
        return false
    }

    // MARK: Sentences

    func sentences(_ s: [Unicode.Scalar], paragraphs: [Paragraph]) -> [Sentence] {
        var result: [Sentence] = []
        for (p, paragraph) in paragraphs.enumerated() {
            if paragraph.kind == .heading || paragraph.kind == .byline || paragraph.kind == .dateline {
                result.append(Sentence(span: paragraph.span, paragraph: p))
                continue
            }
            for span in sentenceSpans(s, in: paragraph.span) { result.append(Sentence(span: span, paragraph: p)) }
        }
        return result
    }

    func sentenceSpans(_ s: [Unicode.Scalar], in range: TextSpan) -> [TextSpan] {
        var spans: [TextSpan] = []
        var start = range.start
        let end = range.end
        var i = range.start
        var parenDepth = 0
        func emit(_ to: Int) {
            let t = trim(TextSpan(start, to), s)
            if !t.isEmpty { spans.append(t) }
        }
        while i < end {
            let c = s[i]
            if c == "(" || c == "[" { parenDepth += 1 }
            else if (c == ")" || c == "]") && parenDepth > 0 { parenDepth -= 1 }
            else if c == "\n" {
                // A line break inside a paragraph after a line without closing punctuation (a list, a heading-like line).
                let prevLine = trim(TextSpan(start, i), s)
                let nextLine = trim(TextSpan(i + 1, end), s)
                if !prevLine.isEmpty, !nextLine.isEmpty, !s[nextLine.start].isLowercaseLetter,
                   isHeadingLike(prevLine, s) || startsListItem(nextLine, s) {
                    emit(i); start = i + 1
                }
            }
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
            var j = i + 1
            while j < end, s[j] == "." || s[j] == "!" || s[j] == "?" || s[j] == "…" { j += 1 }
            let isEllipsis = c == "…" || j - i >= 3
            // Step over closing quotes and brackets.
            var sawClosingQuote = false
            while j < end {
                let q = s[j]
                if let mark = q.quoteMark, mark == .closeDouble || mark == .closeSingle || ((mark == .ambiguousDouble || mark == .ambiguousSingle) && (j + 1 == end || s[j + 1].isWhitespaceOrNewline || s[j + 1] == ")")) {
                    j += 1; sawClosingQuote = true
                } else if q == ")" || q == "]" {
                    if parenDepth > 0 { parenDepth -= 1 }
                    j += 1
                } else { break }
            }
            // Inside parentheses a period does not end the sentence around them.
            if parenDepth > 0 { i = j; continue }
            // Glued to the next character (3.5, U.S., e.g., example.com): not an end.
            if j < end, !s[j].isWhitespaceOrNewline, !sawClosingQuote { i = j; continue }
            var k = j
            while k < end, s[k].isWhitespaceOrNewline { k += 1 }
            if k >= end { i = j; break }
            let next = s[k]
            if c == "." && j == i + 1 && !periodCanEnd(s, at: i, nextWordAt: k, end: end) { i = j; continue }
            if next.isLowercaseLetter { i = j; continue }
            if isEllipsis && !(next.isUppercaseLetter || next.quoteMark != nil) { i = j; continue }
            // "?" or "!" inside a quotation followed by its attribution: `“Why?” she asked.` handled by lower case above.
            if next == "," || next == ";" || next == ":" || next == ")" { i = j; continue }
            emit(j)
            start = k
            i = k
        }
        emit(end)
        return spans
    }

    /// Whether a single `.` at `i` can end a sentence, judging the word before it.
    private func periodCanEnd(_ s: [Unicode.Scalar], at i: Int, nextWordAt k: Int, end: Int) -> Bool {
        var a = i
        while a > 0, s[a - 1].isLetter || (s[a - 1] == "." && a - 2 >= 0 && s[a - 2].isLetter) { a -= 1 }
        guard a < i else { return true }   // "2019." or ")."
        let word = String(String.UnicodeScalarView(s[a..<i].map { $0.isUppercaseLetter ? Unicode.Scalar($0.value + 32)! : $0 }))
        let next = nextWord(s, from: k, end: end)
        if titles.contains(word) {
            // "No." only before a number; "St." and the rest before a name.
            if word == "no" || word == "nos" { return !(k < end && s[k].isDigit) }
            return false
        }
        // An initial ("J. R. Okafor"): a single capital letter before a capitalized word.
        if i - a == 1, s[a].isUppercaseLetter, (a == 0 || !s[a - 1].isLetter) {
            return Self.sentenceStarters.contains(next.lowercased()) && next.count > 1 && !next.first!.isUppercase || next.isEmpty
        }
        if abbreviations.contains(word) || word.contains(".") {
            return next.isEmpty || Self.sentenceStarters.contains(next.lowercased()) || (k < end && s[k].quoteMark != nil)
        }
        return true
    }

    private func nextWord(_ s: [Unicode.Scalar], from k: Int, end: Int) -> String {
        var j = k
        var view = String.UnicodeScalarView()
        while j < end, s[j].isLetter { view.append(s[j]); j += 1 }
        return String(view)
    }
}
