import ArgumentParser
import Foundation
import LedeConfig
import LedeCore
import LedeRunner
import Logging

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over a folder of articles.",
        discussion: """
        Exit status: 0 all documents processed, 1 some documents failed (listed in errors.jsonl in the
        output folder), 2 the pipeline could not run.
        """)

    @Argument(help: "The pipeline YAML file.", completion: .file(extensions: ["yaml", "yml"]))
    var pipeline: String

    @Argument(help: "Article files to process instead of the pipeline's input folder.", completion: .file())
    var files: [String] = []

    @Option(name: .shortAndLong, help: "Input folder, file, or '-' for JSON Lines {\"id\",\"text\"} on standard input (overrides the YAML).")
    var input: String?

    @Option(name: .shortAndLong, help: "Output folder (overrides the YAML).")
    var output: String?

    @Option(name: .shortAndLong, help: "Worker threads (default: the YAML's `jobs`, else the number of cores).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "No progress bar and no warnings; errors and the summary only.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log each failure and warning as it happens.")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let level: Logger.Level = verbose ? .debug : quiet ? .error : .warning
        let logger = makeLogger(level: level)
        let loader = PipelineLoader(registry: StageCatalog.registry)
        let loaded: Pipeline
        do {
            loaded = try loader.load(file: pipeline, overrides: PipelineOverrides(input: input, output: output, files: files))
        } catch let error as PipelineError {
            printError(error.description)
            printError("the pipeline was not run (\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s"))")
            throw ExitCode(2)
        }
        let jobs = self.jobs ?? loaded.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var progress: ProgressReporter?
        if !quiet && ProgressReporter.isTerminal {
            progress = ProgressReporter(total: loaded.files.isEmpty ? DocumentSources.count(loaded.input) : loaded.files.count)
        }
        let runner = BatchRunner(pipeline: loaded, jobs: jobs, logger: logger, progress: progress)
        let source: any DocumentSource = loaded.files.isEmpty ? DocumentSources.make(loaded.input) : FileListSource(paths: loaded.files)
        let report = runner.run(source: source)
        printError(RunSummaryText.render(report, pipeline: loaded))
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func makeLogger(level: Logger.Level) -> Logger {
    var logger = Logger(label: "lede") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = level
    return logger
}

/// The end-of-run summary: counts, speed, outputs and the first failures.
enum RunSummaryText {
    static func render(_ report: RunReport, pipeline: Pipeline) -> String {
        let s = report.summary
        let mb = Double(s.bytes) / 1_048_576
        var lines: [String] = []
        if let fatal = report.fatal {
            lines.append("error: run failed: \(fatal)")
            lines.append("no output was written (earlier files under the same names were left as they were)")
            return lines.joined(separator: "\n")
        }
        lines.append(String(format: "%@: %d documents (%.2f MB) in %.2f s (%.1f MB/s): %d ok, %d failed, %d dropped",
                            pipeline.name, s.documents, mb, report.seconds, report.seconds > 0 ? mb / report.seconds : 0,
                            s.succeeded, s.failed, s.dropped))
        for path in report.outputs { lines.append("  wrote \(path)") }
        if s.failed > 0 {
            lines.append("  \(s.failed) document\(s.failed == 1 ? "" : "s") failed; all are listed in \(report.errorsFile ?? "errors.jsonl"):")
            for f in report.failures { lines.append("    \(f.id): [\(f.stage)] \(f.message)") }
            if s.failed > report.failures.count { lines.append("    … and \(s.failed - report.failures.count) more") }
        }
        return lines.joined(separator: "\n")
    }
}
