/// The canonical people columns. Exports name them differently; `ColumnMapping` renames them onto these.
package enum PersonField: String, Sendable, CaseIterable {
    case employeeID = "employee_id"
    case managerID = "manager_id"
    case name
    /// Exports without a full-name column (Personio, ADP): the name managers are matched by is first + last.
    case firstName = "first_name"
    case lastName = "last_name"
    case email
    case title
    case level
    case teamID = "team_id"
    case department
    /// Dotted-line managers: ids (or emails, names, as `manager_id` holds) separated by `;` (or `,`, but for names).
    case dottedManagerIDs = "dotted_manager_ids"
    case location
    case employmentType = "employment_type"
    case status
    case hireDate = "hire_date"
    case salary
    case currency
    /// What `salary` is per (`Year`, `Hour`, `Monthly`, …) when it varies by row.
    case payPeriod = "pay_period"
    /// Effective-dated exports: the day the row takes effect (one row per change of a person).
    case effectiveDate = "effective_date"

    /// A source without these columns cannot be analysed at all.
    package static let required: [PersonField] = [.employeeID, .managerID]

    /// The fields this release computes with; readers skip every other column.
    package static let used: [PersonField] = [
        .employeeID, .managerID, .status, .hireDate, .teamID, .salary, .currency, .employmentType, .payPeriod,
        .effectiveDate, .dottedManagerIDs,
    ]

    /// `used`, plus the column managers are named by when `manager_id` holds emails or names, plus
    /// personal fields an output may publish.
    package static func read(for policy: PeoplePolicy, publishing published: [PersonField] = []) -> [PersonField] {
        var fields = used
        switch policy.managerReference {
        case .id: break
        case .email: fields.append(.email)
        // A name column may hold an email for some rows: the email column is read to match it.
        case .name: fields += [.email, .name, .firstName, .lastName, .department]
        case .auto: fields += [.email, .name, .firstName, .lastName, .department]
        }
        for field in published where !fields.contains(field) { fields.append(field) }
        return fields
    }
}
