extension Changes {
    /// The changes with the positions opened and closed since `before`, when both nights read positions.
    package func countingPositions(before: Snapshot?, after: Snapshot) -> Changes {
        guard let before, !before.positions.isEmpty, !after.positions.isEmpty else { return self }
        let openThen = Set(before.positions.lazy.filter(\.open).map(\.id))
        let openNow = Set(after.positions.lazy.filter(\.open).map(\.id))
        var changes = self
        changes.positionsOpened = openNow.subtracting(openThen).count
        changes.positionsClosed = openThen.subtracting(openNow).count
        return changes
    }
}
