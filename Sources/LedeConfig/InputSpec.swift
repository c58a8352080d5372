import LedeCore

/// The `input:` section: where articles come from.
public struct InputSpec: StageOptions, Equatable {
    /// A folder (walked recursively), a single file, or `-` for JSON Lines `{"id","text"}` on standard input.
    public var path: String = "articles"
    public var include: [String] = ["**/*.txt", "**/*.md"]
    public var exclude: [String] = []
    /// Encoding tried when a file is not valid UTF-8 (the document is flagged, not dropped).
    public var fallback_encoding: FallbackEncoding = .windows1252

    public enum FallbackEncoding: String, Codable, Sendable, CaseIterable {
        case windows1252 = "windows-1252", latin1 = "latin-1", none
    }

    public init() {}

    public static let spec: [OptionSpec] = [
        .init("path", "string", "Folder walked recursively, a single file, or '-' for JSON Lines {\"id\",\"text\"} on standard input."),
        .init("include", "list of globs", "Files to read, relative to the folder ('*' within a name, '**' across folders)."),
        .init("exclude", "list of globs", "Files to skip even when included."),
        .init("fallback_encoding", "windows-1252 | latin-1 | none", "Decoding used when a file is not valid UTF-8; such documents are flagged. 'none' fails them instead."),
    ]

    public func validate() throws {
        if path.isEmpty { throw OptionError(key: "path", "must not be empty") }
        if include.isEmpty { throw OptionError(key: "include", "needs at least one glob, such as \"**/*.txt\"") }
    }
}
