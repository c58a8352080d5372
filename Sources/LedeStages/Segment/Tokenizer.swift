import LedeCore

/// Word tokens with offsets: words (with inner hyphens and abbreviation periods), numbers (with
/// decimal points and thousands separators), quotation marks, and punctuation. Possessives and
/// contractions are split the way English treebanks do: `Russia’s` → `Russia` `’s`, `don't` → `do` `n't`.
enum Tokenizer {
    static func tokens(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5)
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            if c.isWhitespaceOrNewline { i += 1; continue }
            if c.isLetter {
                var j = i + 1
                while j < n {
                    let d = s[j]
                    if d.isLetter || d.isDigit || (d.value >= 0x300 && isMark(d)) { j += 1; continue }
                    if j + 1 < n, s[j + 1].isLetter || s[j + 1].isDigit,
                       d == "-" || d == "'" || d == "’" || d == "." && j + 2 <= n && (j + 2 == n || s[j + 2] == "." || !s[j + 2].isLetter) {
                        j += 1; continue
                    }
                    break
                }
                // Abbreviation period: "U.S." (a dotted word) keeps its final period.
                if j < n, s[j] == ".", s[i..<j].contains(".") { j += 1 }
                appendWord(&tokens, s, i, j)
                i = j
                continue
            }
            if c.isDigit {
                var j = i + 1
                while j < n {
                    if s[j].isDigit { j += 1; continue }
                    if (s[j] == "." || s[j] == ","), j + 1 < n, s[j + 1].isDigit { j += 2; continue }
                    break
                }
                // "1990s", "3rd", "5G"
                while j < n, s[j].isLetter { j += 1 }
                tokens.append(Token(span: TextSpan(i, j), kind: .number))
                i = j
                continue
            }
            if c.quoteMark != nil {
                tokens.append(Token(span: TextSpan(i, i + 1), kind: .quote))
                i += 1
                continue
            }
            if c == ".", i + 2 < n, s[i + 1] == ".", s[i + 2] == "." {
                tokens.append(Token(span: TextSpan(i, i + 3), kind: .punctuation))
                i += 3
                continue
            }
            tokens.append(Token(span: TextSpan(i, i + 1), kind: isPunctuation(c) ? .punctuation : .symbol))
            i += 1
        }
        return tokens
    }

    @inline(never) private static func isMark(_ c: Unicode.Scalar) -> Bool {
        let g = c.properties.generalCategory
        return g == .nonspacingMark || g == .spacingMark || g == .enclosingMark
    }

    /// ASCII answers from a table; the rest from the Unicode general category.
    @inline(never) private static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            // $ + < = > ^ ` | ~ are symbols; the other printable non-alphanumerics are punctuation.
            switch v {
            case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E: return false
            default: return true
            }
        }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// Appends a word, splitting off `’s`, `'re`, `'ve`, `'ll`, `'d`, `'m` and `n't`.
    private static func appendWord(_ tokens: inout [Token], _ s: [Unicode.Scalar], _ a: Int, _ b: Int) {
        func lower(_ x: Unicode.Scalar) -> Unicode.Scalar { x.isUppercaseLetter && x.value < 0x80 ? Unicode.Scalar(x.value + 32)! : x }
        func isApostrophe(_ x: Unicode.Scalar) -> Bool { x == "'" || x == "’" }
        let length = b - a
        if length >= 4, isApostrophe(s[b - 2]), lower(s[b - 3]) == "n", lower(s[b - 1]) == "t" {
            tokens.append(Token(span: TextSpan(a, b - 3), kind: .word))
            tokens.append(Token(span: TextSpan(b - 3, b), kind: .word))
            return
        }
        if length >= 3, isApostrophe(s[b - 2]), lower(s[b - 1]) == "s" || lower(s[b - 1]) == "d" || lower(s[b - 1]) == "m" {
            tokens.append(Token(span: TextSpan(a, b - 2), kind: .word))
            tokens.append(Token(span: TextSpan(b - 2, b), kind: .word))
            return
        }
        if length >= 4, isApostrophe(s[b - 3]) {
            let tail = (lower(s[b - 2]), lower(s[b - 1]))
            if tail == ("r", "e") || tail == ("v", "e") || tail == ("l", "l") {
                tokens.append(Token(span: TextSpan(a, b - 3), kind: .word))
                tokens.append(Token(span: TextSpan(b - 3, b), kind: .word))
                return
            }
        }
        tokens.append(Token(span: TextSpan(a, b), kind: .word))
    }
}
