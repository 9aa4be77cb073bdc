public import OrgLensModel

/// What a `manager_id` value holds: most exports give the manager's id, some their email or name
/// (BambooHR's "Reporting to", HiBob's and Personio's "Supervisor"). `auto` decides from the values.
public enum ManagerReference: String, Sendable, Hashable, CaseIterable {
    case auto, id, email, name
}

/// How one source writes its values: dates, pay, and its own words for status and worker type.
public struct SourceValues: Sendable, Hashable {
    public var dateFormat: DateFormat = .iso
    public var payFormat = PayFormat()
    /// What an amount is per, when the value itself does not say (`/hr`, `monthly`, …).
    public var payPeriod: PayPeriod = .annual
    public var hoursPerYear: Int64 = 2080
    public var statuses = ValueVocabulary<StatusClass>()
    public var employmentTypes = ValueVocabulary<WorkerClass>()

    public init() {}
}

/// Who counts as part of the org on `asOf`, and how the export marks a person with no manager.
public struct PeoplePolicy: Sendable, Hashable {
    /// Status values (compared ignoring case and spacing) that leave a row out of the org.
    public var inactiveStatuses: Set<String>
    /// `manager_id` values (compared case-insensitively) that mean "no manager", e.g. `XX`, `N/A`, `0`.
    public var rootMarkers: Set<String>
    /// People hired after this day have not started and are left out.
    public var asOf: CivilDate
    /// `employment_type` values (compared ignoring case and spacing) that mean contractor.
    public var contractorTypes: Set<String>
    public var managerReference: ManagerReference
    public var values = SourceValues()

    public static let defaultInactiveStatuses: Set<String> = [
        "terminated", "inactive", "pending-start", "retired", "deceased",
    ]
    public static let defaultContractorTypes: Set<String> = [
        "contractor", "contingent", "consultant", "temp", "contingent worker", "freelance", "freelancer",
        "1099 contractor", "1099", "independent contractor", "external", "agency", "agency worker",
    ]

    public init(
        asOf: CivilDate, inactiveStatuses: [String]? = nil, rootMarkers: [String] = [],
        contractorTypes: [String]? = nil,
        managerReference: ManagerReference = .id, values: SourceValues = SourceValues()
    ) {
        self.managerReference = managerReference
        self.asOf = asOf
        self.inactiveStatuses = Set(
            (inactiveStatuses ?? Array(Self.defaultInactiveStatuses)).map(ValueVocabulary<StatusClass>.normalize))
        self.rootMarkers = Set(rootMarkers.map { $0.lowercased() })
        self.contractorTypes = Set(
            (contractorTypes ?? Array(Self.defaultContractorTypes)).map(ValueVocabulary<WorkerClass>.normalize))
        self.values = values
    }

    /// The source's own words first, then the inactive list, then the words every HRIS shares; nil: unmapped.
    public func statusClass(of value: String) -> StatusClass? {
        if let meaning = values.statuses.meaning(of: value) { return meaning }
        if inactiveStatuses.contains(ValueVocabulary<StatusClass>.normalize(value)) { return .inactive }
        return ValueVocabulary<StatusClass>.common.meaning(of: value)
    }

    /// The source's own words first, then the contractor list, then common employee words; nil: unmapped.
    public func workerClass(of value: String) -> WorkerClass? {
        if let meaning = values.employmentTypes.meaning(of: value) { return meaning }
        if contractorTypes.contains(ValueVocabulary<WorkerClass>.normalize(value)) { return .contractor }
        return ValueVocabulary<WorkerClass>.common.meaning(of: value)
    }
}
