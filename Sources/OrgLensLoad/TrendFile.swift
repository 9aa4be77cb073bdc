import OrgLensContract
package import OrgLensHistory
package import OrgLensMetrics
package import OrgLensModel

/// `history/trend.ndjson` in an outputs directory: one record per published `as_of`, ever — the summary, the
/// data-quality counts and the change counts, no cost figure — oldest first.
package enum TrendFile {
    /// The record of one run (one line). Each run keeps its own in its run directory, so the trend can be rebuilt.
    package static func record(
        asOf: CivilDate, summary: OrgSummary, people: DataQuality, changes: Changes?, findings: Int
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
        json.field("open_findings", findings)
        json.endObject()
        return json.finished()
    }

    /// `existing` (the trend file as it is, if any) with every record in `records` put in: a day's record replaces
    /// the one already there. Records stay in `as_of` order. Each line, old or new, must be a trend record of the
    /// contract and is written again from what was parsed; one that is not is left out and named to `dropped`.
    package static func merge(
        existing: [UInt8]?, records: [(asOf: String, line: [UInt8])], dropped: (String) -> Void = { _ in }
    ) -> (bytes: [UInt8], dropped: Int) {
        var byDay: [String: [UInt8]] = [:]
        var droppedCount = 0
        for (number, line) in (existing ?? []).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated() where !line.isEmpty
        {
            guard let (day, canonical) = checked(Array(line)) else {
                droppedCount += 1
                dropped("history/trend.ndjson line \(number + 1) is not a trend record of this contract; left out")
                continue
            }
            byDay[day] = canonical
        }
        for record in records {
            let line = record.line.last == UInt8(ascii: "\n") ? Array(record.line.dropLast()) : record.line
            guard let (day, canonical) = checked(line), day == record.asOf else {
                droppedCount += 1
                dropped(
                    "the trend record of the run of \(record.asOf) is not a trend record of this contract; left out")
                continue
            }
            byDay[day] = canonical
        }
        return (byDay.keys.sorted().flatMap { byDay[$0]! }, droppedCount)
    }

    /// `existing` with one run's own record put in, whatever its day (nothing is reported of lines left out).
    package static func merge(existing: [UInt8]?, adding record: [UInt8]?) -> [UInt8] {
        guard let record,
            let (day, line) = checked(Array(record.last == UInt8(ascii: "\n") ? record.dropLast() : record[...]))
        else { return merge(existing: existing, records: []).bytes }
        return merge(existing: existing, records: [(day, line)]).bytes
    }

    /// The line's `as_of` and the line as the contract renders it (with its newline), when it is a trend record.
    static func checked(_ line: [UInt8]) -> (String, [UInt8])? {
        guard let value = SchemaValue.parse(line), OutputContract.trend.admits(value),
            case .object(let members) = value, case .string(let day) = members.first?.1
        else { return nil }
        return (day, Array(value.renderedLine().utf8) + [UInt8(ascii: "\n")])
    }
}
