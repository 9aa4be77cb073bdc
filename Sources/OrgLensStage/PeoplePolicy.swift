package import OrgLensModel

/// What a `manager_id` value holds: most exports give the manager's id, some their email or name
/// (BambooHR's "Reporting to", HiBob's and Personio's "Supervisor"). `auto` decides from the values.
package enum ManagerReference: String, Sendable, Hashable, CaseIterable {
    case auto, id, email, name
}

/// How one source writes its values: dates, pay, and its own words for status and worker type.
package struct SourceValues: Sendable, Hashable {
    package var dateFormat: DateFormat = .iso
    package var payFormat = PayFormat()
    /// What an amount is per, when the value itself does not say (`/hr`, `monthly`, …).
    package var payPeriod: PayPeriod = .annual
    package var hoursPerYear: Int64 = 2080
    package var statuses = ValueVocabulary<StatusClass>()
    package var employmentTypes = ValueVocabulary<WorkerClass>()
    /// A positions export's own words for where a position stands.
    package var positionStatuses = ValueVocabulary<PositionStatus>()

    package init() {}
}

/// Who counts as part of the org on `asOf`, and how the export marks a person with no manager.
package struct PeoplePolicy: Sendable, Hashable {
    /// Status values (compared ignoring case and spacing) that leave a row out of the org.
    package var inactiveStatuses: Set<String>
    /// `manager_id` values (compared case-insensitively) that mean "no manager", e.g. `XX`, `N/A`, `0`.
    package var rootMarkers: Set<String>
    /// People hired after this day have not started and are left out.
    package var asOf: CivilDate
    /// `employment_type` values (compared ignoring case and spacing) that mean contractor.
    package var contractorTypes: Set<String>
    package var managerReference: ManagerReference
    package var values = SourceValues()

    package static let defaultInactiveStatuses: Set<String> = [
        "terminated", "inactive", "pending-start", "retired", "deceased",
    ]
    package static let defaultContractorTypes: Set<String> = [
        "contractor", "contingent", "consultant", "temp", "contingent worker", "freelance", "freelancer",
        "1099 contractor", "1099", "independent contractor", "external", "agency", "agency worker",
    ]

    package init(
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
    package func statusClass(of value: String) -> StatusClass? {
        if let meaning = values.statuses.meaning(of: value) { return meaning }
        if inactiveStatuses.contains(ValueVocabulary<StatusClass>.normalize(value)) { return .inactive }
        return ValueVocabulary<StatusClass>.common.meaning(of: value)
    }

    /// The source's own words first, then the contractor list, then common employee words; nil: unmapped.
    package func workerClass(of value: String) -> WorkerClass? {
        if let meaning = values.employmentTypes.meaning(of: value) { return meaning }
        if contractorTypes.contains(ValueVocabulary<WorkerClass>.normalize(value)) { return .contractor }
        return ValueVocabulary<WorkerClass>.common.meaning(of: value)
    }
}
