import ArgumentParser
import LedeConfig
import LedeCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline file without reading any article.",
        discussion: "Reports every problem with its file, line and column: YAML syntax, unknown stages or options, wrong types, stages in the wrong order, missing input, unwritable output.")

    @Argument(help: "The pipeline YAML file(s).", completion: .file(extensions: ["yaml", "yml"]))
    var pipelines: [String]

    @Option(name: .shortAndLong, help: "Input folder to check instead of the YAML's.")
    var input: String?

    @Option(name: .shortAndLong, help: "Output folder to check instead of the YAML's.")
    var output: String?

    @Flag(help: "Print which layers each stage requires and provides.")
    var explain = false

    func run() throws {
        var failed = false
        for file in pipelines {
            do {
                let p = try PipelineLoader(registry: StageCatalog.registry).load(file: file, overrides: .init(input: input, output: output))
                print("\(file): ok (\(p.stages.count) stages: \(p.stages.map(\.name).joined(separator: " → ")))")
                if explain {
                    for s in p.stages {
                        let req = s.requires.sorted().map(\.rawValue).joined(separator: ", ")
                        let pro = s.provides.sorted().map(\.rawValue).joined(separator: ", ")
                        print("  \(s.index + 1). \(s.name): requires [\(req)] provides [\(pro)]" + (s.sink.map { " writes \($0.outputPaths.joined(separator: ", "))" } ?? ""))
                    }
                }
            } catch let error as PipelineError {
                printError(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
