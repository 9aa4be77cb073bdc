package import OrgLensModel

/// The rows of a positions export, typed: one entry per accepted position, in source order. A positions export
/// is small (thousands of rows, not millions): plain arrays of strings are fine here.
package struct StagedPositions: Sendable {
    package let source: String
    package internal(set) var ids: [String] = []
    /// The hiring manager as written (trimmed; "" when none), until `resolveManagers` turns each into an id.
    package internal(set) var managers: [String] = []
    package internal(set) var teamIDs: [String] = []
    package internal(set) var status: [PositionStatus] = []
    package internal(set) var plannedStart: [CivilDate?] = []
    /// Planned annual pay × 1,000,000 in `currency`, or -1 when the row gives none.
    package internal(set) var budgetMicro: [Int64] = []
    /// The budget's currency code (upper-cased); nil: the reporting currency.
    package internal(set) var currency: [String?] = []
    package internal(set) var role: [PositionRole] = []
    package internal(set) var line: [Int] = []
    package internal(set) var rejections: [Rejection] = []
    package internal(set) var rowsRead = 0

    init(source: String) { self.source = source }

    package var count: Int { ids.count }

    /// Whether any position names a team: only then are teams given planned figures. A column empty in every row
    /// (an XML layout's selector no record has) names none.
    package var namesTeams: Bool { teamIDs.contains { !$0.isEmpty } }

    /// Turns each hiring manager written as an email or a name into the id of the person the people export
    /// gives it to (`people` must hold the email or name columns). An id stays as written; a reference that
    /// matches no one, or several people, becomes "" and the position counts in no one's plan.
    package mutating func resolveManagers(people: RawTable, reference: ManagerReference) {
        let kind: ManagerReference
        switch reference {
        case .id: return
        case .email: kind = .email
        // Names are looked up with emails and ids beside them, so one lookup serves a mixed column.
        case .name, .auto: kind = .name
        }
        guard let lookup = ManagerLookup(table: people, reference: kind),
            let ids = people.column(PersonField.employeeID.rawValue)
        else { return }
        managers = managers.map { written in
            // `auto` reads a value as an id unless it looks like an email or a name.
            if written.isEmpty || (reference == .auto && !written.contains("@") && !written.contains(" ")) {
                return written
            }
            switch lookup.resolve(written, from: -1, isEligible: { _ in true }) {
            case .found(let record): return ids.trimmedString(at: record)
            case .ambiguous, .none: return ""
            }
        }
    }

    /// Replaces each hiring manager's id with its pseudonym, as the people's ids are.
    package mutating func pseudonymizeManagers(_ pseudonym: (String) -> String) {
        managers = managers.map { $0.isEmpty ? "" : pseudonym($0) }
    }
}
