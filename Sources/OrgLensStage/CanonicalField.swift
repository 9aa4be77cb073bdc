/// A set of canonical columns for one kind of input, and the option that renames them.
package protocol CanonicalField: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// Columns a source of this kind cannot be read without.
    static var required: [Self] { get }
    /// The CLI option that maps these fields (`--map`, `--teams-map`, …), for messages.
    static var mapOption: String { get }
}

extension PersonField: CanonicalField {
    package static let mapOption = "--map"
}

/// Canonical columns of a teams export.
package enum TeamField: String, CanonicalField {
    case teamID = "team_id"
    case name
    case parentTeamID = "parent_team_id"
    case leadID = "lead_id"
    case type

    package static let required: [TeamField] = [.teamID]
    package static let mapOption = "--teams-map"
}

/// Canonical columns of a service catalog: one row per owning team.
package enum ServiceField: String, CanonicalField {
    case serviceID = "service_id"
    case name
    case ownerTeamID = "owner_team_id"

    package static let required: [ServiceField] = [.serviceID]
    package static let mapOption = "--services-map"
}

/// Canonical columns of a service dependency list.
package enum DependencyField: String, CanonicalField {
    case serviceID = "service_id"
    case dependsOnServiceID = "depends_on_service_id"

    package static let required: [DependencyField] = [.serviceID, .dependsOnServiceID]
    package static let mapOption = "--dependencies-map"
}
