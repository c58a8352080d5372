import Foundation
import LedeConfig

/// One unit of input, before it is read and decoded.
public enum SourceItem: Sendable {
    /// A file to read; `id` is its path relative to the input root.
    case file(id: String, path: String)
    /// Text that arrived inline (JSON Lines on standard input).
    case inline(id: String, text: String)
    /// An input line that could not even be turned into a document; recorded as a failure.
    case invalid(id: String, message: String)

    public var id: String {
        switch self { case .file(let id, _), .inline(let id, _), .invalid(let id, _): return id }
    }
}

/// Yields input items in a deterministic order (sorted by path, folder by folder), lazily, so a
/// folder of millions of files is never listed in memory at once.
public protocol DocumentSource: AnyObject {
    func next() -> SourceItem?
}

public enum DocumentSources {
    /// The source for an `input:` section: a folder, a single file, or `-` for standard input.
    public static func make(_ input: InputSpec) -> any DocumentSource {
        if input.path == "-" { return JSONLinesSource(handle: .standardInput, name: "stdin") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            if input.path.hasSuffix(".jsonl") { return JSONLinesSource(path: input.path) }
            return FileListSource(paths: [input.path])
        }
        return FolderSource(root: input.path, include: input.include.map(Glob.init), exclude: input.exclude.map(Glob.init))
    }
}

/// Walks a folder depth-first with each folder's entries sorted by name, which yields paths in
/// component-wise sorted order without holding the whole listing. Hidden entries are skipped.
public final class FolderSource: DocumentSource {
    private let root: String
    private let include: [Glob]
    private let exclude: [Glob]
    /// Pending entries per open folder, each list reversed so `popLast` yields the smallest name.
    private var stack: [(relative: String, entries: [(name: String, isDirectory: Bool)])] = []

    public init(root: String, include: [Glob], exclude: [Glob]) {
        self.root = root
        self.include = include
        self.exclude = exclude
        stack.append(("", Self.list(root)))
    }

    public func next() -> SourceItem? {
        while let top = stack.last {
            guard let entry = stack[stack.count - 1].entries.popLast() else {
                stack.removeLast()
                continue
            }
            let relative = top.relative.isEmpty ? entry.name : top.relative + "/" + entry.name
            let components = Glob.components(relative)
            if entry.isDirectory {
                if exclude.contains(where: { $0.matches(components: components) }) { continue }
                stack.append((relative, Self.list(root + "/" + relative)))
                continue
            }
            guard include.contains(where: { $0.matches(components: components) }),
                  !exclude.contains(where: { $0.matches(components: components) }) else { continue }
            return .file(id: relative, path: root + "/" + relative)
        }
        return nil
    }

    /// The entries of a folder, sorted by name (byte order) and reversed.
    private static func list(_ path: String) -> [(name: String, isDirectory: Bool)] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var entries: [(name: String, isDirectory: Bool)] = []
        while let ent = readdir(dir) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var isDirectory: Bool
            switch Int32(ent.pointee.d_type) {
            case Int32(DT_DIR): isDirectory = true
            case Int32(DT_REG): isDirectory = false
            default:
                var st = stat()
                guard stat(path + "/" + name, &st) == 0 else { continue }
                isDirectory = (st.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isDirectory))
        }
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        entries.reverse()
        return entries
    }
}

/// A fixed list of files (for example from the command line); ids are the paths as given.
public final class FileListSource: DocumentSource {
    private var paths: [String]
    public init(paths: [String]) { self.paths = paths.reversed() }
    public func next() -> SourceItem? {
        guard let path = paths.popLast() else { return nil }
        return .file(id: path, path: path)
    }
}

/// JSON Lines `{"id": …, "text": …}`, one document per line, read as a stream.
public final class JSONLinesSource: DocumentSource {
    private let reader: LineReader
    private let name: String
    private var lineNumber = 0

    public init(handle: FileHandle, name: String) {
        reader = LineReader(handle: handle)
        self.name = name
    }

    public convenience init(path: String) {
        self.init(handle: FileHandle(forReadingAtPath: path) ?? .nullDevice, name: (path as NSString).lastPathComponent)
    }

    private struct Line: Decodable { var id: String?; var text: String }

    public func next() -> SourceItem? {
        while let line = reader.next() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let fallbackID = "\(name):\(lineNumber)"
            do {
                let decoded = try JSONDecoder().decode(Line.self, from: Data(line))
                return .inline(id: decoded.id ?? fallbackID, text: decoded.text)
            } catch {
                return .invalid(id: fallbackID, message: "line \(lineNumber) is not a JSON object with a string \"text\" (and optional \"id\")")
            }
        }
        return nil
    }
}

/// Reads a handle line by line in large chunks.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false

    init(handle: FileHandle) { self.handle = handle }

    func next() -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[position...].firstIndex(of: 0x0A) {
                let line = buffer[position..<nl]
                position = nl + 1
                return line
            }
            if eof {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}

extension DocumentSources {
    /// How many documents an input holds, for the progress bar; nil for standard input.
    public static func count(_ input: InputSpec) -> Int? {
        if input.path == "-" { return nil }
        let source = make(input)
        if source is JSONLinesSource { return nil }
        var n = 0
        while source.next() != nil { n += 1 }
        return n
    }
}
