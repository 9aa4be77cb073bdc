#if Database
import Dispatch
import Synchronization

/// Runs async work from the synchronous pipeline and waits for its result: loading is the run's last step
/// and nothing else runs meanwhile.
func waitFor<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
    let done = DispatchSemaphore(value: 0)
    let outcome = Outcome<Value>()
    Task {
        do { outcome.set(.success(try await work())) } catch { outcome.set(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try outcome.take().get()
}

private final class Outcome<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)

    func set(_ value: Result<Value, any Error>) { result.withLock { $0 = value } }
    func take() -> Result<Value, any Error> { result.withLock { $0! } }
}
#endif
