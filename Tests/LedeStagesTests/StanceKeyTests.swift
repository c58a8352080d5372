import LedeCore
@testable import LedeStages
import Testing

/// The stance stage computes word keys lazily, behind a filter on each word's first three letters.
/// These tests pin the two facts that make that safe: stemming never changes a word's letter code,
/// and keys computed on demand equal the ones computed up front.
@Suite("Stance word keys")
struct StanceKeyTests {
    /// Inflected forms from news, with casing and apostrophe variants.
    let words = ["Urged", "urges", "URGING", "policies", "Policy", "embargoes", "embargo", "stopped", "stop", "Don’t", "don't",
                 "backing", "tax", "Taxes", "EU", "U.S.", "a", "it's", "cities", "zoning", "rezoned", "dredging", "harbours",
                 "Ünïcode", "élan", "naïve", "2024", "talks", "walkouts", "buses", "agreed", "agreement"]

    func code(_ word: String) -> UInt16 {
        let s = Array(word.unicodeScalars)
        return s.withUnsafeBufferPointer { LetterCode.of($0, TextSpan(0, s.count)) }
    }

    @Test func stemmingKeepsTheLetterCode() {
        for w in words {
            let stemmed = Array(StemKey.stemmed(w).unicodeScalars)
            #expect(LetterCode.of(stemmed) == Int(code(w)), "\(w) → \(String(scalars: stemmed))")
        }
        // Random ASCII words: the stemmer's suffix rules never reach the first three letters.
        var rng = SplitMix64(state: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyzSEDI'".unicodeScalars)
        for _ in 0..<5000 {
            let n = 1 + Int(rng.next() % 10)
            let w = String(scalars: (0..<n).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })
            let stemmed = Array(StemKey.stemmed(w).unicodeScalars)
            #expect(LetterCode.of(stemmed) == Int(code(w)), "\(w)")
        }
    }

    @Test func lazyKeysEqualEagerKeys() {
        var d = Document(id: "k", text: "The council URGED voters to back the harbour dredging, but critics don’t agree: “It’s naïve,” said Ruiz. Taxes rose 4%.")
        d.tokens = Tokenizer.tokens(d.scalars)
        let eager = KeyedWords(d, tokens: [0..<d.tokens.count])
        var lazy = KeyedWords(d, tokens: [0..<d.tokens.count], lazily: true)
        #expect(lazy.keys.contains(KeyedWords.unknown))
        #expect(lazy.spans == eager.spans && lazy.codes == eager.codes)
        lazy.ensureKeys(3..<7)
        #expect(Array(lazy.keys[3..<7]) == Array(eager.keys[3..<7]))
        #expect(lazy.keys[8] == KeyedWords.unknown || eager.keys[8] == KeyedWords.clauseBreak)
        lazy.ensureKeys(0..<(lazy.keys.count + 5))   // clamped
        #expect(lazy.keys == eager.keys)
    }

    @Test func lazyTermMatchingFindsWhatEagerMatchingFinds() {
        var matcher = PhraseMatcher<Int>()
        for (i, terms) in [["harbor", "harbour"], ["dredg*"], ["carbon tax", "taxes"], ["élan"]].enumerated() { for t in terms { matcher.add(t, i) } }
        var d = Document(id: "m", text: "Dredging the Harbour raises taxes; a carbon tax, with élan, and the harbor again. Undredged.")
        d.tokens = Tokenizer.tokens(d.scalars)
        var eager = KeyedWords(d, tokens: [0..<d.tokens.count])
        var lazy = KeyedWords(d, tokens: [0..<d.tokens.count], lazily: true)
        var a: [[Int]] = [], b: [[Int]] = []
        matcher.forEachMatch(&eager, in: 0..<eager.keys.count) { a.append([$0, $1]) }
        matcher.forEachMatch(&lazy, in: 0..<lazy.keys.count) { b.append([$0, $1]) }
        #expect(a == b)
        #expect(Set(a.map { $0[1] }) == [0, 1, 2, 3])
        // A word that starts no term, with no candidate just before it, never had its key computed
        // ("Undredged": "und" starts no term, and a full stop precedes it).
        #expect(lazy.keys[lazy.keys.count - 2] == KeyedWords.unknown)   // the last item is the final full stop
        #expect(eager.keys[eager.keys.count - 2] != KeyedWords.unknown)
    }
}
