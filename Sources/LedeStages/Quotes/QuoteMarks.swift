import LedeCore

/// A stretch of text between quotation marks, before anyone decides whether it is a quotation.
struct QuotedSegment {
    /// Token index of the opening mark.
    var open: Int
    /// Token index of the closing mark; nil when the paragraph ended first (unbalanced).
    var close: Int?
    /// The text inside the marks (whitespace trimmed).
    var content: TextSpan
    /// Last token inside the marks + 1.
    var contentEnd: Int
    var words: Int
    var balanced: Bool { close != nil }
    /// First token of the opening mark ('' takes two tokens and ``open`` is the second).
    func openFirst(_ v: TokenView) -> Int {
        open > 0 && v.isQuote(open - 1) && v.tokens[open - 1].span.end == v.tokens[open].span.start ? open - 1 : open
    }
    /// Last token of the closing mark ('' takes two tokens).
    func closeLast(_ v: TokenView) -> Int? {
        guard let c = close else { return nil }
        return v.isQuote(c + 1) && v.tokens[c + 1].span.start == v.tokens[c].span.end ? c + 1 : c
    }
}

/// Pairs quotation marks into segments, paragraph by paragraph.
///
/// Marks are classified by their shape and their neighbours, since straight `"` both opens and
/// closes and `’` is usually an apostrophe. Only double marks (and guillemets) make top-level
/// quotations; single marks count only when a paragraph uses them as its outer quotes, so
/// `the ’90s` or `the players’ union` never open anything. A quotation left open at the end of a
/// paragraph continues when the next body paragraph opens with a mark (the newspaper convention
/// for multi-paragraph quotes); otherwise it is kept as unbalanced and the caller may lower its
/// confidence or drop it. Nothing here throws: bad marks only cost quotations.
enum QuoteMarks {
    static func segments(_ v: TokenView, paragraphs: [Paragraph], quotable: [Bool]) -> [QuotedSegment] {
        var result: [QuotedSegment] = []
        let n = v.count
        var i = 0
        var pending: Int?          // token index of an open double mark
        var pendingPara = -1       // paragraph the open quotation has reached
        var nested = 0             // curly quotations opened inside the open one and not yet closed
        while i <= n {
            // A paragraph ended with a quotation still open.
            if let open = pending, i == n || Int(v.paragraph[i]) != pendingPara {
                let next = pendingPara + 1
                if i < n, next < paragraphs.count, quotable[next], Int(v.paragraph[i]) == next,
                   v.tokens[i].kind == .quote, v.tokens[i].span.start == paragraphs[next].span.start,
                   let m = v.first(i).quoteMark, m.isDouble && m != .closeDouble || v.first(i) == "'" {
                    // Continuation: the quotation goes on; its reopening mark is not a new quotation.
                    pendingPara = next
                    i += (i + 1 < n && v.tokens[i + 1].kind == .quote && v.tokens[i + 1].span.start == v.tokens[i].span.end
                          && v.first(i) == "'") ? 2 : 1
                    continue
                }
                var end = i
                while end > open + 1, v.isPunct(end - 1) && !v.isTerminal(end - 1) && !v.isChar(end - 1, ",") { end -= 1 }
                if end > open + 1 {
                    let content = TextSpan(v.tokens[open + 1].span.start, v.tokens[end - 1].span.end)
                    result.append(QuotedSegment(open: open, close: nil, content: content, contentEnd: end,
                                                words: wordCount(v, open + 1, end)))
                }
                pending = nil
                nested = 0
            }
            if i == n { break }
            guard v.tokens[i].kind == .quote else { i += 1; continue }
            let p = Int(v.paragraph[i])
            guard p >= 0, quotable[p] else { i += 1; continue }
            var mark = v.first(i).quoteMark!
            let pos = v.tokens[i].span.start
            let para = paragraphs[p].span
            // Two straight apostrophes typed for a double mark ('' as in some wire and newspaper archives).
            let doubled = mark == .ambiguousSingle && i + 1 < n && v.tokens[i + 1].kind == .quote
                && v.tokens[i + 1].span.start == pos + 1 && v.s[pos + 1] == v.s[pos]
            // "…bomb them,'''": inside an open '' quotation a run of three closes the inner single
            // quotation first; the last two close the double one.
            if doubled, pending != nil, i + 2 < n, v.tokens[i + 2].kind == .quote, v.tokens[i + 2].span.start == pos + 2,
               v.s[pos + 2] == v.s[pos] { i += 1; continue }
            if doubled { mark = .ambiguousDouble }
            let width = doubled ? 2 : 1
            let leftSpace = pos == para.start || isOpeningContext(v.s[pos - 1])
            let rightSpace = pos + width >= para.end || isClosingContext(v.s[pos + width])
            if !mark.isDouble {
                // Top-level single quotes: an opening ‘ or ' before a letter, closed by a ’/' before a
                // space or punctuation in the same paragraph.
                if pending == nil, mark == .openSingle || mark == .ambiguousSingle, leftSpace, pos + 1 < para.end,
                   v.s[pos + 1].isLetter, let close = findSingleClose(v, from: i + 1, paragraphEnd: para.end) {
                    append(&result, v, open: i, close: close)
                    i = close + 1
                    continue
                }
                i += 1
                continue
            }
            if let open = pending {
                // “…“ typed for “…” closes; a straight mark closes whatever its neighbours.
                let isClose = mark != .openDouble || (!leftSpace && rightSpace)
                if isClose {
                    // “A, what he calls “hell” than B.”: a curly quotation nested in the same marks
                    // closes first; the outer one goes on.
                    if nested > 0, mark == .closeDouble { nested -= 1; i += width; continue }
                    append(&result, v, open: open, close: i)
                    pending = nil
                } else if mark == .openDouble, leftSpace, !rightSpace, v.first(open).quoteMark == .openDouble {
                    nested += 1
                }
            } else {
                let last = i + width - 1   // the opening mark's last token
                switch mark {
                case .openDouble: pending = last
                case .closeDouble: if leftSpace && !rightSpace { pending = last }   // » used as an opener
                default: if !(rightSpace && !leftSpace) { pending = last }        // a stray closer (5'10") is ignored
                }
                if pending != nil { pendingPara = p; nested = 0 }
            }
            i += width
        }
        return result
    }

