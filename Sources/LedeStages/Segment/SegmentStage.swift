import LedeCore

/// `segment`: paragraphs (with headings, bylines and boilerplate marked), sentences and word tokens.
public struct SegmentStage: Stage {
    public struct Options: StageOptions, Equatable {
        public var abbreviations: [String] = []
        public var title_abbreviations: [String] = []
        public var boilerplate: [String] = []
        public var tokens: Bool = true
        public init() {}

        public static let spec: [OptionSpec] = [
            .init("abbreviations", "list of strings", "Extra abbreviations (final period optional, e.g. \"Grp\", \"U.A.E\") that end a sentence only before a common sentence-starting word, a quotation mark or a bracket, never before a number."),
            .init("title_abbreviations", "list of strings", "Extra abbreviations that always precede a name and never end a sentence (e.g. \"Insp\")."),
            .init("boilerplate", "list of strings", "Extra phrases that mark a short paragraph (at most 40 words) as boilerplate when it contains them at a word start, e.g. \"Listen to our podcast\". Boilerplate is labelled, never deleted."),
            .init("tokens", "bool", "Also produce word tokens (needed by quotes and stance)."),
        ]
    }

    public static let descriptor = StageDescriptor(
        name: "segment",
        summary: "Split text into paragraphs (body, heading, byline, boilerplate), sentences and word tokens.",
        discussion: "Abbreviation, sentence-starter and boilerplate lists ship as data (Resources/abbreviations.txt, Resources/boilerplate.txt) and can be extended here. Sentences never cross paragraphs; headings, bylines and datelines are sentences of their own.",
        provides: [.paragraphs, .sentences, .tokens])

    public static func layers(for options: Options) -> (requires: Set<LayerKey>, provides: Set<LayerKey>) {
        ([], options.tokens ? [.paragraphs, .sentences, .tokens] : [.paragraphs, .sentences])
    }

    let segmenter: Segmenter
    let options: Options

    public init(options: Options, context: StageContext) throws {
        self.options = options
        segmenter = Segmenter(extraAbbreviations: options.abbreviations, extraTitles: options.title_abbreviations,
                              extraBoilerplate: options.boilerplate)
    }

    public func process(_ document: inout Document) throws {
        let s = document.scalars
        document.paragraphs = segmenter.paragraphs(s)
        document.sentences = segmenter.sentences(s, paragraphs: document.paragraphs)
        if options.tokens { document.tokens = Tokenizer.tokens(s) }
    }
}
