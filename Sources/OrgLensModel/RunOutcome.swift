/// How a `run` ended, as `status.json` reports it to monitoring.
package enum RunOutcome: String, Sendable, CaseIterable {
    case ok
    case publishedWithFindings = "published_with_findings"
    /// Published (`latest` switched), but `history/trend.ndjson` could not be updated (exit 74); the next run
    /// repairs it.
    case publishedHistoryNotUpdated = "published_history_not_updated"
    case blocked
    case failed
}
