/// A unit of work in a pipeline, named in YAML and built from its typed options.
///
/// Conforming types are registered in a ``StageRegistry``; the built-in stages are registered the
/// same way a user's stage is. One instance is built per run and shared by every worker thread,
/// so `process` must not mutate shared state (hence `Sendable`).
///
/// ```swift
/// struct Shout: Stage {
///     struct Options: StageOptions { var exclamations = 1; static let spec = [...] }
///     static let descriptor = StageDescriptor(name: "shout", summary: "…", requires: [.sentences], provides: ["x.shout"])
///     init(options: Options, context: StageContext) throws { … }
///     func process(_ document: inout Document) throws { … }
/// }
/// ```
public protocol Stage: Sendable {
    associatedtype Options: StageOptions
    static var descriptor: StageDescriptor { get }
    /// Builds the stage once per run: load lexicons and models here, not per document.
    init(options: Options, context: StageContext) throws
    /// Annotates one document. A thrown error fails this document only; the batch goes on.
    func process(_ document: inout Document) throws
    /// Layers this configured instance needs and adds; defaults to the descriptor's. Emitters
    /// override it because what they need depends on the table they write.
    static func layers(for options: Options) -> (requires: Set<LayerKey>, provides: Set<LayerKey>)
    /// Layers known only once the stage is built (an external process declares them in its
    /// handshake); nil means "as `layers(for:)` says".
    var builtLayers: (requires: Set<LayerKey>, provides: Set<LayerKey>)? { get }
}

extension Stage {
    public static func layers(for options: Options) -> (requires: Set<LayerKey>, provides: Set<LayerKey>) {
        (descriptor.requires, descriptor.provides)
    }
    public var builtLayers: (requires: Set<LayerKey>, provides: Set<LayerKey>)? { nil }
}

/// A stage that also sees the whole batch: output writers.
///
/// The runner calls ``write(_:)`` once per document, on one thread, in document-id order
/// whatever the parallelism, with the document as it was when it reached this stage. Files are
/// written under temporary names and moved into place by ``finish(_:)``, so a killed run never
/// leaves a half-written file under the final name.
public protocol SinkStage: Stage {
    func start() throws
    func write(_ document: Document) throws
    func finish(_ summary: RunSummary) throws
    /// Called instead of `finish` when the run cannot complete: remove temporary files.
    func abort()
    /// Files this sink will create, for validation and the run summary.
    var outputPaths: [String] { get }
}

extension SinkStage {
    public func process(_ document: inout Document) throws {}
    public func start() throws {}
    public func abort() {}
}

/// What a stage may know about the run when it is built.
public struct StageContext: Sendable {
    /// Directory relative output paths resolve against.
    public var outputDirectory: String
    /// Directory of the pipeline file, for resolving lexicon and model paths.
    public var pipelineDirectory: String
    /// Position of the stage in the pipeline (0-based), for messages.
    public var index: Int
    public init(outputDirectory: String, pipelineDirectory: String, index: Int) {
        self.outputDirectory = outputDirectory; self.pipelineDirectory = pipelineDirectory; self.index = index
    }

    /// Resolves a path from the pipeline relative to the output directory.
    public func outputPath(_ path: String) -> String {
        joinPath(outputDirectory, path)
    }
    /// Resolves a resource path (lexicon, model) relative to the pipeline file's directory.
    public func resourcePath(_ path: String) -> String {
        joinPath(pipelineDirectory, path)
    }
}

/// Joins a directory and a path; an absolute path is returned unchanged.
public func joinPath(_ directory: String, _ path: String) -> String {
    if path.hasPrefix("/") || directory.isEmpty || directory == "." { return path }
    return directory.hasSuffix("/") ? directory + path : directory + "/" + path
}

/// Totals handed to sinks when a run finishes.
public struct RunSummary: Sendable, Equatable {
    public var documents = 0
    public var succeeded = 0
    public var failed = 0
    public var dropped = 0
    public var bytes = 0
    public init() {}
}

/// A failure of one document at one stage, recorded in the errors file and the summary.
public struct StageFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
