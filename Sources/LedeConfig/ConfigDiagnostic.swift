/// One problem found in a pipeline file, printed compiler-style so editors can jump to it:
/// `pipelines/x.yaml:14:7: error: stage 'quotes': unknown option 'max_distance' (did you mean 'max_sentences'?)`.
public struct ConfigDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.message = message; self.hint = hint
    }

    public var description: String {
        var s = "\(file):\(line):\(column): error: \(message)"
        if let hint { s += "\n    hint: \(hint)" }
        return s
    }
}

/// Why a pipeline could not be loaded: every problem found, not only the first.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ConfigDiagnostic]
    public init(_ diagnostics: [ConfigDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
