import DocumentFilter
import LedeCore
import LedeStages
import Testing

@Suite("filter example stage")
struct DocumentFilterTests {
    func dropReason(_ text: String, _ configure: (inout DocumentFilter.Options) -> Void) throws -> String? {
        var doc = Document(id: "t", text: text)
        let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
        try SegmentStage(options: .init(), context: context).process(&doc)
        var options = DocumentFilter.Options()
        configure(&options)
        try options.validate()
        try DocumentFilter(options: options, context: context).process(&doc)
        return doc.dropReason
    }

    @Test func dropsShortDocumentsNotCountingFooters() throws {
        let text = "Council votes today.\n\nSubscribe to our newsletter for more local news every single morning."
        #expect(try dropReason(text) { $0.min_words = 5 } == "3 words, fewer than min_words 5")
        #expect(try dropReason(text) { $0.min_words = 3 } == nil)
    }

    @Test func patternsKeepOrDrop() throws {
        let text = "The harbor dredging plan was delayed again. Officials blamed the weather."
        #expect(try dropReason(text) { $0.require_any = ["dredg(e|ing)"] } == nil)
        #expect(try dropReason(text) { $0.require_any = ["election"] } == "matches none of the require_any patterns")
        #expect(try dropReason(text) { $0.reject_any = ["WEATHER"] } == "matches reject_any pattern 'WEATHER'")
    }

    @Test func invalidPatternsAreOptionErrors() {
        var options = DocumentFilter.Options()
        options.reject_any = ["(unclosed"]
        #expect(throws: OptionError.self) { try options.validate() }
    }
}
