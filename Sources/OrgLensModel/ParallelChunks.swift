import Dispatch
import Synchronization

/// Splits `0..<count` into contiguous chunks, computes each on a Dispatch worker, and returns the
/// results in chunk order, so the merged output is the same for any number of workers.
///
/// Below `serialThreshold` items, or with one worker, everything runs on the calling thread:
/// for small inputs the thread hand-off costs more than it saves.
package func parallelChunks<Result: Sendable>(
    count: Int,
    workers: Int,
    serialThreshold: Int = 4096,
    _ body: @Sendable (Range<Int>) -> Result
) -> [Result] {
    let chunkCount = count < serialThreshold ? 1 : max(1, min(workers, count))
    if chunkCount == 1 { return [body(0..<count)] }
    let results = ChunkResults<Result>(count: chunkCount)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let lower = count * chunk / chunkCount
        let upper = count * (chunk + 1) / chunkCount
        results.store(body(lower..<upper), at: chunk)
    }
    return results.collect()
}

/// The project's one `@unchecked Sendable` type. It is sound because each worker writes a distinct
/// slot exactly once, and `collect()` runs only after `concurrentPerform` has returned (which
/// orders every write before it).
private final class ChunkResults<Result>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: Result, at index: Int) { slots[index] = result }

    func collect() -> [Result] { slots.map { $0! } }
}

/// Runs three independent computations side by side and returns their results; with one worker,
/// on the calling thread, in order.
///
/// The first runs on the calling thread, the others as separate Dispatch work items rather than as
/// iterations of one `concurrentPerform`: Dispatch runs a `concurrentPerform` nested inside another
/// with reduced width, which made the parallel CSV parse serial when it was one of the three.
package func concurrently<A: Sendable, B: Sendable, C: Sendable>(
    workers: Int, _ first: () -> A, _ second: @escaping @Sendable () -> B, _ third: @escaping @Sendable () -> C
) -> (A, B, C) {
    guard workers > 1 else { return (first(), second(), third()) }
    let group = DispatchGroup()
    let secondResult = ResultSlot<B>()
    let thirdResult = ResultSlot<C>()
    DispatchQueue.global().async(group: group) { secondResult.store(second()) }
    DispatchQueue.global().async(group: group) { thirdResult.store(third()) }
    let firstResult = first()
    group.wait()
    return (firstResult, secondResult.take(), thirdResult.take())
}

/// `concurrently` for two computations.
package func concurrently<A: Sendable, B: Sendable>(
    workers: Int, _ first: () -> A, _ second: @escaping @Sendable () -> B
) -> (A, B) {
    let (a, b, _) = concurrently(workers: workers, first, second) {}
    return (a, b)
}

/// A result handed from a Dispatch work item (or a task) to the thread waiting for it.
package final class ResultSlot<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    package init() {}

    package func store(_ result: Value) { value.withLock { $0 = result } }

    package func take() -> Value {
        value.withLock { stored in
            guard let result = stored else { preconditionFailure("taken before the work item finished") }
            return result
        }
    }
}
