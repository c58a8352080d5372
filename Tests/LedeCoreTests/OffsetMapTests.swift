import Testing
@testable import LedeCore

@Suite("Offset map")
struct OffsetMapTests {
    @Test func identityMapsEveryOffsetToItself() {
        let map = OffsetMap(identity: 10)
        #expect(map.original(TextSpan(3, 7)) == TextSpan(3, 7))
        #expect(map.isIdentity)
    }

    @Test func replacementsSnapOutward() {
        // original: "a&amp;b" (7) → working "a&b" (3)
        var b = OffsetMapBuilder()
        b.copy(1)
        b.replace(originalLength: 5, workingLength: 1)
        b.copy(1)
        let map = b.build()
        #expect(map.original(TextSpan(0, 1)) == TextSpan(0, 1))
        #expect(map.original(TextSpan(1, 2)) == TextSpan(1, 6))
        #expect(map.original(TextSpan(2, 3)) == TextSpan(6, 7))
        #expect(map.original(TextSpan(0, 3)) == TextSpan(0, 7))
    }

    @Test func deletionsAreExcludedFromSpansThatStartOrEndAtThem() {
        // original: "ab\u{200B}cd" (5) → "abcd" (4)
        var b = OffsetMapBuilder()
        b.copy(2)
        b.replace(originalLength: 1, workingLength: 0)
        b.copy(2)
        let map = b.build()
        #expect(map.original(TextSpan(2, 4)) == TextSpan(3, 5))
        #expect(map.original(TextSpan(0, 2)) == TextSpan(0, 2))
        #expect(map.original(TextSpan(1, 3)) == TextSpan(1, 4))
    }

    /// Random rewrites: every copied working scalar must map to an equal original scalar, and every
    /// span's original must contain the originals of its scalars — through two composed rewrites.
    @Test(arguments: 0..<40) func composedRandomRewritesMapBack(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let alphabet = Array("abc de\u{301}😀\n".unicodeScalars)
        let original = (0..<Int(rng.next() % 60)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        let (first, map1) = randomRewrite(original, &rng)
        let (second, map2) = randomRewrite(first, &rng)
        var doc = Document(id: "x", text: String(String.UnicodeScalarView(original)))
        doc.replaceText(first, map: map1)
        doc.replaceText(second, map: map2)
        #expect(doc.scalars == second)
        for _ in 0..<20 where !second.isEmpty {
            let a = Int(rng.next() % UInt64(second.count + 1))
            let b = a + Int(rng.next() % UInt64(second.count - a + 1))
            let o = doc.originalSpan(TextSpan(a, b))
            #expect(o.start <= o.end && o.end <= original.count)
            // Copied scalars at the span's edges are the same characters in the original.
            if a < b, let s = singleSegment(doc.offsetMap, a), s.isCopy {
                #expect(original[o.start] == second[a])
            }
        }
    }

    private func singleSegment(_ map: OffsetMap, _ offset: Int) -> OffsetMap.Segment? {
        map.segments.first { $0.working <= offset && offset < $0.working + $0.workingLength }
    }

    /// Keeps, drops, duplicates or replaces scalars at random, recording the map.
    private func randomRewrite(_ input: [Unicode.Scalar], _ rng: inout SplitMix64) -> ([Unicode.Scalar], OffsetMap) {
        var out: [Unicode.Scalar] = []
        var b = OffsetMapBuilder()
        var i = 0
        while i < input.count {
            switch rng.next() % 5 {
            case 0: b.replace(originalLength: 1, workingLength: 0); i += 1
            case 1:
                let n = min(input.count - i, 1 + Int(rng.next() % 3))
                out.append("X"); b.replace(originalLength: n, workingLength: 1); i += n
            case 2: out.append(contentsOf: ["Y", "Z"]); b.replace(originalLength: 1, workingLength: 2); i += 1
            default: out.append(input[i]); b.copy(1); i += 1
            }
        }
        return (out, b.build(originalLength: input.count))
    }
}


@Suite("Offset map inverse")
struct OffsetMapInverseTests {
    @Test func originalSpansMapToWorkingSpans() {
        // original "a&amp;b\u{200B}c" (9) → working "a&bc" (4)
        var b = OffsetMapBuilder()
        b.copy(1)
        b.replace(originalLength: 5, workingLength: 1)
        b.copy(1)
        b.replace(originalLength: 1, workingLength: 0)
        b.copy(1)
        let map = b.build()
        #expect(map.working(TextSpan(0, 1)) == TextSpan(0, 1))
        #expect(map.working(TextSpan(1, 6)) == TextSpan(1, 2))
        #expect(map.working(TextSpan(6, 7)) == TextSpan(2, 3))
        #expect(map.working(TextSpan(8, 9)) == TextSpan(3, 4))
        #expect(map.working(TextSpan(0, 9)) == TextSpan(0, 4))
        // Round trip of every working span through the original.
        for a in 0...4 { for e in a...4 { #expect(map.working(map.original(TextSpan(a, e))) == TextSpan(a, e)) } }
    }
}

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesWhatTheWriterWrites() throws {
        let value: JSONValue = .object(["a": .array([.number(1), .number(-2.5), .bool(true), .null]),
                                        "s": .string("quote \" backslash \\ newline \n tab \t é 😀 \u{1}")])
        var w = JSONWriter()
        w.value(value)
        #expect(try JSONParser.parse(w.bytes) == value)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try JSONParser.parse(Array(#"["\u00e9\ud83d\ude00\/"]"#.utf8)) == .array([.string("é😀/")]))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "[1] 2", "{\"a\":1,}"])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }
}
