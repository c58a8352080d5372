import LedeCore

/// Finds promotional phrases at word starts without lower-casing whole paragraphs: phrases are
/// bucketed by their first (ASCII-lowered) scalar, so a paragraph costs one pass over its words,
/// and the word count (only short paragraphs may match in the middle) is taken only on a hit.
struct BoilerplateMatcher: Sendable {
    private var startByFirst: [[[Unicode.Scalar]]] = Array(repeating: [], count: 128)
    private var anywhereByFirst: [[[Unicode.Scalar]]] = Array(repeating: [], count: 128)
    private var otherStart: [[Unicode.Scalar]] = []
    private var otherAnywhere: [[Unicode.Scalar]] = []
    /// Bit (first, second) is set when some [anywhere] phrase starts with those two ASCII scalars:
    /// almost every word start is rejected by one load, without touching the phrase arrays.
    private var pairs = [UInt64](repeating: 0, count: 128 * 2)

    init(start: [String], anywhere: [String]) {
        for phrase in start {
            let p = Array(phrase.lowercased().unicodeScalars)
            guard let first = p.first else { continue }
            if first.value < 128 { startByFirst[Int(first.value)].append(p) } else { otherStart.append(p) }
        }
        for phrase in anywhere {
            let p = Array(phrase.lowercased().unicodeScalars)
            guard let first = p.first else { continue }
            if first.value < 128 { anywhereByFirst[Int(first.value)].append(p) } else { otherAnywhere.append(p) }
            if first.value < 128, p.count > 1, p[1].value < 128 {
                pairs[Int(first.value) * 2 + Int(p[1].value >> 6)] |= 1 << UInt64(p[1].value & 63)
            }
        }
    }

    func matches(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard !span.isEmpty else { return false }
        if bucket(startByFirst, otherStart, s[span.start]).contains(where: { phrase($0, at: span.start, in: span, s) }) { return true }
        // Footers are short; a long paragraph that mentions "click here" is reporting.
        guard span.length <= 240 else { return false }
        var i = span.start
        let hasOther = !otherAnywhere.isEmpty
        while i < span.end {
            if i == span.start || !s[i - 1].isLetter {
                let a = s[i].asciiLowercased.value
                if a < 128 && !hasOther && i + 1 < span.end {
                    let b = s[i + 1].asciiLowercased.value
                    if b >= 128 || pairs[Int(a) * 2 + Int(b >> 6)] & (1 << UInt64(b & 63)) == 0 { i += 1; continue }
                }
                let candidates = bucket(anywhereByFirst, otherAnywhere, s[i])
                if !candidates.isEmpty, candidates.contains(where: { phrase($0, at: i, in: span, s) }) {
                    return ScalarText.wordCount(span, s, limit: 40) <= 40
                }
            }
            i += 1
        }
        return false
    }

    @inline(__always) private func bucket(_ table: [[[Unicode.Scalar]]], _ other: [[Unicode.Scalar]], _ c: Unicode.Scalar) -> [[Unicode.Scalar]] {
        let v = c.asciiLowercased.value
        return v < 128 ? table[Int(v)] : other
    }

    /// `p` occurs at `i`, ending at a word boundary (unless the phrase ends in punctuation or a space).
    private func phrase(_ p: [Unicode.Scalar], at i: Int, in span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard i + p.count <= span.end else { return false }
        for k in 0..<p.count where s[i + k].asciiLowercased != p[k] {
            // Curly and straight apostrophes are the same for matching.
            if (p[k] == "'" || p[k] == "’") && (s[i + k] == "'" || s[i + k] == "’") { continue }
            return false
        }
        let end = i + p.count
        return end == span.end || !p[p.count - 1].isLetter || !s[end].isLetter
    }
}
