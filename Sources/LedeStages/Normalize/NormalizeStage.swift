import LedeCore

/// `normalize`: cleans the working text and records every change in the offset map.
///
/// One left-to-right pass over the scalars: each rewrite (a decoded entity, a repaired mojibake
/// sequence, a dropped zero-width character, CRLF → LF) becomes a replacement in the map, so spans
/// found later still slice the original file exactly.
public struct NormalizeStage: Stage {
    public enum UnicodeForm: String, Codable, Sendable, CaseIterable { case nfc, nfkc, none }

    public struct Options: StageOptions, Equatable {
        public var unicode: UnicodeForm = .nfc
        public var strip_invisible: Bool = true
        public var newlines: Bool = true
        public var spaces: Bool = true
        public var fold_spaces: Bool = true
        public var html_entities: Bool = true
        public var mojibake: Bool = true
        public init() {}

        public static let spec: [OptionSpec] = [
            .init("unicode", "nfc | nfkc | none", "Unicode normalization form (NFKC also folds ligatures and full-width forms)."),
            .init("strip_invisible", "bool", "Remove the byte-order mark, zero-width characters, soft hyphens and control characters."),
            .init("newlines", "bool", "Turn CRLF and lone CR into LF."),
            .init("spaces", "bool", "Turn non-breaking and other odd spaces (and tabs) into plain spaces."),
            .init("fold_spaces", "bool", "Fold runs of spaces into one."),
            .init("html_entities", "bool", "Decode HTML entities such as &amp; and &#8217;."),
            .init("mojibake", "bool", "Repair UTF-8 text that was decoded as Windows-1252 (â€™ → ’, Ã© → é)."),
        ]
    }

    public static let descriptor = StageDescriptor(
        name: "normalize",
        summary: "Clean the text (Unicode form, invisible characters, newlines, spaces, entities, mojibake) with an offset map.",
        discussion: "Must come first: it rewrites the working text. Exported offsets still index the original text through the offset map.",
        provides: [.normalized], rewritesText: true)

    let options: Options

    public init(options: Options, context: StageContext) throws { self.options = options }

    public func process(_ document: inout Document) throws {
        let (scalars, map) = Normalizer(options: options).normalize(document.scalars)
        if map.isIdentity && scalars.count == document.scalars.count { return }
        document.replaceText(scalars, map: map)
    }
}
