import Foundation
import OrgLensSystem
import Synchronization

/// Progress of a long run, for a person at a terminal: every two seconds a line on stderr with the stage, the
/// bytes of the inputs read so far and the time elapsed. Never under cron (stderr not a terminal), with `--quiet`
/// or with JSON logs: those read logs, not a screen. Quiet for the first two seconds, so short runs show nothing.
final class TerminalProgress: Sendable {
    static let interval = 2.0

    private let state: Mutex<(stage: String, stopped: Bool)> = Mutex(("starting", false))
    private let inputBytes: Int64
    private let startBytes: Int64
    private let start = Date()

    /// A reporter for a run over `inputs` (paths), or nil when nothing should be shown.
    static func start(inputs: [String], quiet: Bool, jsonLogs: Bool) -> TerminalProgress? {
        guard !quiet, !jsonLogs, POSIX.isTerminal(2) else { return nil }
        let progress = TerminalProgress(inputBytes: inputs.compactMap { POSIX.stamp(of: $0)?.size }.reduce(0, +))
        Thread.detachNewThread { progress.run() }
        return progress
    }

    private init(inputBytes: Int64) {
        self.inputBytes = inputBytes
        startBytes = Self.bytesReadByProcess()
    }

    /// The stage now starting.
    func stage(_ name: String) { state.withLock { $0.stage = name } }

    /// `stage` as the analysis calls it.
    var onStage: @Sendable (String) -> Void { { [self] name in stage(name) } }

    func stop() { state.withLock { $0.stopped = true } }

    private func run() {
        var next = Self.interval
        while true {
            Thread.sleep(forTimeInterval: 0.2)
            let (stage, stopped) = state.withLock { ($0.stage, $0.stopped) }
            if stopped { return }
            let elapsed = Date().timeIntervalSince(start)
            guard elapsed >= next else { continue }
            next += Self.interval
            var line = "orglens: \(stage), \(String(format: "%.0f", elapsed)) s"
            if stage == "reading", inputBytes > 0 {
                let read = min(inputBytes, max(0, Self.bytesReadByProcess() - startBytes))
                line += ", \(Self.megabytes(read)) of \(Self.megabytes(inputBytes)) MB of the inputs read"
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    private static func megabytes(_ bytes: Int64) -> String { String(bytes / 1_000_000) }

    /// Bytes this process has read so far (`rchar` of /proc/self/io; pread included).
    private static func bytesReadByProcess() -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("rchar:") {
            return Int64(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }
}
