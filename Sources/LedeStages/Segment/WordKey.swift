/// A lower-cased ASCII word of up to 12 characters packed into an integer, so lexicon lookups
/// at every period cost one integer hash instead of building a `String`.
///
/// Letters take codes 1–26; `.`, `°`/`º`, `'`/`’` and `-` take 27–30. Anything else, or a longer
/// word, has no key (and so is in no word list, which only holds short words).
struct WordKey: Hashable, Sendable {
    let raw: UInt64

    init?(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) {
        guard b > a, b - a <= 12 else { return nil }
        var r: UInt64 = 0
        for i in a..<b {
            guard let c = WordKey.code(s[i]) else { return nil }
            r = r << 5 | c
        }
        raw = r
    }

    init?(_ word: String) {
        let scalars = Array(word.unicodeScalars)
        self.init(scalars, 0, scalars.count)
    }

    /// The key of the letters starting at `k` (the word that follows a period).
    static func word(_ s: [Unicode.Scalar], from k: Int, end: Int) -> WordKey? {
        var j = k
        while j < end, j - k <= 12, s[j].isLetter { j += 1 }
        return WordKey(s, k, j)
    }

    @inline(__always) static func code(_ c: Unicode.Scalar) -> UInt64? {
        let v = c.value
        if v >= 0x61 && v <= 0x7A { return UInt64(v - 0x60) }
        if v >= 0x41 && v <= 0x5A { return UInt64(v - 0x40) }
        switch v {
        case 0x2E: return 27
        case 0xB0, 0xBA: return 28
        case 0x27, 0x2019: return 29
        case 0x2D: return 30
        default: return nil
        }
    }
}
