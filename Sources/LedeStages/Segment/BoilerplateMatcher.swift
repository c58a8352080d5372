import LedeCore

/// Finds promotional phrases at word starts without lower-casing whole paragraphs: phrases are
/// bucketed by their first (ASCII-lowered) scalar, so a paragraph costs one pass over its words,
/// and the word count (only short paragraphs may match in the middle) is taken only on a hit.
final class BoilerplateMatcher: Sendable {
    private let startByFirst: [[[Unicode.Scalar]]]
    private let anywhereByFirst: [[[Unicode.Scalar]]]
    private let otherStart: [[Unicode.Scalar]]
    private let otherAnywhere: [[Unicode.Scalar]]
    /// Phrases the prefix table cannot represent (shorter than four scalars or non-ASCII start).
    private let shortOrOther: [[Unicode.Scalar]]
    /// A bit per hash of the first four (lowered) scalars of each [anywhere] phrase: almost every
    /// word start is rejected by one load, without touching the phrase arrays.
    private let prefixes: [UInt64]

    init(start: [String], anywhere: [String]) {
        var startByFirst = [[[Unicode.Scalar]]](repeating: [], count: 128)
        var anywhereByFirst = [[[Unicode.Scalar]]](repeating: [], count: 128)
        var otherStart: [[Unicode.Scalar]] = [], otherAnywhere: [[Unicode.Scalar]] = [], shortOrOther: [[Unicode.Scalar]] = []
        var prefixes = [UInt64](repeating: 0, count: 1024)
        for phrase in start {
            let p = Array(phrase.lowercased().unicodeScalars)
            guard let first = p.first else { continue }
            if first.value < 128 { startByFirst[Int(first.value)].append(p) } else { otherStart.append(p) }
        }
        for phrase in anywhere {
            let p = Array(phrase.lowercased().unicodeScalars)
            guard let first = p.first else { continue }
            if first.value < 128 { anywhereByFirst[Int(first.value)].append(p) } else { otherAnywhere.append(p) }
            if first.value < 128, p.count >= 4 {
                let h = Self.prefixHash(p[0], p[1], p[2], p[3])
                prefixes[h >> 6] |= 1 << UInt64(h & 63)
            } else {
                shortOrOther.append(p)
            }
        }
        self.startByFirst = startByFirst; self.anywhereByFirst = anywhereByFirst
        self.otherStart = otherStart; self.otherAnywhere = otherAnywhere
        self.shortOrOther = shortOrOther; self.prefixes = prefixes
    }

    func matches(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        guard !span.isEmpty else { return false }
        if bucket(startByFirst, otherStart, s[span.start]).contains(where: { phrase($0, at: span.start, in: span, s) }) { return true }
        // Footers are short; a long paragraph that mentions "click here" is reporting.
        guard span.length <= 160 else { return false }
        let hasOther = !shortOrOther.isEmpty
        let hit: Bool = s.withUnsafeBufferPointer { p in
            var i = span.start
            while i < span.end {
                // At a word start: test the first four scalars against the prefix table.
                if i + 4 <= span.end {
                    let h = Self.prefixHash(p[i].asciiLowercased, p[i + 1].asciiLowercased, p[i + 2].asciiLowercased, p[i + 3].asciiLowercased)
                    if prefixes[h >> 6] & (1 << UInt64(h & 63)) != 0, anyPhrase(at: i, span, s) { return true }
                }
                if hasOther, anyPhrase(at: i, span, s) { return true }
                // Next word: after the next space (a phrase after a line break or a bracket is
                // not worth a second comparison per scalar).
                i += 1
                while i < span.end, p[i].value != 0x20 {
                    if hasOther, anyPhrase(at: i, span, s) { return true }
                    i += 1
                }
                i += 1
            }
            return false
        }
        return hit && ScalarText.wordCount(span, s, limit: 40) <= 40
    }

    @inline(__always) private static func prefixHash(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar, _ d: Unicode.Scalar) -> Int {
        let h = ((a.value &* 31 &+ b.value) &* 31 &+ c.value) &* 31 &+ d.value
        return Int((h &* 0x9E37_79B1) >> 16) & 0xFFFF
    }

    private func anyPhrase(at i: Int, _ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        bucket(anywhereByFirst, otherAnywhere, s[i]).contains { phrase($0, at: i, in: span, s) }
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
