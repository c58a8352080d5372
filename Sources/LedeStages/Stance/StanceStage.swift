import LedeCore

/// `stance`: each quotation's stance toward each configured target, rolled up per speaker and per document.
///
/// The rule tagger (``RuleTagger``) needs no training; with `model:` a linear model trained by
/// `lede train-stance` labels quotations in which the target is in play instead.
public struct StanceStage: Stage {
    public struct Options: StageOptions, Equatable {
        public var targets: [StanceTargetSpec] = []
        public var model: String = ""
        public var quotes: Bool = true
        public var sentences: Bool = false
        public var context_sentences: Int = 1
        public var require_terms: Bool = true
        public init() {}

        public static let spec: [OptionSpec] = [
            .init("targets", "list of {id, terms, description?, favor?, against?, model_target?}", "What stances are about: `terms` put a target in play (`embargo*` is a prefix wildcard, phrases allowed); `favor`/`against` are cue phrases specific to the target."),
            .init("model", "string", "Path (relative to the current directory) of a model from `lede train-stance`; empty for the rule tagger."),
            .init("quotes", "bool", "Tag quotations (needs the quotes layer) and roll them up per speaker and document."),
            .init("sentences", "bool", "Also tag every sentence that mentions a target, into extensions[\"stance.sentences\"] (offsets into the original text)."),
            .init("context_sentences", "int", "Sentences before and after a quotation where a target mention still puts it in play (a quotation often continues the previous sentence's topic: `… on the tax. \"We support it.\"`)."),
            .init("require_terms", "bool", "With a model: label `none` when no target term is in play, as the rule tagger does."),
        ]

