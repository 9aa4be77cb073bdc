#if Database
import Dispatch
import OrgLensModel

/// Runs async work from the synchronous pipeline and waits for its result: loading is the run's last step
/// and nothing else runs meanwhile.
func waitFor<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
    let done = DispatchSemaphore(value: 0)
    let outcome = ResultSlot<Result<Value, any Error>>()
    Task {
        do { outcome.store(.success(try await work())) } catch { outcome.store(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try outcome.take().get()
}
#endif
