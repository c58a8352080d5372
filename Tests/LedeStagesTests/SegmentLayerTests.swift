import LedeCore
@testable import LedeStages
import Testing

/// The layers the quotes stage relies on: paragraph kinds, sentence→paragraph links, token kinds.
struct SegmentLayerTests {
    let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)

    func segment(_ text: String, _ options: SegmentStage.Options = .init()) throws -> Document {
        var document = Document(id: "t", text: text)
        try NormalizeStage(options: .init(), context: context).process(&document)
        try SegmentStage(options: options, context: context).process(&document)
        return document
    }

    func kinds(_ d: Document) -> [ParagraphKind] { d.paragraphs.map(\.kind) }

    @Test func articleParagraphKinds() throws {
        let d = try segment("""
        Harbor Reopens After Storm

        By Nadia Karim and Leo Brandt, Harbor News

        LIMA, March 3 —

        The port reopened on Tuesday. "We are back," said Ruiz.

        ?

        What Happens Next?

        Crews will inspect the piers.

        Subscribe to our newsletter for daily updates.
        For more updates, stay with Harbor News.
        Published March 4, 2024
        """)
        #expect(kinds(d) == [.heading, .byline, .dateline, .body, .heading, .heading, .body, .boilerplate, .boilerplate, .dateline])
        // Sentences point at their paragraph and lie inside it.
        for s in d.sentences { #expect(d.paragraphs[s.paragraph].span.contains(s.span)) }
        #expect(d.sentences.filter { $0.paragraph == 3 }.count == 2)
    }

    @Test func oneParagraphPerLineAndHardWraps() throws {
        let perLine = try segment("The storm hit at night.\nPower was cut to 40,000 homes.\nCrews worked until dawn.")
        #expect(perLine.paragraphs.count == 3)
        let wrapped = try segment("The storm hit the coast at night and\ncut power to 40,000 homes, officials\nsaid on Tuesday.")
        #expect(wrapped.paragraphs.count == 1)
        #expect(wrapped.sentences.count == 1)
    }

    @Test func boilerplateIsMarkedNotDeletedAndOnlyWhenShort() throws {
        let d = try segment("The mayor will stay with her sister this week while the house is repaired.\n\nFollow us on social media.")
        #expect(kinds(d) == [.body, .boilerplate])
        #expect(d.sentences.count == 2)
        let long = try segment("Readers who click here and there on the city website find a maze of forms, officials conceded, after a review of the permit process found that most applicants needed three or more visits to finish a single request and many gave up entirely.")
        #expect(kinds(long) == [.body])
    }

    @Test func boilerplateExtendableFromOptions() throws {
        var options = SegmentStage.Options()
        options.boilerplate = ["Listen to our podcast"]
        let d = try segment("The vote is Friday.\n\nListen to our podcast every Monday.", options)
        #expect(kinds(d) == [.body, .boilerplate])
        let plain = try segment("The vote is Friday.\n\nListen to our podcast every Monday.")
        #expect(kinds(plain) == [.body, .body])
    }

    @Test func abbreviationsExtendableFromOptions() throws {
        let text = "The contract went to Vantor Grp. Officials declined to comment."
        // Unknown: "Grp." ends the sentence before a capital.
        #expect(try segment(text).sentences.count == 2)
        // As a title abbreviation it never ends one.
        var options = SegmentStage.Options()
        options.title_abbreviations = ["Supt."]
        #expect(try segment("Supt. Okafor met Supt. Lind. They agreed.", options).sentences.count == 2)
        options = SegmentStage.Options()
        options.abbreviations = ["Grp"]
        let d = try segment("Shares of Vantor Grp. rose. The contract went to Vantor Grp. Officials declined to comment.", options)
        #expect(d.sentences.map { d.string($0.span) } == ["Shares of Vantor Grp. rose.", "The contract went to Vantor Grp.", "Officials declined to comment."])
    }

    @Test func tokensWithKindsAndContractions() throws {
        let d = try segment("Russia’s envoy didn't say “no” to the U.S. plan, worth $3.5 billion.")
        let words = d.tokens.map { d.string($0.span) }
        #expect(words == ["Russia", "’s", "envoy", "did", "n't", "say", "“", "no", "”", "to", "the", "U.S.", "plan", ",",
                          "worth", "$", "3.5", "billion", "."])
        let kinds = d.tokens.map(\.kind)
        #expect(kinds[0] == .word && kinds[1] == .word && kinds[6] == .quote && kinds[13] == .punctuation)
        #expect(kinds[15] == .symbol && kinds[16] == .number)
        // Offsets: every token is the original text under its span (nothing was rewritten here).
        for t in d.tokens { #expect(d.originalString(t.span) == d.string(t.span)) }
    }

    @Test func tokensCanBeTurnedOff() throws {
        var options = SegmentStage.Options()
        options.tokens = false
        let d = try segment("One. Two.", options)
        #expect(d.tokens.isEmpty && d.sentences.count == 2)
    }

    @Test func wordKeysPackShortWordsOnly() {
        #expect(WordKey("u.s") == WordKey(Array("U.S".unicodeScalars), 0, 3))
        #expect(WordKey("n°") != nil)
        #expect(WordKey("abcdefghijklm") == nil)
        #expect(WordKey("naïve") == nil)
        let set = WordKeySet(["the", "Mr."])
        #expect(set.contains(WordKey("mr")) && set.contains(WordKey("the")) && !set.contains(WordKey("then")))
    }
}
