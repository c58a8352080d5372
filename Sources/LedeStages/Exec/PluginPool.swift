import Foundation
import LedeCore

/// The processes of one `exec` stage: started on demand up to `size`, lent to one worker thread at
/// a time, and replaced when one crashes, hangs or answers garbage.
final class PluginPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var idle: [PluginProcess] = []
    private var running = 0
    private let size: Int
    private let start: () throws -> PluginProcess
    /// Consecutive start failures; past a limit the stage fails documents at once instead of
    /// trying to start a plugin that cannot start.
    private var startFailures = 0
    private let maxStartFailures = 3

    /// - Parameter first: a process already started (by the handshake at load time), lent first.
    init(size: Int, first: PluginProcess?, start: @escaping () throws -> PluginProcess) {
        self.size = max(1, size)
        self.start = start
        if let first { idle.append(first); running = 1 }
    }

    /// Runs `body` with a process; a process that failed inside `body` is discarded, not reused.
    func with<T>(_ body: (PluginProcess) throws -> T) throws -> T {
        let process = try checkout()
        do {
            let result = try body(process)
            checkin(process, healthy: true)
            return result
        } catch {
            checkin(process, healthy: false)
            throw error
        }
    }

    private func checkout() throws -> PluginProcess {
        condition.lock()
        while idle.isEmpty && running >= size { condition.wait() }
        if let p = idle.popLast() { condition.unlock(); return p }
        if startFailures >= maxStartFailures {
            condition.unlock()
            throw StageFailure("the plugin failed to start \(maxStartFailures) times in a row; not trying again")
        }
        running += 1
        condition.unlock()
        do {
            let p = try start()
            condition.lock(); startFailures = 0; condition.unlock()
            return p
        } catch {
            condition.lock(); running -= 1; startFailures += 1; condition.broadcast(); condition.unlock()
            throw error
        }
    }

    private func checkin(_ process: PluginProcess, healthy: Bool) {
        condition.lock()
        if healthy && process.isRunning { idle.append(process) } else {
            running -= 1
            process.kill()
        }
        condition.broadcast()
        condition.unlock()
    }

    deinit {
        for p in idle { p.shutdown() }
    }
}
