import Foundation
import LedeConfig
import LedeCore
import LedeRunner
import LedeStages

/// A custom stage, registered the way a user's is, that fails on documents containing a marker.
struct Tripwire: Stage {
    struct Options: StageOptions {
        var marker = "TRIPWIRE"
        init() {}
        static let spec = [OptionSpec("marker", "string", "Text that makes the stage throw.")]
    }
    static let descriptor = StageDescriptor(name: "tripwire", summary: "Throws on documents that contain a marker.",
                                            requires: [.sentences], provides: ["x.tripwire"])
    let marker: [Unicode.Scalar]
    init(options: Options, context: StageContext) throws { marker = Array(options.marker.unicodeScalars) }
    func process(_ document: inout Document) throws {
        let s = document.scalars
        if s.count >= marker.count, (0...(s.count - marker.count)).contains(where: { s[$0..<($0 + marker.count)].elementsEqual(marker) }) {
            throw StageFailure("tripwire found '\(String(String.UnicodeScalarView(marker)))'")
        }
        document.extensions["x.tripwire"] = .object(["checked": .bool(true)])
    }
}

/// A scratch folder removed when the test ends.
final class TempDir {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws { try write(relative, bytes: Array(text.utf8)) }
    func write(_ relative: String, bytes: [UInt8]) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }
    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }
}

func runPipeline(_ yaml: String, jobs: Int, extra: [any Stage.Type] = [Tripwire.self]) throws -> RunReport {
    let registry = try BuiltInStages.registry().adding(extra)
    let pipeline = try PipelineLoader(registry: registry).load(yaml: yaml, file: "test.yaml")
    return BatchRunner(pipeline: pipeline, jobs: jobs).run(source: DocumentSources.make(pipeline.input))
}

/// A strict RFC 4180 reader, to check that what the emitter writes reads back field for field.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if inQuotes {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars = chars.dropFirst() } else { inQuotes = false }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" { inQuotes = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\r" && chars.first == "\n" { chars = chars.dropFirst(); row.append(field); rows.append(row); row = []; field = "" }
        else { field.unicodeScalars.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
