import Foundation
import OrgLensContract
import OrgLensGraph
import OrgLensLoad
import OrgLensMetrics
import OrgLensModel
import OrgLensReport

/// `plan.json`: the scenario, what each change did, the org's summary before and after, and every manager, org head
/// and team whose figures the plan moves, before → after, as the two runs publish them (a cost withheld is null).
/// Built from the two runs' typed records, keyed as `OutputContract.plan` declares.
enum PlanDocument {
    /// One published figure.
    enum Value: Equatable {
        case int(Int)
        case text(String)
        case cents(Int64)
        case null

        func write(_ key: String, to json: inout JSONWriter) {
            json.key(key)
            switch self {
            case .int(let value): json.int(value)
            case .text(let value): json.string(value)
            case .cents(let value): json.cents(value)
            case .null: json.null()
            }
        }

        /// As the report's Plan section shows it: as the dashboard writes it, digits grouped; "—" for nothing.
        var shown: String {
            switch self {
            case .int(let value): ReportFormat.grouped(String(value))
            case .text(let value): value
            case .cents(let value): ReportFormat.grouped(JSONWriter.centsText(value))
            case .null: "—"
            }
        }
    }

    /// Per compared table, each record's figures by id.
    typealias Records = [String: [String: [String: Value]]]

    static func records(_ content: DashboardContent) -> Records {
        let costs = content.costs?.rollups
        func money(_ minor: Int64?) -> Value { minor.map(Value.cents) ?? .null }
        var managers: [String: [String: Value]] = [:]
        for row in content.metrics.managers {
            managers[row.id] = [
                "direct_reports": .int(row.directReports), "span_band": .text(row.spanBand.rawValue),
                "org_size": .int(row.orgSize), "planned_span": row.plan.map { .int($0.plannedSpan) } ?? .null,
                "cost": money(costs?.subtree(of: Int(row.person))?.costMinor),
            ]
        }
        var orgHeads: [String: [String: Value]] = [:]
        for row in content.orgHeads {
            orgHeads[row.id] = [
                "em_reports": .int(row.emReports), "engineers": .int(row.engineers),
                "depth_below": .int(row.depthBelow),
                "shape": .text(row.shape.rawValue), "planned_headcount": row.plannedHeadcount.map(Value.int) ?? .null,
                "cost": money(row.costs?.costMinor), "planned_cost": money(row.plannedCost?.costMinor),
            ]
        }
        var teams: [String: [String: Value]] = [:]
        for row in content.teams?.teams ?? [] {
            teams[row.id] = [
                "size": .int(row.size), "reporting_managers": .int(row.reportingManagers),
                "cost": money(costs?.byTeam?[Int(row.team)].costMinor),
            ]
        }
        return ["managers": managers, "org_heads": orgHeads, "teams": teams]
    }

    /// The summary's figures `plan.json` shows, as the dashboard writes them.
    static func summary(_ summary: OrgSummary, to json: inout JSONWriter) {
        json.beginObject()
        for key in OutputContract.planSummaryKeys {
            switch key {
            case "people": json.field(key, summary.people)
            case "managers": json.field(key, summary.managers)
            case "managers_of_managers": json.field(key, summary.managersOfManagers)
            case "max_layer": json.field(key, summary.maxLayer)
            case "mean_span": json.field(key, decimal: summary.meanSpan)
            case "median_span": json.field(key, decimal: summary.medianSpan)
            case "planned_positions": if let positions = summary.positions { json.field(key, positions.planned) }
            default:
                let band = SpanBands.Band(rawValue: String(key.dropFirst("span_".count)))
                precondition(band != nil, "plan.json's summary key \(key) has no figure")
                json.field(key, summary.spanBands[band!] ?? 0)
            }
        }
        json.endObject()
    }

    /// Every compared record whose figures differ, in the contract's table order, by id as bytes.
    static func moved(
        before: Records, after: Records
    ) -> [(table: String, rows: [(id: String, figures: [(String, Value, Value)])])] {
        OutputContract.planCompared.map { table, keys in
            let (then, now) = (before[table] ?? [:], after[table] ?? [:])
            let ids = Set(then.keys).union(now.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let rows = ids.compactMap { id -> (String, [(String, Value, Value)])? in
                let figures = keys.map { key in (key, then[id]?[key] ?? .null, now[id]?[key] ?? .null) }
                return figures.contains { $0.1 != $0.2 } ? (id, figures) : nil
            }
            return (table, rows)
        }
    }

    static func render(
        scenario: String, asOf: CivilDate, done: [(line: Int, kind: String, summary: String)],
        before: DashboardContent, after: DashboardContent
    ) -> (document: [UInt8], banner: [(title: String, rows: [PlanBanner.Row])]) {
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
        json.key("before")
        summary(before.metrics.summary, to: &json)
        json.key("after")
        summary(after.metrics.summary, to: &json)
        let (then, now) = (records(before), records(after))
        let tables = moved(before: then, after: now)
        var banner: [(title: String, rows: [PlanBanner.Row])] = []
        for (table, rows) in tables where !(then[table] ?? [:]).isEmpty || !(now[table] ?? [:]).isEmpty {
            json.key(table)
            json.beginArray(multiline: true)
            for (id, figures) in rows {
                json.beginObject()
                json.field("id", id)
                for (key, was, is_) in figures {
                    was.write("\(key)_before", to: &json)
                    is_.write("\(key)_after", to: &json)
                }
                json.endObject()
            }
            json.endArray()
            banner.append(
                (
                    ["managers": "Managers", "org_heads": "Org heads", "teams": "Teams"][table] ?? table,
                    rows.map { id, figures in
                        PlanBanner.Row(
                            id: id,
                            figures: figures.filter { $0.1 != $0.2 }.map {
                                (
                                    label: $0.0.replacingOccurrences(of: "_", with: " "), before: $0.1.shown,
                                    after: $0.2.shown
                                )
                            })
                    }
                ))
        }
        json.endObject()
        return (json.finished(), banner)
    }
}
