import Foundation
import LedeConfig
import LedeCore
import Logging

/// Why one document did not make it through the pipeline.
public struct DocumentFailure: Sendable, Equatable, Codable {
    public var id: String
    /// The stage that failed, or `input` when the file could not be read or decoded.
    public var stage: String
    public var message: String
}

/// What a run did, for the summary and the exit status.
public struct RunReport: Sendable {
    public var summary = RunSummary()
    /// The first failures (all of them are in the errors file).
    public var failures: [DocumentFailure] = []
    public var outputs: [String] = []
    public var errorsFile: String?
    public var seconds: Double = 0
    /// Set when the run itself could not complete (an output could not be written).
    public var fatal: String?

    /// 0 all good, 1 some documents failed, 2 the pipeline could not run.
    public var exitCode: Int32 { fatal != nil ? 2 : summary.failed > 0 ? 1 : 0 }
}

/// Runs a pipeline over a stream of documents on several threads.
///
/// Workers pull items from the source, read, decode and process each document through the stage
/// chain; one writer hands finished documents to the sinks in source order, so output is the same
/// for any number of jobs. At most `window` documents are in flight, which keeps memory flat
/// however large the corpus. A document that fails is recorded and skipped; it never stops the batch.
public final class BatchRunner: @unchecked Sendable {
    public let pipeline: Pipeline
    public let jobs: Int
    private let logger: Logger
    private let progress: ProgressReporter?
    private let maxListedFailures = 20

    public init(pipeline: Pipeline, jobs: Int, logger: Logger = Logger(label: "lede"), progress: ProgressReporter? = nil) {
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
        self.logger = logger
        self.progress = progress
    }

    /// The result of running one document through the chain.
    struct Finished {
        var id: String
        /// Per sink stage index, the document as it reached that sink.
        var snapshots: [(sink: Int, document: Document)] = []
        var failure: DocumentFailure?
        var dropped = false
        var bytes = 0
        var diagnostics: [String] = []
    }

    public func run(source: any DocumentSource) -> RunReport {
        let start = Date()
        var report = RunReport()
        let sinks = pipeline.stages.filter { $0.sink != nil }
        let errorsPath = joinPath(pipeline.outputDirectory, "errors.jsonl")
        report.errorsFile = errorsPath
        report.outputs = sinks.flatMap { $0.sink!.outputPaths }

        let errorsFile: AtomicFile
        do {
            errorsFile = try AtomicFile(path: errorsPath)
            for s in sinks { try s.sink!.start() }
        } catch {
            sinks.forEach { $0.sink!.abort() }
            report.fatal = "cannot open outputs: \(error)"
            return report
        }

        let queue = OrderedWorkQueue(source: source, window: jobs * 8)
        for worker in 0..<jobs {
            let thread = Thread { [self] in
                while let (seq, item) = queue.take() {
                    queue.put(seq, process(item))
                }
            }
            thread.name = "lede-worker-\(worker)"
            thread.stackSize = 8 << 20
            thread.start()
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        while let finished = queue.nextInOrder() {
            report.summary.documents += 1
            report.summary.bytes += finished.bytes
            for d in finished.diagnostics { logger.warning("\(finished.id): \(d)") }
            if let failure = finished.failure {
                report.summary.failed += 1
                if report.failures.count < maxListedFailures { report.failures.append(failure) }
                logger.debug("\(failure.id): \(failure.stage): \(failure.message)")
                if let line = try? encoder.encode(failure) { try? errorsFile.write(bytes: Array(line) + [0x0A]) }
            } else {
                if finished.dropped { report.summary.dropped += 1 } else { report.summary.succeeded += 1 }
                for (sinkIndex, document) in finished.snapshots {
                    let stage = pipeline.stages[sinkIndex]
                    do { try stage.sink!.write(document) } catch {
                        report.fatal = "stage '\(stage.name)' (\(stage.location)) could not write \(document.id): \(error)"
                        break
                    }
                }
            }
            progress?.advance(bytes: finished.bytes)
            if report.fatal != nil { queue.cancel(); break }
        }
        progress?.finish()

        report.seconds = Date().timeIntervalSince(start)
        if report.fatal == nil {
            do {
                for s in sinks { try s.sink!.finish(report.summary) }
                try errorsFile.commit()
            } catch {
                report.fatal = "cannot finish outputs: \(error)"
            }
        }
        if report.fatal != nil {
            sinks.forEach { $0.sink!.abort() }
            errorsFile.discard()
        }
        return report
    }

    /// Reads, decodes and runs one document through the chain. Never throws: failures are values.
    func process(_ item: SourceItem) -> Finished {
        var finished = Finished(id: item.id)
        let text: String
        switch item {
        case .invalid(let id, let message):
            finished.failure = DocumentFailure(id: id, stage: "input", message: message)
            return finished
        case .inline(_, let t):
            guard !t.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) else {
                finished.failure = DocumentFailure(id: item.id, stage: "input", message: "empty document (only white space)")
                return finished
            }
            text = t
            finished.bytes = t.utf8.count
        case .file(let id, let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                finished.failure = DocumentFailure(id: id, stage: "input", message: "cannot read '\(path)' (missing or unreadable)")
                return finished
            }
            finished.bytes = data.count
            switch TextDecoding.decode([UInt8](data), fallback: pipeline.input.fallback_encoding) {
            case .failure(let message):
                finished.failure = DocumentFailure(id: id, stage: "input", message: message)
                return finished
            case .text(let decoded, let diagnostic):
                text = decoded
                if let diagnostic { finished.diagnostics.append(diagnostic) }
            }
        }

        var document = Document(id: item.id, text: text)
        document.diagnostics = finished.diagnostics
        for (index, configured) in pipeline.stages.enumerated() {
            if configured.sink != nil {
                finished.snapshots.append((index, document))
                continue
            }
            do {
                try configured.stage.process(&document)
            } catch {
                finished.failure = DocumentFailure(id: item.id, stage: configured.name, message: "\(error)")
                finished.snapshots = []
                return finished
            }
            document.layers.formUnion(configured.provides)
            if document.dropReason != nil {
                finished.dropped = true
                break
            }
        }
        finished.diagnostics = document.diagnostics
        return finished
    }
}

/// Hands out source items with sequence numbers and gives results back in sequence order.
///
/// Workers block in `take` while the writer is more than `window` items behind, which bounds the
/// documents held in memory to `window` whatever the corpus size.
final class OrderedWorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let source: any DocumentSource
    private let window: Int
    private var nextSeq = 0
    private var nextToWrite = 0
    private var exhausted = false
    private var cancelled = false
    private var results: [Int: BatchRunner.Finished] = [:]

    init(source: any DocumentSource, window: Int) {
        self.source = source
        self.window = window
    }

    func take() -> (Int, SourceItem)? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && !exhausted && nextSeq - nextToWrite >= window { condition.wait() }
        guard !cancelled, !exhausted else { return nil }
        guard let item = source.next() else {
            exhausted = true
            condition.broadcast()
            return nil
        }
        let seq = nextSeq
        nextSeq += 1
        return (seq, item)
    }

    func put(_ seq: Int, _ result: BatchRunner.Finished) {
        condition.lock()
        results[seq] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in sequence order, or nil when every item has been written.
    func nextInOrder() -> BatchRunner.Finished? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let r = results.removeValue(forKey: nextToWrite) {
                nextToWrite += 1
                condition.broadcast()
                return r
            }
            if exhausted && nextToWrite == nextSeq { return nil }
            condition.wait()
        }
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
