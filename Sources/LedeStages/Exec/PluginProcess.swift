import Foundation
import LedeCore

/// One running plugin process, spoken to in JSON Lines over its standard input and output.
///
/// Reads use `poll` with a deadline, so a hung plugin costs one timeout, not the batch. Standard
/// error is drained on its own thread (a full stderr pipe would otherwise block the plugin) and
/// forwarded line by line with the plugin's name.
final class PluginProcess: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        case exited(String)
        case timedOut(Double)
        case malformed(String)
        var description: String {
            switch self {
            case .exited(let m): return m
            case .timedOut(let s): return "no answer within \(s.formatted()) s (timeout); the process was killed"
            case .malformed(let m): return m
            }
        }
    }

    let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private var buffer: [UInt8] = []
    private let label: String

    init(command: [String], directory: String?, label: String) throws {
        self.label = label
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        do { try process.run() } catch {
            throw Failure.exited("cannot start \(command.joined(separator: " ")): \(error)")
        }
        let errHandle = stderrPipe.fileHandleForReading
        let thread = Thread { [label] in
            var pending: [UInt8] = []
            while true {
                let data = errHandle.availableData
                if data.isEmpty { break }
                pending.append(contentsOf: data)
                while let nl = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[..<nl], as: UTF8.self)
                    pending.removeSubrange(...nl)
                    FileHandle.standardError.write(Data("[\(label)] \(line)\n".utf8))
                }
            }
            if !pending.isEmpty { FileHandle.standardError.write(Data("[\(label)] \(String(decoding: pending, as: UTF8.self))\n".utf8)) }
        }
        thread.start()
    }

    var isRunning: Bool { process.isRunning }

    func send(_ bytes: [UInt8]) throws {
        var line = bytes
        line.append(0x0A)
        let fd = stdinPipe.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < line.count {
            let n = line.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.exited("the process stopped reading its input (\(exitDescription()))")
            }
            offset += n
        }
    }

    /// The next line of output, waiting at most `timeout` seconds.
    func receive(timeout: Double) throws -> [UInt8] {
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                return line
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { kill(); throw Failure.timedOut(timeout) }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(remaining * 1000, 1000).rounded(.up)))
            if ready < 0 && errno != EINTR { throw Failure.exited("poll failed: \(String(cString: strerror(errno)))") }
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 {
                process.waitUntilExit()
                throw Failure.exited("the process exited (\(exitDescription()))")
            }
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    func exitDescription() -> String {
        if process.isRunning { return "still running" }
        switch process.terminationReason {
        case .uncaughtSignal: return "killed by signal \(process.terminationStatus)"
        default: return "exit status \(process.terminationStatus)"
        }
    }

    func kill() {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Closes the plugin's input so it can exit on its own, then makes sure it has.
    func shutdown() {
        try? stdinPipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        kill()
    }
}
