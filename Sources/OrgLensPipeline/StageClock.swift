import Dispatch
import Synchronization

/// Wall time per stage, for the manifest only: durations never enter `dashboard.json`.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((stage, Double(now - last) / 1e9))
        last = now
    }
}

/// Stage times shared with the streamed output files: the dashboard adds how long it took to render
/// and write, and the manifest, written after it, reports every stage including that one.
final class StageTimings: Sendable {
    private let recorded: Mutex<[(stage: String, seconds: Double)]>

    init(_ laps: [(stage: String, seconds: Double)]) { recorded = Mutex(laps) }

    var laps: [(stage: String, seconds: Double)] { recorded.withLock { $0 } }

    /// Times `body` as stage `stage`.
    func measure<Value>(_ stage: String, _ body: () -> Value) -> Value {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        recorded.withLock { $0.append((stage, seconds)) }
        return value
    }
}

/// A number one file's renderer sets and a later one reads (how many quarantine rows were written, for
/// the manifest).
final class Counter: Sendable {
    private let stored = Mutex(0)

    var value: Int { stored.withLock { $0 } }

    func set(_ value: Int) { stored.withLock { $0 = value } }
}
