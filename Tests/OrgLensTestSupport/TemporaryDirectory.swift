package import Foundation

/// A fresh directory under the system temp folder, removed when the value is released.
package final class TemporaryDirectory: Sendable {
    package let url: URL

    package init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("orglens-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    package var path: String { url.path }

    /// Writes `bytes` to `name` inside the directory and returns its path.
    @discardableResult
    package func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    package func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    package func read(_ name: String) -> String? {
        guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
