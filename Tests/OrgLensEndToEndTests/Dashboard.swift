import Foundation

/// Helpers for comparing dashboards of `run` (which says what changed) with those of `analyze` (which does not).
enum Dashboard {
    /// The dashboard without its closing `changes` object.
    static func withoutChanges(_ text: String) -> String {
        guard let range = text.range(of: ",\n  \"changes\": {") else { return text }
        return String(text[..<range.lowerBound]) + "\n}\n"
    }
}
