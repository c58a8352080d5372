import ArgumentParser
import LedeCore
import LedeStages

/// The `lede` command. Call ``Lede/main(extraStages:)`` from your own executable to build a `lede`
/// that also knows your stages: they are registered exactly like the built-in ones.
public struct Lede: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Who said what, and where they stand: quotations, speakers and stances from folders of news articles.",
        discussion: """
        A pipeline YAML file names the stages to run (normalize, segment, quotes, stance, emit, …).
        Start with `lede run pipelines/default.yaml`, list stages with `lede stages`.
        """,
        version: version,
        subcommands: [RunCommand.self, ValidateCommand.self, StagesCommand.self, SegmentCommand.self, EvalCommand.self,
                      TrainQuotesCommand.self, TrainStanceCommand.self, ClassifyStanceCommand.self, StanceEvalCommand.self])

    public init() {}

    /// Runs the CLI with the built-in stages plus `extraStages`.
    public static func main(extraStages: [any Stage.Type]) {
        do {
            StageCatalog.bootstrap(try BuiltInStages.registry().adding(extraStages))
        } catch {
            Lede.exit(withError: ValidationError("cannot register stages: \(error)"))
        }
        Lede.main()
    }
}

/// The registry the commands use, set once at startup (the swift-log bootstrap pattern), so a
/// custom build can add its stages without the commands knowing about them.
public enum StageCatalog {
    private static let box = Box()
    private final class Box: @unchecked Sendable {
        let lock = NSLockLike()
        var registry: StageRegistry?
    }

    public static func bootstrap(_ registry: StageRegistry) {
        box.lock.withLock { box.registry = registry }
    }

    public static var registry: StageRegistry {
        box.lock.withLock { box.registry } ?? BuiltInStages.registry()
    }
}
