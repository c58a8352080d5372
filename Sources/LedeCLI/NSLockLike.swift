import Foundation

/// A small wrapper so the catalog's lock reads like `Mutex.withLock` on every platform.
final class NSLockLike: @unchecked Sendable {
    private let lock = NSLock()
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