    private static func append(_ result: inout [QuotedSegment], _ v: TokenView, open: Int, close: Int) {
        guard close > open + 1 else { return }
        let content = TextSpan(v.tokens[open].span.end, v.tokens[close].span.start)
        var a = content.start, b = content.end
        while a < b, v.s[a].isWhitespaceOrNewline { a += 1 }
        while b > a, v.s[b - 1].isWhitespaceOrNewline { b -= 1 }
        result.append(QuotedSegment(open: open, close: close, content: TextSpan(a, b), contentEnd: close,
                                    words: wordCount(v, open + 1, close)))
    }

    static func wordCount(_ v: TokenView, _ a: Int, _ b: Int) -> Int {
        var c = 0
        for k in a..<b where v.tokens[k].kind == .word || v.tokens[k].kind == .number { c += 1 }
        return c
    }

    private static func findSingleClose(_ v: TokenView, from: Int, paragraphEnd: Int) -> Int? {
        var k = from
        while k < v.count, v.tokens[k].span.start < paragraphEnd {
            if v.tokens[k].kind == .quote, let m = v.first(k).quoteMark {
                if m.isDouble { return nil }
                let pos = v.tokens[k].span.start
                if m != .openSingle, pos > 0, !v.s[pos - 1].isWhitespaceOrNewline,
                   pos + 1 >= paragraphEnd || isClosingContext(v.s[pos + 1]) {
                    return k
                }
            }
            k += 1
        }
        return nil
    }

    /// What may stand before an opening mark.
    @inline(__always) static func isOpeningContext(_ c: Unicode.Scalar) -> Bool {
        c.isWhitespaceOrNewline || c == "(" || c == "[" || c == "{" || c.isDash || c == "/" || c == ":" ||
            (c.quoteMark.map { $0 == .openDouble || $0 == .openSingle } ?? false)
    }
    /// What may stand after a closing mark.
    @inline(__always) static func isClosingContext(_ c: Unicode.Scalar) -> Bool {
        c.isWhitespaceOrNewline || c == "." || c == "," || c == ";" || c == ":" || c == "!" || c == "?" ||
            c == ")" || c == "]" || c == "}" || c.isDash || c == "…" || c.quoteMark != nil
    }
}
