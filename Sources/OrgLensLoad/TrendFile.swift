public import OrgLensHistory
public import OrgLensMetrics
public import OrgLensModel

/// `history/trend.ndjson` in an outputs directory: one record per published `as_of`, ever — the summary, the
/// data-quality counts and the change counts, no cost figure — oldest first.
public enum TrendFile {
    /// The record of one run (one line). Each run keeps its own in its run directory, so the trend can be rebuilt.
    public static func record(
        asOf: CivilDate, summary: OrgSummary, people: DataQuality, changes: Changes?
    ) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.field("as_of", asOf.description)
        DashboardDocument.writeSummaryFields(summary, to: &json)
        json.field("rows_read", people.rowsRead)
        json.field("in_org", people.accepted)
        json.field("excluded", people.excludedTotal)
        json.field("quarantined", people.quarantinedTotal)
        json.field("previous_as_of", changes?.previousAsOf?.description)
        ChangesSection.writeCounts(changes?.counts, to: &json)
        json.endObject()
        return json.finished()
    }

    /// `existing` (the trend file as it is, if any) with every record in `records` put in: a day's record replaces
    /// the one already there. Records stay in `as_of` order.
    public static func merge(existing: [UInt8]?, records: [(asOf: String, line: [UInt8])]) -> [UInt8] {
        var byDay: [String: [UInt8]] = [:]
        for line in (existing ?? []).split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let day = Self.asOf(of: Array(line)) else { continue }
            byDay[day] = Array(line) + [UInt8(ascii: "\n")]
        }
        for record in records { byDay[record.asOf] = record.line }
        return byDay.keys.sorted().flatMap { byDay[$0]! }
    }

    /// The `as_of` a record starts with (`{"as_of": "2026-11-01", …`).
    static func asOf(of line: [UInt8]) -> String? {
        let prefix = Array(#"{"as_of": ""#.utf8)
        guard line.count >= prefix.count + 10, Array(line.prefix(prefix.count)) == prefix else { return nil }
        let day = String(decoding: line[prefix.count..<prefix.count + 10], as: UTF8.self)
        return CivilDate(iso: Substring(day)) == nil ? nil : day
    }
}