        public func validate() throws {
            if targets.isEmpty { throw OptionError(key: "targets", "needs at least one target, e.g. `- {id: carbon_tax, terms: [carbon tax]}`") }
            var seen = Set<String>()
            for t in targets {
                if t.id.isEmpty { throw OptionError(key: "targets", "has a target with an empty id") }
                if !seen.insert(t.id).inserted { throw OptionError(key: "targets", "names target '\(t.id)' twice") }
                if t.terms.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    throw OptionError(key: "targets", "target '\(t.id)' has no terms; list the words that show it is being discussed")
                }
            }
            if !(0...5).contains(context_sentences) { throw OptionError(key: "context_sentences", "must be between 0 and 5, found \(context_sentences)") }
            if !quotes && !sentences { throw OptionError(key: "sentences", "is false and so is `quotes`: the stage would do nothing") }
        }
    }

    public static let descriptor = StageDescriptor(
        name: "stance",
        summary: "Stance (favor, against, neutral, none) of each quotation toward configured targets, rolled up per speaker and document.",
        discussion: "The rule tagger reads cue words and phrases from Resources/stance.txt, with negation and hedging; `model:` uses a model from `lede train-stance` instead. Per-speaker roll-ups go to the stances layer; per-document ones to extensions[\"stance.document\"].",
        requires: [.sentences, .tokens, .quotes],
        provides: [.stances, "stance.document"])

    public static func layers(for options: Options) -> (requires: Set<LayerKey>, provides: Set<LayerKey>) {
        var requires: Set<LayerKey> = [.sentences, .tokens]
        var provides: Set<LayerKey> = []
        if options.quotes { requires.insert(.quotes); provides.formUnion([.stances, "stance.document"]) }
        if options.sentences { provides.insert("stance.sentences") }
        return (requires, provides)
    }

    let options: Options
    let targets: [CompiledTarget]
    let tagger: StanceTagger
    /// Every target's terms in one matcher, payload the target's index.
    let allTerms: PhraseMatcher<Int>
    /// `none` toward every target, in target order: the labels of a quotation no target is near.
    let noneLabels: [StanceLabel]

    public init(options: Options, context: StageContext) throws {
        self.options = options
        targets = options.targets.map(CompiledTarget.init)
        var all = PhraseMatcher<Int>()
        for (i, t) in options.targets.enumerated() { for term in t.terms { all.add(term, i) } }
        allTerms = all
        noneLabels = options.targets.map { StanceLabel(target: $0.id, label: .none, score: 1) }
        if options.model.isEmpty {
            tagger = StanceTagger(rules: RuleTagger(lexicon: .shipped), model: nil, requireTerms: true)
        } else {
            let path = options.model   // relative to the current directory, like every path in a pipeline
            do {
                tagger = StanceTagger(rules: RuleTagger(lexicon: .shipped), model: try LinearStanceModel(path: path), requireTerms: options.require_terms)
            } catch let error as StanceModelError {
                throw OptionError(key: "model", "cannot be used: \(error.message)")
            }
        }
    }

    public func process(_ document: inout Document) throws {
        guard (options.quotes && !document.quotes.isEmpty) || options.sentences else {
            if options.quotes { document.stances = []; document.extensions["stance.document"] = .array([]) }
            return
        }
        // One pass over the document's words, one scan per target for its terms; each quotation
        // then only looks up ranges. This keeps the stage a fraction of segmenting's cost.
        // Only the stretches around quotations are read, unless every sentence is tagged.
        let stretches: [Range<Int>]
        if options.sentences {
            stretches = [0..<document.tokens.count]
        } else {
            var spans = document.quotes.map { contextSpan($0, document.sentences) }
            spans.sort { $0.start < $1.start }
            var merged: [TextSpan] = []
            for span in spans {
                if let last = merged.last, span.start <= last.end { merged[merged.count - 1].end = max(last.end, span.end) } else { merged.append(span) }
            }
            stretches = merged.map { tokenRange(document.tokens, covering: $0) }
        }
        var words = KeyedWords(document, tokens: stretches, lazily: true)
        // Every target mention as (position, target), ascending by position: one flat array per document.
        var mentions: [(position: Int, target: Int)] = []
        allTerms.forEachMatch(&words, in: 0..<words.keys.count) { position, t in mentions.append((position, t)) }
        /// The targets mentioned in `range`, ascending, into `out`.
        func mentioned(in range: Range<Int>, into out: inout [Int]) {
            out.removeAll(keepingCapacity: true)
            var lo = 0, hi = mentions.count
            while lo < hi { let mid = (lo + hi) / 2; if mentions[mid].position < range.lowerBound { lo = mid + 1 } else { hi = mid } }
            while lo < mentions.count, mentions[lo].position < range.upperBound {
                if !out.contains(mentions[lo].target) { out.append(mentions[lo].target) }
                lo += 1
            }
            out.sort()
        }

        let scalars = document.scalars
        func string(_ span: TextSpan) -> String { String(scalars: scalars[span.start..<span.end]) }
        // A model used without `require_terms` labels every target, mentioned or not.
        let ungated = tagger.model != nil && !options.require_terms
        if options.quotes {
            // No target named anywhere near a quotation (the common case): every quotation shares
            // one array of `none` labels instead of building its own.
            let anyMention = ungated || !mentions.isEmpty
            var inPlay: [Int] = []
            var tagged: [Int] = []   // quotations with a target in play: only they can vote in the roll-ups
            for q in document.quotes.indices {
                guard anyMention else { document.quotes[q].stance = noneLabels; continue }
                let quote = document.quotes[q]
                let window = words.positions(in: contextSpan(quote, document.sentences))
                if ungated { inPlay = Array(targets.indices) } else { mentioned(in: window, into: &inPlay) }
                guard !inPlay.isEmpty else { document.quotes[q].stance = noneLabels; continue }
                var content: [Range<Int>] = []
                for piece in quote.pieces { let r = words.positions(in: piece); if !r.isEmpty { content.append(r) } }
                // The rule tagger reads keys in the quotation and looks back a few words for negators.
                for r in content { words.ensureKeys(max(0, r.lowerBound - RuleTagger.hedgeWindow)..<r.upperBound) }
                // The model reads the quotation's text; the rule tagger only its keys.
                let text = tagger.model != nil ? quote.pieces.map(string).joined(separator: " ") : ""
                var labels = noneLabels
                var shared: RuleTagger.Weighing?
                for t in inPlay {
                    labels[t] = tagger.tag(words, content: content, cue: quote.cue, target: targets[t], shared: &shared, text: { text })
                }
                document.quotes[q].stance = labels
                tagged.append(q)
            }
            if !tagged.isEmpty {
                let ids = targets.map(\.spec.id)
                document.stances = StanceRollup.speakers(document.quotes, among: tagged, targets: ids)
                document.extensions["stance.document"] = .array(StanceRollup.document(document.quotes, among: tagged, targets: ids).map {
                    .object(["target": .string($0.target), "label": .string($0.tally.label.rawValue),
                             "score": .number(($0.tally.score * 1000).rounded() / 1000), "quotes": .number(Double($0.tally.quotes))])
                })
            } else {
                // No quotation takes a target up: nothing to roll up.
                document.stances = []; document.extensions["stance.document"] = .array([])
            }
        }
        if options.sentences {
            var rows: [JSONValue] = []
            var inPlay: [Int] = []
            for sentence in document.sentences {
                let range = words.positions(in: sentence.span)
                guard !range.isEmpty else { continue }
                mentioned(in: range, into: &inPlay)
                for t in inPlay {
                    words.ensureKeys(max(0, range.lowerBound - RuleTagger.hedgeWindow)..<range.upperBound)
                    let l = tagger.tag(words, content: [range], cue: nil, target: targets[t], text: { string(sentence.span) })
                    let o = document.originalSpan(sentence.span)
                    rows.append(.object(["start": .number(Double(o.start)), "end": .number(Double(o.end)), "target": .string(targets[t].spec.id),
                                         "label": .string(l.label.rawValue), "score": .number((l.score * 1000).rounded() / 1000)]))
                }
            }
            document.extensions["stance.sentences"] = .array(rows)
        }
    }

    /// The quotation widened to the sentences it touches plus `context_sentences` on each side, so
    /// a target named just outside the quotation marks ("On the tax, she said: …") puts it in play.
    func contextSpan(_ quote: Quote, _ sentences: [Sentence]) -> TextSpan {
        var lo = 0, hi = sentences.count
        while lo < hi { let mid = (lo + hi) / 2; if sentences[mid].span.end <= quote.span.start { lo = mid + 1 } else { hi = mid } }
        guard lo < sentences.count else { return quote.span }
        var last = lo
        while last + 1 < sentences.count, sentences[last + 1].span.start < quote.span.end { last += 1 }
        let a = max(0, lo - options.context_sentences), b = min(sentences.count - 1, last + options.context_sentences)
        return TextSpan(min(quote.span.start, sentences[a].span.start), max(quote.span.end, sentences[b].span.end))
    }
}

