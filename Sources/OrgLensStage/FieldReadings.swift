/// How many values of a mapped field were there, and how many of them could not be read: what
/// `gates.max_unreadable_share` and `orglens validate` look at.
package struct FieldReading: Sendable, Hashable {
    package var nonEmpty = 0
    package var unreadable = 0

    package init(nonEmpty: Int = 0, unreadable: Int = 0) {
        self.nonEmpty = nonEmpty
        self.unreadable = unreadable
    }

    /// Unreadable ÷ non-empty (0 when the field is empty throughout).
    package var unreadableShare: Double { nonEmpty == 0 ? 0 : Double(unreadable) / Double(nonEmpty) }
}
