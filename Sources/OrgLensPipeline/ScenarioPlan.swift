import Foundation
package import Logging
import OrgLensGraph
import OrgLensHistory
import OrgLensLoad
import OrgLensMetrics
package import OrgLensModel
import OrgLensReport
package import OrgLensSettings
import OrgLensStage

/// `orglens plan`: the org as a pipeline reads it, and the same org with a scenario's changes applied to its exports,
/// analysed as one publication (the plan's figures are checked against the org's before any is published, as a
/// night is against the last). Writes `plan.json` and `after/` into `out`, outside every outputs directory.
package enum ScenarioPlan {
    package static func write(
        pipeline file: PipelineFile, scenario: Scenario, scenarioPath: String, asOf day: CivilDate, workers: Int,
        out: String, logger: Logger
    ) throws(RunError) -> String {
        try OutputsDirectoryGuard.refuseInside(out)
        try file.checkInputs()
        var request = try file.request(asOf: day, workers: workers, outputDirectory: out + "/after")
        guard request.pseudonymizer == nil else {
            throw RunError(
                .configuration,
                "\(file.path): a plan names people by the export's own ids, and privacy.pseudonymize replaces them; plan from a pipeline file without it."
            )
        }
        request.report = true
        request.tables = true
        request.peopleTable = false
        request.history = .init(baseline: nil, keepSnapshot: true)
        request.readCache = ReadCache()
        let before = try Analysis.compute(request, logger: logger)
        let edits = try ScenarioEdits.make(scenario, org: org(before), path: scenarioPath)
        var plan = request
        plan.editPeople = { table throws(RunError) in try edits.people(table) }
        plan.editPositions = { edits.positions($0) }
        var history = AnalysisRequest.HistoryRequest(baseline: before.snapshot, keepSnapshot: false)
        history.published = [before.snapshot!]
        plan.history = history
        let after = try Analysis.compute(plan, logger: logger)
        let (document, tables) = PlanDocument.render(
            scenario: scenario.name, asOf: day, done: edits.done, before: before.content, after: after.content)
        let changes = edits.done.map { "line \($0.line): \($0.kind): \($0.summary)" }
        let files =
            [OutputDirectory.File(name: "plan.json", bytes: document)]
            + after.files(stamp: ManifestDocument.Stamp()).map { file in
                // Streamed as a run's are; only the report is held whole, to open it on the Plan section.
                file.name == "report.html"
                    ? OutputDirectory.File(
                        name: "after/report.html",
                        bytes: PlanBanner.adding(
                            to: file.bytes, scenario: scenario.name, changes: changes, tables: tables),
                        mode: file.mode)
                    : OutputDirectory.File(name: "after/" + file.name, mode: file.mode, streaming: file.produce)
            }
        try OutputDirectory(path: out).publishWhole(files)
        logger.info("plan written", metadata: ["changes": "\(scenario.changes.count)", "directory": "\(out)"])
        return out + "/plan.json"
    }

    /// The org before the plan as the scenario is checked against: each person's manager, the open positions
    /// (with their hiring managers as published) and their budgets.
    static func org(_ before: Analysis.Result) -> ScenarioEdits.Org {
        var open: [String: (manager: String?, team: String?)] = [:]
        for position in before.content.positions ?? [] where position.status.isOpen {
            open[position.id] = (position.managerID, position.teamID)
        }
        var budgets: [String: (amount: String, currency: String?)] = [:]
        if let staged = before.positions {
            for index in 0..<staged.count where staged.budgetMicro[index] >= 0 {
                budgets[staged.ids[index]] = (amountText(micro: staged.budgetMicro[index]), staged.currency[index])
            }
        }
        return ScenarioEdits.Org(
            managerOf: ScenarioEdits.Managers(before.snapshot!), openPositions: open, budgets: budgets)
    }

    /// An amount as text a pay column reads alike in every format: whole units when it is whole (the usual budget),
    /// else with a point.
    static func amountText(micro: Int64) -> String {
        let (units, fraction) = micro.quotientAndRemainder(dividingBy: 1_000_000)
        guard fraction != 0 else { return String(units) }
        return "\(units)."
            + String(String(fraction + 1_000_000).dropFirst()).replacingOccurrences(
                of: "0+$", with: "", options: .regularExpression)
    }
}
