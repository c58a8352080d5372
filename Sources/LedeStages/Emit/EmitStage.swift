import Foundation
import LedeCore

/// `emit`: writes documents to CSV, JSON or JSON Lines.
///
/// Rows arrive in document-id order from the runner's writer thread; the file is written under a
/// temporary name and renamed into place when the batch finishes.
public struct EmitStage: SinkStage {
    public enum Format: String, Codable, Sendable, CaseIterable { case csv, json, jsonl }

    public struct Options: StageOptions, Equatable {
        public var format: Format = .jsonl
        public var table: CSVTable = .quotes
        public var path: String?
        public var include_text: Bool = true
        public var include_tokens: Bool = false
        public init() {}

        public static let spec: [OptionSpec] = [
            .init("format", "csv | json | jsonl", "csv: one table, one row per item; json: one array of documents; jsonl: one document per line."),
            .init("table", "documents | sentences | quotes | speakers | stances | extensions", "Which table a csv file holds (ignored for json and jsonl)."),
            .init("path", "string", "Output file, relative to the output folder. Default: <table>.csv, documents.json or documents.jsonl."),
            .init("include_text", "bool", "json/jsonl: include each document's original text."),
            .init("include_tokens", "bool", "json/jsonl: include word tokens (large)."),
        ]

        var resolvedPath: String {
            path ?? (format == .csv ? "\(table.rawValue).csv" : "documents.\(format.rawValue)")
        }

        public func validate() throws {
            if let path, path.isEmpty || path.hasSuffix("/") { throw OptionError(key: "path", "must name a file, not '\(path)'") }
        }
    }

    public static let descriptor = StageDescriptor(
        name: "emit",
        summary: "Write documents to CSV (one table), JSON or JSON Lines, atomically.",
        discussion: "Offsets in every output are Unicode-scalar offsets into the original file text. CSV files are RFC 4180 with a header row; JSON documents carry `schema_version`.")

    public static func layers(for options: Options) -> (requires: Set<LayerKey>, provides: Set<LayerKey>) {
        if options.format == .csv, let layer = options.table.requiredLayer { return ([layer], []) }
        return ([], [])
    }

    let options: Options
    let path: String
    private let state = State()

    public var outputPaths: [String] { [path] }

    public init(options: Options, context: StageContext) throws {
        self.options = options
        self.path = context.outputPath(options.resolvedPath)
    }

    /// The open file and whether a JSON array element has been written; touched only by the writer thread.
    final class State: @unchecked Sendable {
        var file: AtomicFile?
        var first = true
    }

    public func start() throws {
        let file = try AtomicFile(path: path)
        state.file = file
        state.first = true
        switch options.format {
        case .csv: try file.write(bytes: CSV.row(options.table.columns))
        case .json: try file.write("[")
        case .jsonl: break
        }
    }

    public func write(_ document: Document) throws {
        guard let file = state.file else { throw StageFailure("emit: write before start") }
        let json = DocumentJSON.Options(includeText: options.include_text, includeTokens: options.include_tokens)
        switch options.format {
        case .csv:
            for row in options.table.rows(document) { try file.write(bytes: CSV.row(row)) }
        case .jsonl:
            try file.write(bytes: DocumentJSON.encode(document, options: json) + [0x0A])
        case .json:
            try file.write(state.first ? "\n" : ",\n")
            state.first = false
            try file.write(bytes: DocumentJSON.encode(document, options: json))
        }
    }

    public func finish(_ summary: RunSummary) throws {
        guard let file = state.file else { return }
        if options.format == .json { try file.write(state.first ? "]\n" : "\n]\n") }
        try file.commit()
        state.file = nil
    }

    public func abort() {
        state.file?.discard()
        state.file = nil
    }
}
