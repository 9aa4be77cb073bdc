package import OrgLensModel

/// The personal fields `privacy.publish` lets the people table show, typed as text and trimmed: staging hands
/// them to the writer, so no writer reads the reader's table.
package struct PersonalColumns: Sendable {
    package let fields: [PersonField]
    private let columns: [TextColumn?]

    /// Takes the published fields' columns out of the export as read (absent columns give nulls).
    package init(_ table: RawTable, publish fields: [PersonField]) {
        self.fields = fields
        columns = fields.map { table.column($0.rawValue) }
    }

    /// Field `index`'s value on source record `record`, nil when empty or absent.
    package func value(_ index: Int, record: Int) -> String? {
        guard let text = columns[index]?.trimmedString(at: record), !text.isEmpty else { return nil }
        return text
    }
}
