public import OrgLensMetrics
public import OrgLensStage

/// Everything one analysis run needs to know, whichever front end (CLI flags, later pipeline files) filled it in.
public struct AnalysisRequest: Sendable {
    /// The people export and how to read it.
    public var people: PeopleSource
    public var policy: PeoplePolicy
    public var spanPolicy: SpanPolicy
    /// Dispatch workers for the parallel stages; results do not depend on it.
    public var workers: Int
    public var outputDirectory: String

    public init(
        people: PeopleSource, policy: PeoplePolicy, spanPolicy: SpanPolicy = SpanPolicy(), workers: Int, outputDirectory: String
    ) {
        self.people = people
        self.policy = policy
        self.spanPolicy = spanPolicy
        self.workers = max(1, workers)
        self.outputDirectory = outputDirectory
    }
}
