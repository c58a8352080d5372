import LedeCore

/// Finds promotional phrases at word starts without lower-casing whole paragraphs: phrases are
/// bucketed by their first (ASCII-lowered) scalar, so a paragraph costs one pass over its words.
struct BoilerplateMatcher: Sendable {
    private var startPhrases: [[Unicode.Scalar]]
    private var anywhereByFirst: [UInt32: [[Unicode.Scalar]]] = [:]

    init(start: [String], anywhere: [String]) {
        startPhrases = start.map { Array($0.lowercased().unicodeScalars) }.filter { !$0.isEmpty }
        for phrase in anywhere {
            let p = Array(phrase.lowercased().unicodeScalars)
            guard let first = p.first else { continue }
            anywhereByFirst[first.value, default: []].append(p)
        }
    }

    func matches(_ span: TextSpan, _ s: [Unicode.Scalar]) -> Bool {
        for p in startPhrases where phrase(p, at: span.start, in: span, s) { return true }
        guard ScalarText.wordCount(span, s, limit: 40) <= 40 else { return false }
        var i = span.start
        while i < span.end {
            if i == span.start || !s[i - 1].isLetter, let bucket = anywhereByFirst[s[i].asciiLowercased.value] {
                for p in bucket where phrase(p, at: i, in: span, s) { return true }
            }
            i += 1
        }
        return false
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
