import Foundation

/// A one-line progress bar with rate and ETA, redrawn on standard error at most five times a second.
///
/// Only used when standard error is a terminal and `--quiet` is not given; logs and pipes stay clean.
public final class ProgressReporter: @unchecked Sendable {
    private let total: Int?
    private var done = 0
    private var bytes = 0
    private let start = Date()
    private var lastDraw = Date.distantPast

    public init(total: Int?) { self.total = total }

    public static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func advance(bytes: Int) {
        done += 1
        self.bytes += bytes
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= 0.2 { draw(now); lastDraw = now }
    }

    func finish() {
        draw(Date())
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(_ now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 1e-3)
        let rate = Double(done) / elapsed
        let mbps = Double(bytes) / 1_048_576 / elapsed
        var line = "\r"
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] "
            line += "\(done)/\(total) docs"
            let eta = rate > 0 ? Double(total - done) / rate : 0
            line += String(format: "  %.0f docs/s  %.1f MB/s  ETA %@", rate, mbps, Self.duration(eta))
        } else {
            line += String(format: "%d docs  %.0f docs/s  %.1f MB/s", done, rate, mbps)
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
