import LedeCore
@testable import LedeStages
import Testing

/// Random texts full of what normalization rewrites; every working span must map back to an
/// original slice that normalizes to the same working text.
struct NormalizerPropertyTests {

    static let pieces: [String] = [
        "harbor", "Ruiz", "said", "the", "U.S.", "3.5", "don't", "Russia’s", "co-op", ".", ",", "?", "\"", "“", "”", "—",
        " ", " ", " ", "  ", "   ", "\t", "\u{00A0}", "\u{2009}", "\n", "\n\n", "\r\n", "\r",
        "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{200D}", "\u{0007}", "\u{0085}",
        "&amp;", "&#8217;", "&#x2014;", "&rsquo;", "&nbsp;", "&shy;", "&bogus;", "&", "&#146;", "&#;",
        "cafe\u{0301}", "e\u{0301}", "\u{0301}", "a\u{0308}\u{0323}", "Å", "\u{212B}", "\u{2126}", "ﬁ",
        "😀", "👍🏽", "👩‍👩‍👧",
        "â€™", "â€œ", "â€", "Ã©", "Ã", "Â ", "ï»¿", "Ã¼ber", "é©",
    ]

    static func randomText(_ rng: inout SplitMix64) -> [Unicode.Scalar] {
        var s: [Unicode.Scalar] = []
        for _ in 0..<Int.random(in: 0...60, using: &rng) {
            s += Array(pieces.randomElement(using: &rng)!.unicodeScalars)
        }
        return s
    }

    func normalize(_ s: [Unicode.Scalar], _ options: NormalizeStage.Options) -> [Unicode.Scalar] {
        Normalizer(options: options).normalize(s).0
    }

    static let optionSets: [NormalizeStage.Options] = {
        var all = NormalizeStage.Options()
        var nfkc = all; nfkc.unicode = .nfkc
        var noFold = all; noFold.fold_spaces = false
        var minimal = all; minimal.mojibake = false; minimal.html_entities = false; minimal.unicode = .none
        _ = all.unicode
        all.unicode = .nfc
        return [all, nfkc, noFold, minimal]
    }()

    @Test(arguments: 0..<optionSets.count)
    func mapIsWellFormedAndMonotonic(_ set: Int) {
        let options = Self.optionSets[set]
        var rng = SplitMix64(state: UInt64(set) &* 7919 &+ 1)
        for _ in 0..<400 {
            let input = Self.randomText(&rng)
            let (out, map) = Normalizer(options: options).normalize(input)
            #expect(map.workingLength == out.count)
            #expect(map.originalLength == input.count)
            var previousStart = 0, previousEnd = 0
            for w in 0...out.count {
                let start = map.originalStart(w), end = map.originalEnd(w)
                #expect(start >= previousStart && end >= previousEnd, "map goes backwards at \(w)")
                #expect(start >= 0 && end <= input.count)
                previousStart = start; previousEnd = end
            }
            // What the working text drops at its start is only ever invisible or folded.
            let dropped = normalize(Array(input.prefix(map.originalStart(0))), options)
            #expect(dropped.allSatisfy { $0 == " " })
        }
    }

    @Test(arguments: [0, 2, 3])
    func tokensMapBackToSlicesThatNormalizeToThem(_ set: Int) {
        let options = Self.optionSets[set]
        var rng = SplitMix64(state: UInt64(set) &+ 42)
        for _ in 0..<400 {
            let input = Self.randomText(&rng)
            let (out, map) = Normalizer(options: options).normalize(input)
            for token in Tokenizer.tokens(out) {
                let o = map.original(token.span)
                let renormalized = normalize(Array(input[o.start..<o.end]), options)
                let expected = Array(out[token.span.start..<token.span.end])
                #expect(renormalized == expected, "token \(String(String.UnicodeScalarView(expected))) from \(input[o.start..<o.end].map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func whitespaceBoundedSpansRoundTrip() {
        let options = NormalizeStage.Options()
        var rng = SplitMix64(state: 99)
        for _ in 0..<400 {
            let input = Self.randomText(&rng)
            let (out, map) = Normalizer(options: options).normalize(input)
            // Span boundaries: text edges and the edges of white space.
            var cuts = [0, out.count]
            for (k, c) in out.enumerated() where c.isWhitespaceOrNewline { cuts += [k, k + 1] }
            cuts = Array(Set(cuts)).sorted()
            guard cuts.count >= 2 else { continue }
            for _ in 0..<10 {
                var a = cuts.randomElement(using: &rng)!, b = cuts.randomElement(using: &rng)!
                if a > b { swap(&a, &b) }
                let o = map.original(TextSpan(a, b))
                let renormalized = normalize(Array(input[o.start..<o.end]), options)
                // The slice may start or end with white space folded into a neighbour; compare trimmed.
                let lhs = trimmed(renormalized), rhs = trimmed(Array(out[a..<b]))
                #expect(lhs == rhs)
            }
        }
    }

    private func trimmed(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var a = 0, b = s.count
        while a < b, s[a].isWhitespaceOrNewline { a += 1 }
        while b > a, s[b - 1].isWhitespaceOrNewline { b -= 1 }
        return Array(s[a..<b])
    }

    @Test func documentSpansSliceTheOriginal() throws {
        let text = "Smith &amp; Sons\r\nsaid â€œit&#8217;s over.â€\u{200B}  Ruiz\u{00A0}agreed."
        var document = Document(id: "t", text: text)
        let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
        try NormalizeStage(options: .init(), context: context).process(&document)
        #expect(document.text == "Smith & Sons\nsaid “it’s over.” Ruiz agreed.")
        try SegmentStage(options: .init(), context: context).process(&document)
        let words = document.tokens.map { document.originalString($0.span) }
        #expect(words.contains("&amp;"))
        #expect(words.contains("â€œ"))
        #expect(words.contains("&#8217;s"))
        #expect(document.sentences.map { document.originalString($0.span) } == ["Smith &amp; Sons\r\nsaid â€œit&#8217;s over.â€", "Ruiz\u{00A0}agreed."])
    }
}
