/// How a `run` ended, as `status.json` reports it to monitoring.
public enum RunOutcome: String, Sendable, CaseIterable {
    case ok
    case publishedWithFindings = "published_with_findings"
    case blocked
    case failed
}
