/// What a stage declares about itself: the single source for `lede stages`, `lede validate` and the docs.
public struct StageDescriptor: Sendable {
    /// The name used in pipeline YAML (`- quotes: {}`).
    public var name: String
    /// One line for listings.
    public var summary: String
    /// A paragraph for `lede stages NAME`.
    public var discussion: String
    public var requires: Set<LayerKey>
    public var provides: Set<LayerKey>
    /// The stage rewrites the working text, so it must come before any stage that adds spans.
    public var rewritesText: Bool

    public init(name: String, summary: String, discussion: String = "", requires: Set<LayerKey> = [],
                provides: Set<LayerKey> = [], rewritesText: Bool = false) {
        self.name = name; self.summary = summary; self.discussion = discussion
        self.requires = requires; self.provides = provides; self.rewritesText = rewritesText
    }
}

/// Options of a stage: decoded from the stage's YAML mapping over the defaults of `init()`.
///
/// Missing keys keep their defaults, unknown keys are rejected with their line and column, and
/// ``spec`` documents every key. A test checks that ``spec`` names exactly the encoded keys, so
/// the documentation cannot drift from the type.
public protocol StageOptions: Codable, Sendable {
    init()
    static var spec: [OptionSpec] { get }
    /// Cross-field and range checks, run after decoding; throw ``OptionError`` naming the key.
    func validate() throws
}

extension StageOptions {
    public func validate() throws {}
}

/// Options of a stage that takes none.
public struct NoOptions: StageOptions {
    public init() {}
    public static let spec: [OptionSpec] = []
}

/// One documented option.
public struct OptionSpec: Sendable, Equatable {
    public var name: String
    /// Human-readable type ("bool", "string", "list of strings", "csv | json | jsonl").
    public var type: String
    public var summary: String
    public init(_ name: String, _ type: String, _ summary: String) {
        self.name = name; self.type = type; self.summary = summary
    }
}

/// A value that passed decoding but is not acceptable; names the offending key so the loader can
/// point at its line and column.
public struct OptionError: Error, Sendable, CustomStringConvertible {
    public var key: String
    public var message: String
    public init(key: String, _ message: String) { self.key = key; self.message = message }
    public var description: String { "option '\(key)': \(message)" }
}
