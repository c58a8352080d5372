/// One article flowing through a pipeline.
///
/// A value type: each stage receives it `inout`, so documents on different threads share nothing
/// mutable. Annotation layers are typed arrays whose spans index the *working* text; the
/// ``offsetMap`` takes them back to ``original`` when they are exported.
public struct Document: Sendable {
    /// Path relative to the input root (or the `id` given on standard input).
    public let id: String
    /// The file's text exactly as decoded; exported offsets index this.
    public let original: String
    /// The working text as scalars: stages scan these directly, which is an order of magnitude
    /// faster than walking `Character`s.
    public private(set) var scalars: [Unicode.Scalar]
    /// Working-text offsets → original-text offsets.
    public private(set) var offsetMap: OffsetMap
    /// Scalars of ``original``, kept for slicing exported spans.
    public let originalScalars: [Unicode.Scalar]

    public var paragraphs: [Paragraph] = []
    public var sentences: [Sentence] = []
    public var tokens: [Token] = []
    public var quotes: [Quote] = []
    public var speakers: [Speaker] = []
    public var stances: [SpeakerStance] = []
    /// Free-form layers of custom stages, each under its own namespace (for example `"x.keywords"`).
    public var extensions: [String: JSONValue] = [:]
    /// Warnings about this document that did not stop it (for example a fallback decoding).
    public var diagnostics: [String] = []
    /// Layers present so far; the runner checks each stage's declared `provides` against it.
    public var layers: Set<LayerKey> = []
    /// Set by a filter stage: the document leaves the pipeline without being an error.
    public var dropReason: String?

    public init(id: String, text: String) {
        self.id = id
        self.original = text
        let scalars = Document.scalars(of: text)
        self.originalScalars = scalars
        self.scalars = scalars
        self.offsetMap = OffsetMap(identity: scalars.count)
    }

    /// Decodes the string's UTF-8 directly: `Array(text.unicodeScalars)` walks the text twice
    /// (count, then copy) through the generic iterator and was a tenth of segmentation time.
    public static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            return [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, count in
                var i = 0, o = 0
                while i < n {
                    let b = bytes[i]
                    if b < 0x80 { buffer[o] = Unicode.Scalar(b); o += 1; i += 1; continue }
                    // A String's UTF-8 is always valid, so the lead byte gives the length.
                    let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                    var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                    buffer[o] = Unicode.Scalar(v) ?? "\u{FFFD}"
                    o += 1
                    i += length
                }
                count = o
            }
        }
    }

    /// The working text as a `String` (built on demand; stages should prefer ``scalars``).
    public var text: String { String(scalars: scalars) }

    /// Replaces the working text. `map` must take offsets of `newScalars` to offsets of the
    /// current working text; it is composed with the existing map so spans still reach the original.
    /// Layers that hold spans are cleared, since their offsets no longer mean anything.
    public mutating func replaceText(_ newScalars: [Unicode.Scalar], map: OffsetMap) {
        precondition(map.workingLength == newScalars.count, "offset map covers \(map.workingLength) scalars, text has \(newScalars.count)")
        precondition(map.originalLength == scalars.count, "offset map reaches \(map.originalLength) scalars, previous text has \(scalars.count)")
        offsetMap = offsetMap.composed(after: map)
        scalars = newScalars
        paragraphs = []; sentences = []; tokens = []; quotes = []; speakers = []; stances = []
        layers.subtract(LayerKey.spanLayers)
    }

    /// The working text of a span.
    public func string(_ span: TextSpan) -> String {
        String(scalars: scalars[span.start..<span.end])
    }

    /// A working-text span mapped to the original text.
    public func originalSpan(_ span: TextSpan) -> TextSpan { offsetMap.original(span) }

    /// The original text under a working-text span: what exports show.
    public func originalString(_ span: TextSpan) -> String {
        let o = offsetMap.original(span)
        return String(scalars: originalScalars[o.start..<o.end])
    }
}
