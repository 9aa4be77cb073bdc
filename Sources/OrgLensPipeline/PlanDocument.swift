import Foundation
import OrgLensContract
import OrgLensLoad
import OrgLensModel
import OrgLensReport

/// `plan.json`: the scenario, what each change did, the org's summary before and after, and every manager, org head
/// and team whose figures the plan changes, before → after, as the two dashboards publish them (a cost withheld on
/// either side is null on both sides' delta).
enum PlanDocument {
    /// The keys compared per table: (table, fields).
    static let compared: [(table: String, fields: [String])] = [
        ("managers", ["direct_reports", "span_band", "org_size", "planned_span", "cost"]),
        (
            "org_heads",
            ["em_reports", "engineers", "depth_below", "shape", "planned_headcount", "cost", "planned_cost"]
        ),
        ("teams", ["size", "reporting_managers", "cost"]),
    ]

    /// The summary keys shown before and after.
    static let summaryKeys = [
        "people", "managers", "managers_of_managers", "max_layer", "mean_span", "median_span", "span_narrow",
        "span_healthy", "span_wide", "span_split", "planned_positions",
    ]

    static func render(
        scenario: String, asOf: CivilDate, done: [(line: Int, kind: String, summary: String)], before: [UInt8],
        after: [UInt8]
    ) -> [UInt8] {
        let earlier = parse(before)
        let later = parse(after)
        var json = JSONWriter()
        json.beginObject(multiline: true)
        json.field("schema_version", OutputContract.schemaVersion)
        json.field("scenario", scenario)
        json.field("as_of", asOf.description)
        json.key("changes")
        json.beginArray(multiline: true)
        for change in done {
            json.beginObject()
            json.field("line", change.line)
            json.field("kind", change.kind)
            json.field("did", change.summary)
            json.endObject()
        }
        json.endArray()
        for (side, dashboard) in [("before", earlier), ("after", later)] {
            json.key(side)
            json.beginObject()
            let summary = dashboard["summary"] as? [String: Any] ?? [:]
            for key in summaryKeys where summary[key] != nil { write(key, summary[key], to: &json) }
            json.endObject()
        }
        for (table, fields) in compared {
            let rowsBefore = rows(earlier, table)
            let rowsAfter = rows(later, table)
            guard !rowsBefore.isEmpty || !rowsAfter.isEmpty else { continue }
            json.key(table)
            json.beginArray(multiline: true)
            for id in Set(rowsBefore.keys).union(rowsAfter.keys).sorted(by: {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }) {
                let (then, now) = (rowsBefore[id], rowsAfter[id])
                let changed = fields.contains { !same(then?[$0], now?[$0]) }
                guard changed else { continue }
                json.beginObject()
                json.field("id", id)
                // Every compared key, in the contract's order: null on a side that does not have it.
                for field in fields {
                    write("\(field)_before", then?[field], to: &json)
                    write("\(field)_after", now?[field], to: &json)
                }
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        return json.finished()
    }

    /// The figures that moved, per table, as the report's Plan section lists them (ids in `plan.json`'s order).
    static func bannerTables(before: [UInt8], after: [UInt8]) -> [(title: String, rows: [PlanBanner.Row])] {
        let titles = ["managers": "Managers", "org_heads": "Org heads", "teams": "Teams"]
        let (earlier, later) = (parse(before), parse(after))
        return compared.map { table, fields in
            let (then, now) = (rows(earlier, table), rows(later, table))
            let ids = Set(then.keys).union(now.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let changed = ids.compactMap { id -> PlanBanner.Row? in
                let figures = fields.filter { !same(then[id]?[$0], now[id]?[$0]) }.map {
                    (
                        label: $0.replacingOccurrences(of: "_", with: " "), before: shown(then[id]?[$0]),
                        after: shown(now[id]?[$0])
                    )
                }
                return figures.isEmpty ? nil : PlanBanner.Row(id: id, figures: figures)
            }
            return (titles[table] ?? table, changed)
        }
    }

    /// A figure as the report shows it: the dashboard's text, "—" when absent or withheld.
    static func shown(_ value: Any?) -> String {
        switch value {
        case let text as String: text
        case let number as NSNumber: grouped(number.stringValue)
        default: "—"
        }
    }

    /// `19803000` as `19,803,000` (the fraction, if any, as written).
    static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var index = digits.count - 3
        while index > (digits.first == "-" ? 1 : 0) {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits) + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func parse(_ bytes: [UInt8]) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }

    static func rows(_ dashboard: [String: Any], _ table: String) -> [String: [String: Any]] {
        var byID: [String: [String: Any]] = [:]
        for row in dashboard[table] as? [[String: Any]] ?? [] {
            if let id = row["id"] as? String { byID[id] = row }
        }
        return byID
    }

    static func same(_ lhs: Any?, _ rhs: Any?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let left as NSNumber, let right as NSNumber): left == right
        case (let left as String, let right as String): left == right
        case (is NSNull, is NSNull): true
        default: false
        }
    }

    /// A value as the dashboard had it: a number, a string, or null (absent on that side too).
    static func write(_ key: String, _ value: Any?, to json: inout JSONWriter) {
        json.key(key)
        switch value {
        case let text as String: json.string(text)
        case let number as NSNumber:
            if let whole = Int(exactly: number.doubleValue), !number.stringValue.contains(".") {
                json.int(whole)
            } else {
                json.decimal(number.doubleValue)
            }
        default: json.null()
        }
    }
}
