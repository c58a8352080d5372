import LedeCore

/// `quotes`: direct, mixed and indirect quotations with cue, source mention and resolved speaker.
///
/// Rule-based so that it is fast and inspectable: every rule reads lexicons shipped as data
/// (Resources/cues.txt, Resources/speakers.txt) which a pipeline can extend with the options below.
public struct QuotesStage: Stage {
    public struct Options: StageOptions, Equatable {
        public var cues: [String] = []
        public var noun_cues: [String] = []
        public var titles: [String] = []
        public var group_nouns: [String] = []
        public var organization_words: [String] = []
        public var indirect: Bool = true
        public var attitude_objects: Bool = true
        public var min_words: Int = 3
        public var model: String = ""
        public init() {}

        public static let spec: [OptionSpec] = [
            .init("cues", "list of strings", "Extra cue verbs, one line each as in Resources/cues.txt: \"lemma form form … | that object to whether np\"."),
            .init("noun_cues", "list of strings", "Extra nouns that attribute after a possessive source, as in the [nouns] section of Resources/cues.txt: \"verdict verdicts | that\" (frames `that`, `to`)."),
            .init("titles", "list of strings", "Extra titles stripped from names into the role (\"Alderwoman:f\"; \":m\"/\":f\" mark gender)."),
            .init("group_nouns", "list of strings", "Extra plural nouns that speak as a group (\"villagers\")."),
            .init("organization_words", "list of strings", "Extra head nouns of organizations (\"syndicate\")."),
            .init("indirect", "bool", "Also report indirect (reported) speech without quotation marks."),
            .init("attitude_objects", "bool", "The object of an attitude verb (cue frame `np`: \"endorsed Clinton\", \"rejected the plan\") is an indirect quotation, as in attribution corpora such as PolNeAR; false keeps reported speech to clauses."),
            .init("min_words", "integer", "Quoted text with fewer words and no cue is a scare quote, not a quotation."),
            .init("model", "path", "Attribution model from `lede train-quotes` (relative to the current directory); the rules' matches become its features. Empty: rules only."),
        ]

        public func validate() throws {
            if min_words < 1 { throw OptionError(key: "min_words", "must be at least 1") }
            // A misspelt frame would silently make a cue attribute nothing.
            for (key, lines, allowed) in [("cues", cues, CueFrames.names), ("noun_cues", noun_cues, ["that", "to"])] {
                for line in lines {
                    let parts = line.split(separator: "|", maxSplits: 1)
                    guard let words = parts.first, !words.split(separator: " ").isEmpty else {
                        throw OptionError(key: key, "has an entry with no words: \"\(line)\"")
                    }
                    let frames = parts.count > 1 ? parts[1].split(separator: " ").map(String.init) : []
                    if let bad = frames.first(where: { !allowed.contains($0) }) {
                        throw OptionError(key: key, "has an unknown frame '\(bad)' in \"\(line)\"; frames are \(allowed.joined(separator: ", "))")
                    }
                    if key == "noun_cues" && frames.isEmpty {
                        throw OptionError(key: key, "entry \"\(line)\" needs a frame after '|': that or to")
                    }
                }
            }
        }
    }

    public static let descriptor = StageDescriptor(
        name: "quotes",
        summary: "Find direct, mixed and indirect quotations, their cues and speakers, and resolve speakers across the article.",
        discussion: """
        Quotation marks of every style are paired per paragraph (multi-paragraph and interrupted quotations \
        are one quotation; apostrophes and unbalanced marks never fail a document). Reported speech is read \
        from cue-verb frames (Resources/cues.txt). Speakers are split into name and role (titles in \
        Resources/speakers.txt), and surnames, pronouns and "the ministry" are linked to earlier speakers.
        """,
        requires: [.paragraphs, .sentences, .tokens],
        provides: [.quotes, .speakers])

    let cues: CueLexicon
    let speakers: SpeakerLexicon
    let options: Options
    /// A trained tagger replaces the rules' decisions (not their lexicons or speaker linking).
    let model: AttributionModel?

    public init(options: Options, context: StageContext) throws {
        var model: AttributionModel?
        if !options.model.isEmpty {
            // Loaded once per run; a bad path fails validation at the option's line, before any article is read.
            do { model = try AttributionModel.load(path: options.model) }
            catch { throw OptionError(key: "model", "\(error)") }
        }
        self.init(options: options, model: model)
    }

    /// A stage with a model already in memory (training scores each epoch's model this way).
    public init(options: Options, model: AttributionModel?) {
        self.options = options
        self.model = model
        var cues = CueLexicon.load(extra: options.cues, extraNouns: options.noun_cues)
        if !options.attitude_objects { cues.removeFrame(.np) }
        self.cues = cues
        speakers = SpeakerLexicon.load(extraTitles: options.titles, extraGroups: options.group_nouns,
                                       extraOrganizations: options.organization_words)
    }

    public func process(_ document: inout Document) throws {
        var extractor = QuoteExtractor(document: document, cues: cues, speakers: speakers, minimumWords: options.min_words)
        var found = extractor.run()
        if let model { found = model.quotations(extractor, rules: found, paragraphs: document.paragraphs) }
        finish(&document, extractor, found)
    }

    /// Diagnostics for the trainable tagger: the quotations the assembler makes from the *gold* tags
    /// of `triples` (original-text offsets), i.e. the ceiling of a perfect tagger under this label scheme.
    public func oracle(_ document: inout Document, triples: [AttributionExample.Triple]) {
        var extractor = QuoteExtractor(document: document, cues: cues, speakers: speakers, minimumWords: options.min_words)
        let rules = extractor.run()
        let labels = AttributionTrainer.goldLabels(document, triples: triples)
        finish(&document, extractor, TripleAssembler(x: extractor).assemble(labels, rules: rules))
    }

    func finish(_ document: inout Document, _ extractor: QuoteExtractor, _ found: [FoundQuote]) {
        var found = found
        if !options.indirect { found.removeAll { $0.kind == .indirect } }
        var resolver = SpeakerResolver(view: extractor.v, lexicon: speakers)
        var quotes: [Quote] = []
        var previous: (Int, TextSpan)?
        for f in found {
            var mention: SpeakerMention?
            if let src = f.source {
                let resolved = resolver.resolve(src, at: src.a)
                mention = SpeakerMention(span: extractor.v.span(src.a, src.b), speaker: resolved?.0, confidence: resolved?.1 ?? 0.3)
                if let r = resolved { previous = (r.0, mention!.span) }
            } else if f.inheritsSpeaker, let (id, span) = previous {
                mention = SpeakerMention(span: span, speaker: id, confidence: 0.5)
            }
            let cue = f.cue.map { Cue(span: extractor.v.span($0.lowerBound, $0.upperBound), lemma: f.lemma ?? "") }
            quotes.append(Quote(kind: f.kind, span: f.span, pieces: f.pieces, speaker: mention, cue: cue, confidence: f.confidence))
        }
        document.quotes = quotes
        document.speakers = resolver.speakers
    }
}
