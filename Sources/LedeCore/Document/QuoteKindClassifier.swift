extension QuoteKind {
    /// The kind of a quotation judged from its content's quotation marks alone: direct when at
    /// least half its letters are inside double marks, mixed when it has marks, indirect otherwise.
    ///
    /// Shared by the PolNeAR reader (which has no kinds in its annotations) and the trained
    /// attribution tagger (which finds spans, not kinds), so gold and predictions agree by construction.
    public static func classify<C: Collection>(content: C) -> QuoteKind where C.Element == Unicode.Scalar {
        var inside = false, letters = 0, quoted = 0, marks = 0
        var previousApostrophe = false
        for c in content {
            // '' (two apostrophes) is a double mark in some archives.
            if c == "'" {
                if previousApostrophe { marks += 1; inside.toggle(); previousApostrophe = false } else { previousApostrophe = true }
                continue
            }
            previousApostrophe = false
            switch c.value {
            case 0x22, 0x201C, 0x201D, 0x00AB, 0x00BB, 0x201E:
                marks += 1
                if c.value == 0x201C || c.value == 0xAB || c.value == 0x201E { inside = true }
                else if c.value == 0x201D || c.value == 0xBB { inside = false }
                else { inside.toggle() }
            default:
                if c.properties.isAlphabetic { letters += 1; if inside { quoted += 1 } }
            }
        }
        if marks == 0 { return .indirect }
        // A content starting inside an open quotation (leading mark) is direct even if the mark count is odd.
        return letters > 0 && quoted * 2 >= letters ? .direct : .mixed
    }
}
