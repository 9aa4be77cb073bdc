/// What kind of manager someone is, from the shape of their direct reports.
package enum ManagerRole: String, Sendable, CaseIterable {
    /// A root of the org with reports.
    case executive
    /// At least one direct report manages.
    case managerOfManagers = "manager_of_managers"
    case managerOfICs = "manager_of_ics"
}
