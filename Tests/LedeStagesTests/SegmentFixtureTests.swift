import Foundation
import LedeCore
import LedeStages
import Testing

/// One case from `Fixtures/segment/*.txt` (format in the README there).
struct SegmentCase: CustomTestStringConvertible, Sendable {
    var file: String
    var phenomenon: String
    var title: String
    var input: String
    var expected: [String]
    var testDescription: String { "\(file): \(title)" }

    static func load() -> [SegmentCase] {
        guard let dir = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/segment"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        var cases: [SegmentCase] = []
        for name in names.sorted() where name.hasSuffix(".txt") {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
            cases += parse(text, file: name)
        }
        return cases
    }

    static func parse(_ text: String, file: String) -> [SegmentCase] {
        var cases: [SegmentCase] = []
        // Split on "\n" only, so CR characters written into an input survive.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            guard lines[i].hasPrefix("### ") else { i += 1; continue }
            let title = String(lines[i].dropFirst(4))
            let phenomenon = title.split(separator: ":").first.map(String.init) ?? title
            i += 1
            var input: [String] = []
            while i < lines.count, lines[i] != "---" { input.append(lines[i]); i += 1 }
            i += 1
            var expected: [String] = []
            while i < lines.count, !lines[i].hasPrefix("### ") {
                if !lines[i].isEmpty { expected.append(lines[i]) }
                i += 1
            }
            cases.append(SegmentCase(file: file, phenomenon: phenomenon, title: title,
                                     input: input.joined(separator: "\n"), expected: expected))
        }
        return cases
    }
}

/// Runs normalize and segment the way `lede segment` does and renders each sentence the same way:
/// the original text of its span, white space folded to single spaces.
func segmentSentences(_ text: String) throws -> [String] {
    var document = Document(id: "case", text: text)
    let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
    try NormalizeStage(options: .init(), context: context).process(&document)
    try SegmentStage(options: .init(), context: context).process(&document)
    return document.sentences.map { foldSpaces(document.originalString($0.span)) }
}

func foldSpaces(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var pending = false
    for c in s.unicodeScalars {
        if c.isWhitespaceOrNewline { pending = !out.isEmpty; continue }
        if pending { out.append(" "); pending = false }
        out.append(c)
    }
    return String(out)
}

@Suite struct SegmentFixtureTests {
    static let cases = SegmentCase.load()

    @Test func fixturesAreLoadedAndPlentiful() {
        #expect(Self.cases.filter { $0.file == "news.txt" }.count >= 60)
        #expect(Self.cases.filter { $0.file == "golden-style.txt" }.count >= 48)
        #expect(Self.cases.allSatisfy { !$0.expected.isEmpty })
    }

    @Test(arguments: SegmentFixtureTests.cases)
    func segmentsLikeTheFixture(_ c: SegmentCase) throws {
        let got = try segmentSentences(c.input)
        #expect(got == c.expected.map(foldSpaces), "\(c.title)")
    }
}
