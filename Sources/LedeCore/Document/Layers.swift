/// The name of an annotation layer, used by stages to declare what they require and provide.
///
/// Built-in layers have typed storage on ``Document``; custom stages use namespaced keys
/// (`x.myorg.entities`) whose data lives in ``Document/extensions``.
public struct LayerKey: RawRepresentable, Hashable, Sendable, Codable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: LayerKey, b: LayerKey) -> Bool { a.rawValue < b.rawValue }

    /// The working text has been normalized (offset map recorded).
    public static let normalized: LayerKey = "normalized"
    public static let paragraphs: LayerKey = "paragraphs"
    public static let sentences: LayerKey = "sentences"
    public static let tokens: LayerKey = "tokens"
    public static let quotes: LayerKey = "quotes"
    public static let speakers: LayerKey = "speakers"
    public static let stances: LayerKey = "stances"

    /// Layers whose spans become meaningless when the working text is rewritten.
    public static let spanLayers: Set<LayerKey> = [.paragraphs, .sentences, .tokens, .quotes, .speakers, .stances]
}

/// What a paragraph is, so later stages can skip headings and footers.
public enum ParagraphKind: String, Sendable, Codable, CaseIterable {
    case body, heading, byline, dateline, boilerplate
}

public struct Paragraph: Sendable, Hashable {
    public var span: TextSpan
    public var kind: ParagraphKind
    public init(span: TextSpan, kind: ParagraphKind) { self.span = span; self.kind = kind }
}

public struct Sentence: Sendable, Hashable {
    public var span: TextSpan
    /// Index into ``Document/paragraphs``.
    public var paragraph: Int
    public init(span: TextSpan, paragraph: Int) { self.span = span; self.paragraph = paragraph }
}

public enum TokenKind: UInt8, Sendable, Codable {
    case word, number, punctuation, quote, symbol
}

public struct Token: Sendable, Hashable {
    public var span: TextSpan
    public var kind: TokenKind
    public init(span: TextSpan, kind: TokenKind) { self.span = span; self.kind = kind }
}

public enum QuoteKind: String, Sendable, Codable, CaseIterable {
    /// Words inside quotation marks attributed to a speaker.
    case direct
    /// Reported speech that contains a quoted fragment.
    case mixed
    /// Reported speech with no quotation marks.
    case indirect
}

/// The verb or phrase that introduces a quotation ("said", "according to").
public struct Cue: Sendable, Hashable {
    public var span: TextSpan
    public var lemma: String
    public init(span: TextSpan, lemma: String) { self.span = span; self.lemma = lemma }
}

/// The speaker as written next to a quotation ("she", "Ruiz", "Port officials"), and whom it resolves to.
public struct SpeakerMention: Sendable, Hashable {
    public var span: TextSpan
    /// Index into ``Document/speakers``, when resolved.
    public var speaker: Int?
    /// How sure the resolution is, in [0, 1].
    public var confidence: Double
    public init(span: TextSpan, speaker: Int?, confidence: Double) {
        self.span = span; self.speaker = speaker; self.confidence = confidence
    }
}

public enum StanceValue: String, Sendable, Codable, CaseIterable {
    case favor, against, neutral, none
}

/// A quotation's stance toward one configured target.
public struct StanceLabel: Sendable, Hashable {
    public var target: String
    public var label: StanceValue
    public var score: Double
    /// The cue words that decided the label.
    public var evidence: [TextSpan]
    public init(target: String, label: StanceValue, score: Double, evidence: [TextSpan] = []) {
        self.target = target; self.label = label; self.score = score; self.evidence = evidence
    }
}

public struct Quote: Sendable, Hashable {
    public var kind: QuoteKind
    /// The whole quotation, from the first piece's start to the last piece's end.
    public var span: TextSpan
    /// The quoted pieces of an interrupted quotation (`"A," he said. "B."`); one piece otherwise.
    public var pieces: [TextSpan]
    public var speaker: SpeakerMention?
    public var cue: Cue?
    public var confidence: Double
    public var stance: [StanceLabel] = []

    public init(kind: QuoteKind, span: TextSpan, pieces: [TextSpan]? = nil, speaker: SpeakerMention?, cue: Cue?, confidence: Double) {
        self.kind = kind; self.span = span; self.pieces = pieces ?? [span]
        self.speaker = speaker; self.cue = cue; self.confidence = confidence
    }
}

public enum SpeakerKind: String, Sendable, Codable, CaseIterable {
    case person, organization, group, unknown
}

/// One entity that speaks in a document, with every mention that refers to it.
public struct Speaker: Sendable, Hashable {
    public var id: Int
    public var name: String
    /// Title or description stripped from the name ("Republican Senator").
    public var role: String?
    public var kind: SpeakerKind
    public var mentions: [TextSpan]
    public init(id: Int, name: String, role: String?, kind: SpeakerKind, mentions: [TextSpan]) {
        self.id = id; self.name = name; self.role = role; self.kind = kind; self.mentions = mentions
    }
}

/// A speaker's stance toward a target, rolled up over the document's quotations.
public struct SpeakerStance: Sendable, Hashable {
    public var speaker: Int
    public var target: String
    public var label: StanceValue
    public var score: Double
    public var quotes: Int
    public init(speaker: Int, target: String, label: StanceValue, score: Double, quotes: Int) {
        self.speaker = speaker; self.target = target; self.label = label; self.score = score; self.quotes = quotes
    }
}
