/// Planned cost of a group: its people's published cost plus the budgets of the planned positions in it, through
/// the same exact money, rounding and disclosure control as pay. One position's budget is one person's planned
/// pay, so a group publishes it only when its cost is published and its budgeted positions are none or at least
/// `min_group_size`, and, against each earlier published night, differ from that night's by none or by at least
/// `min_group_size` (or the difference of the two nights' figures would give a few budgets away).
package struct PlannedCost: Sendable, Hashable {
    /// Planned positions in the group with a budget.
    package let budgeted: Int
    /// In minor units of the reporting currency, rounded like every published cost; nil when withheld.
    package let costMinor: Int64?
    package let withheld: Withheld?

    package enum Withheld: String, Sendable, CaseIterable {
        /// The group's own cost is withheld.
        case cost
        /// Between one and `min_group_size` − 1 budgeted positions.
        case fewPositions = "few_positions"
        /// A handful of budgeted positions joined or left the group since an earlier published night.
        case changedSincePublished = "changed_since_published"
    }
}

/// Per-position inputs of the planned costs, in staged position order.
package struct PositionBudgets: Sendable {
    package let ids: [String]
    /// All-in planned cost in minor units of the reporting currency, or -1 without a budget.
    package let costMinor: [Int64]

    package init(ids: [String], costMinor: [Int64]) {
        self.ids = ids
        self.costMinor = costMinor
    }
}

package enum PlannedCosts {
    /// One group's planned cost. `members` are the planned positions in the group; `earlier` the ids each
    /// earlier published night counted in this group's planned cost.
    package static func figure(
        cost: CostFigures?, members: [Int], budgets: PositionBudgets, minGroupSize: Int, precisionMinor: Int64,
        earlier: [Set<String>]
    ) -> PlannedCost {
        let budgeted = members.filter { budgets.costMinor[$0] >= 0 }
        guard let cost, let costMinor = cost.costMinor else {
            return PlannedCost(budgeted: budgeted.count, costMinor: nil, withheld: .cost)
        }
        if !budgeted.isEmpty, budgeted.count < minGroupSize {
            return PlannedCost(budgeted: budgeted.count, costMinor: nil, withheld: .fewPositions)
        }
        let tonight = Set(budgeted.map { budgets.ids[$0] })
        for then in earlier where !then.isEmpty {
            let differing = tonight.symmetricDifference(then).count
            if differing > 0, differing < minGroupSize {
                return PlannedCost(budgeted: budgeted.count, costMinor: nil, withheld: .changedSincePublished)
            }
        }
        let sum = budgeted.reduce(Int64(0)) { $0 + budgets.costMinor[$1] }
        return PlannedCost(
            budgeted: budgeted.count, costMinor: costMinor + CostRollups.round(sum, to: precisionMinor), withheld: nil)
    }
}
