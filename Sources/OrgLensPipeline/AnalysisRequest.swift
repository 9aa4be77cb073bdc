public import OrgLensCSV
public import OrgLensMetrics
public import OrgLensStage

/// Everything one analysis run needs to know, whichever front end (CLI flags, later pipeline files) filled it in.
public struct AnalysisRequest: Sendable {
    /// The people export, as the user wrote its path.
    public var peoplePath: String
    public var mapping: ColumnMapping
    public var dialect: CSVDialect
    public var policy: PeoplePolicy
    public var spanPolicy: SpanPolicy
    /// Dispatch workers for the parallel stages; results do not depend on it.
    public var workers: Int
    public var outputDirectory: String

    public init(
        peoplePath: String, mapping: ColumnMapping = ColumnMapping(), dialect: CSVDialect = CSVDialect(),
        policy: PeoplePolicy, spanPolicy: SpanPolicy = SpanPolicy(), workers: Int, outputDirectory: String
    ) {
        self.peoplePath = peoplePath
        self.mapping = mapping
        self.dialect = dialect
        self.policy = policy
        self.spanPolicy = spanPolicy
        self.workers = max(1, workers)
        self.outputDirectory = outputDirectory
    }
}
