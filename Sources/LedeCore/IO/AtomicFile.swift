import Foundation

/// A file written under a temporary name beside its destination and renamed into place on commit.
///
/// A rename within one folder is atomic on POSIX file systems, so readers see either the previous
/// file or the complete new one, and a killed run leaves no half-written file under the final name.
public final class AtomicFile: @unchecked Sendable {
    public let path: String
    public let temporaryPath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20
    private var closed = false

    /// Creates the destination's folder if needed and opens the temporary file.
    public init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let name = (path as NSString).lastPathComponent
        temporaryPath = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil) else {
            throw StageFailure("cannot create '\(temporaryPath)': check that the folder is writable")
        }
        guard let h = FileHandle(forWritingAtPath: temporaryPath) else {
            throw StageFailure("cannot open '\(temporaryPath)' for writing")
        }
        handle = h
        buffer.reserveCapacity(flushThreshold)
    }

    public func write(_ string: String) throws {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= flushThreshold { try flush() }
    }

    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws {
        guard !closed else { return }
        try flush()
        try handle.synchronize()
        try handle.close()
        closed = true
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw StageFailure("cannot move '\(temporaryPath)' to '\(path)': \(reason)")
        }
    }

    /// Removes the temporary file; the destination is left as it was.
    public func discard() {
        guard !closed else { return }
        try? handle.close()
        closed = true
        unlink(temporaryPath)
    }

    deinit { discard() }
}
