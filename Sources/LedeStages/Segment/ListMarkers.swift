import LedeCore

/// Enumerated list items ("1.", "2.)", "3)", "a.", "• 9.") that share a line with their neighbours.
///
/// A marker's period is not a sentence end, and a marker that continues a sequence begun at the
/// start of a line ("1.) … 2.) …", "a. … b. … c. …") starts a new sentence even without a period
/// before it. Requiring the sequence keeps "ranked No. 2. Then" and "Plan b. The" ordinary text.
enum ListMarkers {
    /// A marker whose punctuation is at `i` (a `.` or `)`), as (start, end after punctuation, value).
    static func marker(_ s: [Unicode.Scalar], punctuationAt i: Int, lower: Int, upper: Int) -> (start: Int, end: Int, value: Int, letter: Bool)? {
        guard i > lower else { return nil }
        var a = i
        var value = 0
        var letter = false
        if s[i - 1].isDigit {
            var place = 1
            while a > lower, s[a - 1].isDigit, i - a < 2 { a -= 1; value += Int(s[a].value - 0x30) * place; place *= 10 }
            if a > lower, s[a - 1].isDigit { return nil }
        } else if s[i - 1].value >= 0x61 && s[i - 1].value <= 0x7A {
            a = i - 1
            value = Int(s[a].value - 0x61)
            letter = true
        } else { return nil }
        if a > lower {
            let p = s[a - 1]
            guard p.isWhitespaceOrNewline || p.isBullet else { return nil }
        }
        var e = i + 1
        if s[i] == ".", e < upper, s[e] == ")" { e += 1 }
        guard e < upper, s[e] == " " || s[e] == "\t", e + 1 < upper, !s[e + 1].isWhitespaceOrNewline else { return nil }
        if letter || s[i] == "." {
            // "a. The first item", "1. The first item": the item starts like a sentence.
            guard s[e + 1].canStartSentence else { return nil }
        }
        return (a, e, value, letter)
    }

    /// Whether the marker at `start` is the first thing on its line (after spaces and bullets).
    static func atLineStart(_ s: [Unicode.Scalar], _ start: Int, lower: Int) -> Bool {
        var k = start
        while k > lower {
            let p = s[k - 1]
            if p == "\n" { return true }
            if p == " " || p == "\t" || p.isBullet { k -= 1; continue }
            return false
        }
        return true
    }

    /// Whether a line starts with a bullet, a dash item or an enumerator, so it cannot continue the line before.
    static func startsItem(_ line: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard !line.isEmpty else { return false }
        let c = s[line.start]
        if c.isBullet { return true }
        if c == "-" || c == "*" || c == "–" || c == "—", line.length > 1, s[line.start + 1] == " " { return true }
        var i = line.start
        while i < line.end, i - line.start < 3, s[i].isDigit { i += 1 }
        if i == line.start, line.length > 2, s[i].value >= 0x61 && s[i].value <= 0x7A { i += 1 } else if i == line.start { return false }
        guard i < line.end, s[i] == "." || s[i] == ")" else { return false }
        return marker(s, punctuationAt: i, lower: line.start, upper: line.end) != nil
    }
}
