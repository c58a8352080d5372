import KeywordTagger
import LedeCore
import LedeStages
import Testing

@Suite("keywords example stage")
struct KeywordTaggerTests {
    func run(_ text: String, terms: [String: [String]]) throws -> [JSONValue] {
        var doc = Document(id: "t", text: text)
        let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
        try NormalizeStage(options: .init(), context: context).process(&doc)
        try SegmentStage(options: .init(), context: context).process(&doc)
        var options = KeywordTagger.Options()
        options.terms = terms
        try KeywordTagger(options: options, context: context).process(&doc)
        return doc.extensions["x.keywords"]?.array ?? []
    }

    @Test func tagsWordsAndPhrasesWithOriginalOffsets() throws {
        let text = "Caf\u{E9}\u{200B} owners back the Heat Pump subsidy; heat pumps differ."
        let found = try run(text, terms: ["energy": ["heat pump", "subsidy"]])
        #expect(found.map { $0["text"]?.string } == ["Heat Pump", "subsidy"])
        let scalars = Array(text.unicodeScalars)
        for item in found {
            let s = item["start"]!.int!, e = item["end"]!.int!
            #expect(String(String.UnicodeScalarView(scalars[s..<e])) == item["text"]?.string)
        }
        #expect(found.allSatisfy { $0["label"]?.string == "energy" })
    }

    @Test func rejectsUnnamespacedLayers() {
        var options = KeywordTagger.Options()
        options.terms = ["a": ["b"]]
        options.layer = "keywords"
        #expect(throws: OptionError.self) { try options.validate() }
    }
}
