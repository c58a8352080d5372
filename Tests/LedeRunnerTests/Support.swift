import Foundation
import LedeConfig
import LedeCore
import LedeRunner
import LedeStages
@_exported import LedeTesting

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

func runPipeline(_ yaml: String, jobs: Int, extra: [any Stage.Type] = [Tripwire.self]) throws -> RunReport {
    let registry = try BuiltInStages.registry().adding(extra)
    let pipeline = try PipelineLoader(registry: registry).load(yaml: yaml, file: "test.yaml")
    return BatchRunner(pipeline: pipeline, jobs: jobs).run(source: DocumentSources.make(pipeline.input))
}

