import Foundation
package import OrgLensContract
package import OrgLensModel
import Yams

/// A reorganisation to try (`orglens plan --scenario FILE`): a name and changes applied in order to the org as
/// exported. Each kind of change is declared once, as a settings group: the reader and `orglens schema scenario`
/// come from it.
package struct Scenario: Sendable {
    package var name = ""
    package var changes: [Change] = []

    /// One change and the line it is on (refusals name it).
    package struct Change: Sendable {
        package let line: Int
        package let kind: Kind
    }

    package enum Kind: Sendable {
        case move(Move)
        case hire(Hire)
        case leave(Leave)
        case team(TeamMove)
        case fill(Fill)

        package var name: String {
            switch self {
            case .move: "move"
            case .hire: "hire"
            case .leave: "leave"
            case .team: "team"
            case .fill: "fill"
            }
        }
    }

    /// People to another manager: named ones, a manager's direct reports, or a whole org (its head moves).
    package struct Move: SettingsGroup {
        package var people: [String]?
        package var reportsOf: String?
        package var subtreeOf: String?
        package var toManager = ""

        package init() {}

        package static let settings: [Setting<Move>] = [
            .texts("people", \.people, "these people move (their own reports stay with them)"),
            .text("reports_of", \.reportsOf, "this manager's direct reports move"),
            .text("subtree_of", \.subtreeOf, "this person moves with everyone under them"),
            .text("to_manager", \.toManager, required: true, "their new manager"),
        ]
    }

    /// A new person, as the same row in the export would be.
    package struct Hire: SettingsGroup {
        package var id = ""
        package var manager = ""
        package var team: String?
        package var salary: String?
        package var currency: String?
        package var employmentType: String?

        package init() {}

        package static let settings: [Setting<Hire>] = [
            .text("id", \.id, required: true, "the new person's id (no one may have it)"),
            .text("manager", \.manager, required: true, "their manager"),
            .text("team", \.team, "their team id"),
            .text("salary", \.salary, "their pay, written as the export writes pay"),
            .text("currency", \.currency, "the pay's currency code"),
            .text("employment_type", \.employmentType, "as the export writes it (full-time, contractor, …)"),
        ]
    }

    /// People who leave; their reports must be moved first, or go to `reports_to`.
    package struct Leave: SettingsGroup {
        package var people: [String] = []
        package var reportsTo: String?

        package init() {}

        package static let settings: [Setting<Leave>] = [
            .texts("people", \.people, "these people leave the org"),
            .text("reports_to", \.reportsTo, "who their remaining direct reports move to"),
        ]
    }

    /// People to another team.
    package struct TeamMove: SettingsGroup {
        package var people: [String] = []
        package var toTeam = ""

        package init() {}

        package static let settings: [Setting<TeamMove>] = [
            .texts("people", \.people, "these people change team"),
            .text("to_team", \.toTeam, required: true, "their new team id"),
        ]
    }

    /// An open position becomes a person (with a positions export).
    package struct Fill: SettingsGroup {
        package var position = ""
        package var id = ""
        package var salary: String?
        package var currency: String?

        package init() {}

        package static let settings: [Setting<Fill>] = [
            .text("position", \.position, required: true, "the open position filled"),
            .text("id", \.id, required: true, "the new person's id; they report to the position's hiring manager"),
            .text("salary", \.salary, "their pay (default: the position's budget)"),
            .text("currency", \.currency, "the pay's currency code (default: the budget's)"),
        ]
    }

    /// The scenario file's contract: `orglens schema scenario`.
    package static let contract = ContractRecord(
        "scenario", "A reorganisation to try: changes applied in order to the org as exported.",
        [
            ContractField("name", .string(), "what the plan is called").optional,
            ContractField(
                "changes",
                .arrayOf(
                    .anyOf([
                        change("move", Move.self, "people to another manager"),
                        change("hire", Hire.self, "a new person"),
                        change("leave", Leave.self, "people who leave"),
                        change("team", TeamMove.self, "people to another team"),
                        change("fill", Fill.self, "an open position becomes a person"),
                    ])), "the changes, applied in order"),
        ])

    private static func change<Group: SettingsGroup>(_ key: String, _: Group.Type, _ meaning: String) -> ContractType {
        .object(ContractRecord(key, meaning, [ContractField(key, .object(Group.contract(key, meaning)), meaning)]))
    }

    /// Reads and checks a scenario file: every key, with `file:line:column` on errors (exit 78).
    package static func load(_ path: String) throws(RunError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError(.cannotOpenInput, "cannot open scenario file '\(path)'; check the path.")
        }
        return try Scenario(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    package init(yaml text: String, path: String) throws(RunError) {
        let reader = NodeReader(path: path)
        guard let node = try reader.compose(text) else { throw reader.fail("the scenario is empty; it needs changes") }
        let keys = try reader.mapping(node, at: "the top level", allowed: ["name", "changes"])
        name =
            try reader.string(keys["name"], at: "name")
            ?? ((path as NSString).lastPathComponent as NSString)
            .deletingPathExtension
        guard let list = keys["changes"], case .sequence(let items) = list, !items.isEmpty else {
            throw reader.fail(keys["changes"] ?? node, "changes must be a list of at least one change")
        }
        for (index, item) in items.enumerated() {
            let place = "changes[\(index)]"
            let entry = try reader.mapping(item, at: place, allowed: ["move", "hire", "leave", "team", "fill"])
            guard entry.count == 1, let (kind, value) = entry.first else {
                throw reader.fail(item, "\(place) must hold exactly one change: move, hire, leave, team or fill")
            }
            let line = item.mark?.line ?? 0
            let at = "\(place).\(kind)"
            switch kind {
            case "move":
                let move = try Move.read(value, at: at, reader: reader)
                let given = [move.people != nil, move.reportsOf != nil, move.subtreeOf != nil].filter { $0 }.count
                guard given == 1 else {
                    throw reader.fail(value, "\(at) needs exactly one of people, reports_of or subtree_of")
                }
                changes.append(Change(line: line, kind: .move(move)))
            case "hire": changes.append(Change(line: line, kind: .hire(try Hire.read(value, at: at, reader: reader))))
            case "leave":
                let leave = try Leave.read(value, at: at, reader: reader)
                guard !leave.people.isEmpty else { throw reader.fail(value, "\(at).people must name someone") }
                changes.append(Change(line: line, kind: .leave(leave)))
            case "team":
                let team = try TeamMove.read(value, at: at, reader: reader)
                guard !team.people.isEmpty else { throw reader.fail(value, "\(at).people must name someone") }
                changes.append(Change(line: line, kind: .team(team)))
            default: changes.append(Change(line: line, kind: .fill(try Fill.read(value, at: at, reader: reader))))
            }
        }
    }
}
