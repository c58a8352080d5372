import LedeCore

/// Small scalar predicates and scans shared by the segmentation rules; ASCII first, since news is
/// overwhelmingly ASCII and `Unicode.Scalar.Properties` lookups are slow in hot loops.
extension Unicode.Scalar {
    /// Characters that end a sentence.
    @inline(__always) var isTerminal: Bool {
        let v = value
        return v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 || v == 0x203C || (v >= 0x2047 && v <= 0x2049)
    }

    /// List bullets that start an item even in the middle of a line.
    @inline(__always) var isBullet: Bool {
        switch value {
        case 0x2022, 0x2043, 0x25E6, 0x25AA, 0x25AB, 0x2023, 0x25CF, 0x25A0, 0x25A1, 0x2219, 0x27A2, 0x2794: return true
        default: return false
        }
    }

    /// Lower-cases ASCII letters only; enough for the lexicon keys, which are ASCII.
    @inline(__always) var asciiLowercased: Unicode.Scalar {
        value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 32)) : self
    }

    /// Opening quotation marks and brackets, and other characters a sentence may start with.
    var canStartSentence: Bool {
        if isUppercaseLetter || isDigit { return true }
        if let q = quoteMark { return q != .closeDouble && q != .closeSingle }
        switch value {
        case 0x28, 0x5B, 0x7B, 0x24, 0xA3, 0x20AC, 0xA5, 0x23, 0x40, 0xBF, 0xA1, 0x2A: return true
        default: return isBullet || (value >= 0x80 && isLetter && !isLowercaseLetter)
        }
    }
}

/// Text helpers over a scalar array.
enum ScalarText {
    static func trim(_ span: TextSpan, _ s: [Unicode.Scalar]) -> TextSpan {
        var a = span.start, b = span.end
        while a < b, s[a].isWhitespaceOrNewline { a += 1 }
        while b > a, s[b - 1].isWhitespaceOrNewline { b -= 1 }
        return TextSpan(a, b)
    }

    static func wordCount(_ span: TextSpan, _ s: [Unicode.Scalar], limit: Int = .max) -> Int {
        s.withUnsafeBufferPointer { p in
            var count = 0, inWord = false
            var i = span.start
            while i < span.end {
                let v = p[i].value
                let w = v > 0x20 ? (v < 0x80 || !p[i].isWhitespaceOrNewline) : false
                if w && !inWord { count += 1; if count > limit { return count } }
                inWord = w
                i += 1
            }
            return count
        }
    }
}
