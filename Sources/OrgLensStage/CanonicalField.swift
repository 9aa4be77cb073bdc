/// A set of canonical columns for one kind of input, and the option that renames them.
public protocol CanonicalField: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// Columns a source of this kind cannot be read without.
    static var required: [Self] { get }
    /// The CLI option that maps these fields (`--map`, `--teams-map`, …), for messages.
    static var mapOption: String { get }
}

extension PersonField: CanonicalField {
    public static let mapOption = "--map"
}

/// Canonical columns of a teams export.
public enum TeamField: String, CanonicalField {
    case teamID = "team_id"
    case name
    case parentTeamID = "parent_team_id"
    case leadID = "lead_id"
    case type

    public static let required: [TeamField] = [.teamID]
    public static let mapOption = "--teams-map"
}

/// Canonical columns of a service catalog: one row per owning team.
public enum ServiceField: String, CanonicalField {
    case serviceID = "service_id"
    case name
    case ownerTeamID = "owner_team_id"

    public static let required: [ServiceField] = [.serviceID]
    public static let mapOption = "--services-map"
}

/// Canonical columns of a service dependency list.
public enum DependencyField: String, CanonicalField {
    case serviceID = "service_id"
    case dependsOnServiceID = "depends_on_service_id"

    public static let required: [DependencyField] = [.serviceID, .dependsOnServiceID]
    public static let mapOption = "--dependencies-map"
}
