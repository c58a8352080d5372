import LedeCore

/// Paragraphs: blank lines always separate; inside a block of lines a line break separates too,
/// unless the next line visibly continues the previous one (hard-wrapped or PDF-extracted text).
extension Segmenter {
    func paragraphs(_ s: [Unicode.Scalar]) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: TextSpan?
        var previousLine: TextSpan?
        func close() {
            if let c = current { result.append(Paragraph(span: c, kind: .body)) }
            current = nil
        }
        var lineStart = 0
        let n = s.count
        var i = 0
        while i <= n {
            i = s.withUnsafeBufferPointer { p in
                var j = i
                while j < n, p[j] != "\n" { j += 1 }
                return j
            }
            let line = ScalarText.trim(TextSpan(lineStart, i), s)
            lineStart = i + 1
            i += 1
            if line.isEmpty { close(); previousLine = nil; continue }
            if let c = current, let prev = previousLine, continues(prev, with: line, s) {
                current = TextSpan(c.start, line.end)
            } else {
                close()
                current = line
            }
            previousLine = line
        }
        close()
        for k in result.indices { result[k].kind = kind(of: result[k].span, s, index: k, count: result.count) }
        return result
    }

    /// Whether `line` belongs to the same paragraph as the line before it.
    func continues(_ prev: TextSpan, with line: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        if ListMarkers.startsItem(line, s) { return false }
        let first = s[line.start]
        // A lower-case start is a wrapped line whatever came before ("because\npdf", "a cold\nnight").
        if first.isLowercaseLetter { return true }
        let last = s[prev.end - 1]
        if last.isTerminal || last == ":" { return false }
        if let q = last.quoteMark, q != .openDouble && q != .openSingle { return false }
        if last == ")" || last == "]" { return false }
        // A capitalized line after one with no closing punctuation: a new paragraph when the previous
        // line reads like a heading, a continuation when it stops mid-phrase ("met with\nPresident …").
        if last.isDash && isDateline(prev, s) { return false }
        if last == "," || last == ";" || last.isDash { return true }
        if endsWithFunctionWord(prev, s) { return true }
        return !isHeadingLike(prev, s)
    }

    private func endsWithFunctionWord(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        var a = span.end
        while a > span.start, s[a - 1].isLetter { a -= 1 }
        guard span.end - a <= 4, span.end > a, s[a].isLowercaseLetter, let w = WordKey(s, a, span.end) else { return false }
        return Self.functionWords.contains(w)
    }

    static let functionWords: WordKeySet = SegmentLexicon.keys(["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from",
                                              "with", "and", "or", "but", "that", "as", "is", "was", "are", "were",
                                              "his", "her", "its", "our", "their", "into", "than", "has", "have", "had"])

    /// Short, no closing punctuation, not starting in lower case: a headline or subheading.
    func isHeadingLike(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard !span.isEmpty else { return false }
        if s[span.start] == "#" { return true }
        if span.length > 120 || s[span.start].isLowercaseLetter { return false }
        let end = s[span.end - 1]
        if end.isTerminal || end.quoteMark != nil || end == "," || end == ";" || end == ":" { return false }
        if ScalarText.wordCount(span, s, limit: 14) > 14 { return false }
        var hasLetter = false
        for i in span.start..<span.end where s[i].isLetter { hasLetter = true; break }
        guard hasLetter else { return false }
        let last = s[span.end - 1]
        if last.isTerminal || last.quoteMark != nil || last.isDash { return false }
        switch last {
        case ",", ";", ":": return false
        default: return true
        }
    }
}
