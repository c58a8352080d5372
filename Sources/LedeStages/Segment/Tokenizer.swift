import LedeCore

/// Word tokens with offsets: words (with inner hyphens and abbreviation periods), numbers (with
/// decimal points and thousands separators), quotation marks, and punctuation. Possessives and
/// contractions are split the way English treebanks do: `Russia’s` → `Russia` `’s`, `don't` → `do` `n't`.
///
/// One pass over an unsafe buffer: the tokenizer touches every scalar of every document, and
/// bounds checks and Unicode property lookups on ASCII were most of its cost.
enum Tokenizer {
    static func tokens(_ s: [Unicode.Scalar]) -> [Token] {
        s.withUnsafeBufferPointer { tokens($0) }
    }

    @inline(__always) private static func isASCIIAlnum(_ v: UInt32) -> Bool {
        // Bits of 0-9 (below 64) and A-Z, a-z (64-127): one shift and mask instead of four comparisons.
        let low: UInt64 = 0x03FF_0000_0000_0000, high: UInt64 = 0x07FF_FFFE_07FF_FFFE
        return ((v & 64) != 0 ? high : low) >> UInt64(v & 63) & 1 != 0
    }

    @inline(__always) private static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return isASCIIAlnum(v) }
        return c.isLetter || (v >= 0x300 && isMark(c))
    }

    private static func tokens(_ p: UnsafeBufferPointer<Unicode.Scalar>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(p.count / 3)
        let n = p.count
        var i = 0
        while i < n {
            let c = p[i]
            let v = c.value
            if v == 0x20 || v == 0x0A { i += 1; continue }
            if (v < 0x80 && (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) || (v >= 0x80 && c.isLetter) {
                var j = i + 1
                var dotted = false
                while j < n {
                    let d = p[j]
                    if isWordChar(d) { j += 1; continue }
                    let dv = d.value
                    // Inner joiners: "well-known", "O'Neill", "U.S" (a period between single letters).
                    if (dv == 0x2D || dv == 0x27 || dv == 0x2019 || dv == 0x2E), j + 1 < n {
                        let e = p[j + 1]
                        if e.isLetter || e.isDigit {
                            if dv != 0x2E { j += 1; continue }
                            if j + 2 == n || p[j + 2] == "." || !p[j + 2].isLetter { dotted = true; j += 1; continue }
                        }
                    }
                    break
                }
                // Abbreviation period: "U.S." (a dotted word) keeps its final period.
                if j < n, p[j] == ".", dotted { j += 1 }
                appendWord(&tokens, p, i, j)
                i = j
                continue
            }
            if v >= 0x30 && v <= 0x39 {
                var j = i + 1
                while j < n {
                    let d = p[j].value
                    if d >= 0x30 && d <= 0x39 { j += 1; continue }
                    if (d == 0x2E || d == 0x2C), j + 1 < n, p[j + 1].isDigit { j += 2; continue }
                    break
                }
                // "1990s", "3rd", "5G"
                while j < n, isWordChar(p[j]) { j += 1 }
                tokens.append(Token(span: TextSpan(i, j), kind: .number))
                i = j
                continue
            }
            if c.isWhitespaceOrNewline { i += 1; continue }
            // A combining mark belongs to the scalar before it, never starts a token of its own.
            let e = absorbMarks(p, i + 1)
            if c.quoteMark != nil {
                tokens.append(Token(span: TextSpan(i, e), kind: .quote))
                i = e
                continue
            }
            if v == 0x2E, i + 2 < n, p[i + 1] == ".", p[i + 2] == "." {
                tokens.append(Token(span: TextSpan(i, i + 3), kind: .punctuation))
                i += 3
                continue
            }
            tokens.append(Token(span: TextSpan(i, e), kind: isPunctuation(c) ? .punctuation : .symbol))
            i = e
        }
        return tokens
    }

    @inline(__always) private static func absorbMarks(_ p: UnsafeBufferPointer<Unicode.Scalar>, _ j: Int) -> Int {
        var j = j
        while j < p.count, p[j].value >= 0x300, isMark(p[j]) { j += 1 }
        return j
    }

    @inline(never) private static func isMark(_ c: Unicode.Scalar) -> Bool {
        let g = c.properties.generalCategory
        return g == .nonspacingMark || g == .spacingMark || g == .enclosingMark
    }

    /// ASCII answers from a table; the rest from the Unicode general category.
    private static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            // $ + < = > ^ ` | ~ are symbols; the other printable non-alphanumerics are punctuation.
            switch v {
            case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E: return false
            default: return true
            }
        }
        if v >= 0x2010 && v <= 0x2027 { return true }   // dashes, quotes, bullets, ellipsis
        return slowIsPunctuation(c)
    }

    @inline(never) private static func slowIsPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// Appends a word, splitting off `’s`, `'re`, `'ve`, `'ll`, `'d`, `'m` and `n't`.
    @inline(__always) private static func appendWord(_ tokens: inout [Token], _ s: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int) {
        let length = b - a
        // Only words with an apostrophe among their last three scalars can split.
        if length >= 3 {
            func lower(_ x: Unicode.Scalar) -> UInt32 { x.value | 0x20 }
            func isApostrophe(_ x: Unicode.Scalar) -> Bool { x.value == 0x27 || x.value == 0x2019 }
            if length >= 4, isApostrophe(s[b - 2]), lower(s[b - 3]) == 0x6E, lower(s[b - 1]) == 0x74 {
                tokens.append(Token(span: TextSpan(a, b - 3), kind: .word))
                tokens.append(Token(span: TextSpan(b - 3, b), kind: .word))
                return
            }
            if isApostrophe(s[b - 2]) {
                let l = lower(s[b - 1])
                if l == 0x73 || l == 0x64 || l == 0x6D {   // s d m
                    tokens.append(Token(span: TextSpan(a, b - 2), kind: .word))
                    tokens.append(Token(span: TextSpan(b - 2, b), kind: .word))
                    return
                }
            }
            if length >= 4, isApostrophe(s[b - 3]) {
                let tail = (lower(s[b - 2]), lower(s[b - 1]))
                if tail == (0x72, 0x65) || tail == (0x76, 0x65) || tail == (0x6C, 0x6C) {   // re ve ll
                    tokens.append(Token(span: TextSpan(a, b - 3), kind: .word))
                    tokens.append(Token(span: TextSpan(b - 3, b), kind: .word))
                    return
                }
            }
        }
        tokens.append(Token(span: TextSpan(a, b), kind: .word))
    }
}
