public import OrgLensModel

/// What a `manager_id` value holds: most exports give the manager's id, some their email or name
/// (BambooHR's "Reports To").
public enum ManagerReference: String, Sendable, Hashable, CaseIterable {
    case id, email, name
}

/// Who counts as part of the org on `asOf`, and how the export marks a person with no manager.
public struct PeoplePolicy: Sendable, Hashable {
    /// Status values (compared case-insensitively) that leave a row out of the org.
    public var inactiveStatuses: Set<String>
    /// `manager_id` values (compared case-insensitively) that mean "no manager", e.g. `XX`, `N/A`, `0`.
    public var rootMarkers: Set<String>
    /// People hired after this day have not started and are left out.
    public var asOf: CivilDate
    /// `employment_type` values (compared case-insensitively) that mean contractor.
    public var contractorTypes: Set<String>
    public var managerReference: ManagerReference

    public static let defaultInactiveStatuses: Set<String> = ["terminated", "inactive", "pending-start"]
    public static let defaultContractorTypes: Set<String> = ["contractor", "contingent", "consultant", "temp"]

    public init(
        asOf: CivilDate, inactiveStatuses: [String]? = nil, rootMarkers: [String] = [], contractorTypes: [String]? = nil,
        managerReference: ManagerReference = .id
    ) {
        self.managerReference = managerReference
        self.asOf = asOf
        self.inactiveStatuses = Set((inactiveStatuses ?? Array(Self.defaultInactiveStatuses)).map { $0.lowercased() })
        self.rootMarkers = Set(rootMarkers.map { $0.lowercased() })
        self.contractorTypes = Set((contractorTypes ?? Array(Self.defaultContractorTypes)).map { $0.lowercased() })
    }
}
