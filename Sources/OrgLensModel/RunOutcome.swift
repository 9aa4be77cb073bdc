/// How a `run` ended, as `status.json` reports it to monitoring.
package enum RunOutcome: String, Sendable, CaseIterable {
    case ok
    case publishedWithFindings = "published_with_findings"
    /// Published (`latest` switched), but `history/trend.ndjson` could not be updated (exit 74); the next run
    /// repairs it.
    case publishedHistoryNotUpdated = "published_history_not_updated"
    /// Published, but the BI database could not be loaded (exit 76; or 78 when it was made by a newer OrgLens);
    /// the next run loads every night it lacks.
    case publishedDatabaseNotLoaded = "published_database_not_loaded"
    case blocked
    case failed
}
