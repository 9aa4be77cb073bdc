import Foundation

/// Runs a command to completion under `/usr/bin/time` and reports its exit status and peak resident
/// memory. Measuring through a small intermediate process matters: a child spawned straight from the
/// test runner inherits the runner's own high-water mark in `ru_maxrss`.
package enum PeakMemory {
    package static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, peakKiB: Int) {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("orglens-rss-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-o", report.path, "-f", "%M", executable] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOf: report, encoding: .utf8)
        let peak = text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? -1
        return (process.terminationStatus, peak)
    }
}