/// Indices of the tokens that start inside `span` (tokens are sorted by start).
func tokenRange(_ tokens: [Token], covering span: TextSpan) -> Range<Int> {
    func lowerBound(_ offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].span.start < offset { lo = mid + 1 } else { hi = mid } }
        return lo
    }
    let a = lowerBound(span.start)
    return a..<max(a, lowerBound(span.end))
}

/// The rule tagger, or a model gated by target presence: the one call the stage and the CLI share.
public struct StanceTagger: Sendable {
    let rules: RuleTagger
    public let model: LinearStanceModel?
    let requireTerms: Bool

    init(rules: RuleTagger, model: LinearStanceModel?, requireTerms: Bool) {
        self.rules = rules; self.model = model; self.requireTerms = requireTerms
    }

    /// A tagger for text outside a pipeline (`lede eval-stance`): the shipped lexicon and an optional model.
    public init(model: LinearStanceModel?, requireTerms: Bool = true) {
        self.init(rules: RuleTagger(lexicon: .shipped), model: model, requireTerms: requireTerms)
    }

    /// Labels a quotation whose target the caller found in play.
    func tag(_ words: KeyedWords, content: [Range<Int>], cue: Cue?, target: CompiledTarget, text: () -> String) -> StanceLabel {
        var shared: RuleTagger.Weighing?
        return tag(words, content: content, cue: cue, target: target, shared: &shared, text: text)
    }

    /// As above; `shared` keeps the rule tagger's weighing of this quotation for the next target
    /// without cues of its own (their weighings are the same).
    func tag(_ words: KeyedWords, content: [Range<Int>], cue: Cue?, target: CompiledTarget,
             shared: inout RuleTagger.Weighing?, text: () -> String) -> StanceLabel {
        guard let model else {
            if !target.cues.isEmpty { return rules.tag(words, content: content, cueVerb: cue, target: target) }
            let w = shared ?? rules.weigh(words, content: content, cueVerb: cue, targetCues: target.cues)
            shared = w
            return rules.label(w, target: target.spec.id)
        }
        let p = model.predict(text: text(), target: target.spec.model_target ?? target.spec.id)
        // A target in play but judged "none" by a SemEval-style model takes no side: neutral.
        let label = StanceValue(rawValue: p.label).map { $0 == .none && requireTerms ? .neutral : $0 } ?? .neutral
        return StanceLabel(target: target.spec.id, label: label, score: p.score)
    }

    /// Labels a standalone text (a quotation without its article) toward a target.
    public func tag(text: String, target: StanceTargetSpec) -> StanceLabel {
        var document = Document(id: "text", text: text)
        document.tokens = Tokenizer.tokens(document.scalars)
        let compiled = CompiledTarget(target)
        let words = KeyedWords(document, tokens: 0..<document.tokens.count)
        let all = [0..<words.keys.count]
        if (model == nil || requireTerms), !rules.inPlay(compiled, words, in: all) {
            return StanceLabel(target: target.id, label: .none, score: 1)
        }
        return tag(words, content: all, cue: nil, target: compiled, text: { text })
    }
}
