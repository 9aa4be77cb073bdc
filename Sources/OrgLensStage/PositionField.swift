/// Canonical columns of a positions export (open requisitions, hiring plans, a position-management report).
package enum PositionField: String, CanonicalField {
    case positionID = "position_id"
    /// The hiring manager: an id, or (`manager_ref: email` / `name`) an email or a name, as people's `manager_id`.
    case managerID = "manager_id"
    case teamID = "team_id"
    case status
    case plannedStart = "planned_start"
    /// The position's planned annual pay, written as the source writes pay.
    case budget
    case currency
    case role

    package static let required: [PositionField] = [.positionID, .managerID]
    package static let mapOption = "--positions-map"
}

/// Where a position stands. Open and offer positions are still to be filled; filled and closed ones are counted,
/// never planned.
package enum PositionStatus: String, Sendable, Hashable, CaseIterable {
    case open, offer, filled, closed

    /// Still to be filled: the positions a plan counts.
    package var isOpen: Bool { self == .open || self == .offer }
}

/// Whether the hire will manage people.
package enum PositionRole: String, Sendable, Hashable, CaseIterable {
    case ic, manager
}

extension ValueVocabulary where Meaning == PositionStatus {
    /// Words recruiting and position-management systems share; presets add their own.
    package static let common = ValueVocabulary([
        "open": .open, "opened": .open, "approved": .open, "unfilled": .open, "vacant": .open, "posted": .open,
        "sourcing": .open, "interviewing": .open, "on hold": .open,
        "offer": .offer, "offer extended": .offer, "offer accepted": .offer, "offer made": .offer,
        "pending start": .offer,
        "filled": .filled, "hired": .filled,
        "closed": .closed, "cancelled": .closed, "canceled": .closed, "archived": .closed, "draft": .closed,
        "frozen": .closed, "eliminated": .closed,
    ])
}

extension ValueVocabulary where Meaning == PositionRole {
    package static let common = ValueVocabulary([
        "ic": .ic, "individual contributor": .ic, "engineer": .ic, "no": .ic, "false": .ic, "0": .ic,
        "manager": .manager, "people manager": .manager, "management": .manager, "em": .manager, "yes": .manager,
        "true": .manager, "1": .manager,
    ])
}
