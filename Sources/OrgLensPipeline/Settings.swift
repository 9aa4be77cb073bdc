package import OrgLensMetrics
package import OrgLensModel
package import OrgLensSettings
import OrgLensStage

/// The settings as the analysis takes them: each declared setting (a flag over the file over the default)
/// turned into the values the stages work with, with the checks that span several keys.
package struct ResolvedSettings: Sendable {
    package let costs: CostSettings
    package let orgLayer: Int
    package let maxDottedManagers: Int
    package let teamSizes: TeamSizeBands
    package let orgHeadBands: OrgHeadBands
    /// Span bands per role (`thresholds.span`); the defaults for every role not given.
    package let spanPolicy: SpanPolicy
    package let contractorTypes: [String]?
    /// Personal fields outputs may carry.
    package let publish: [String]

    func publishedFields(path: String) throws(RunError) -> [PersonField] {
        var fields: [PersonField] = []
        for name in publish {
            guard let field = PersonField(rawValue: name), ![.employeeID, .managerID].contains(field) else {
                throw RunError(
                    .configuration,
                    "\(path): privacy.publish names '\(name)'; personal fields are: \(PersonField.allCases.dropFirst(2).map(\.rawValue).joined(separator: ", "))."
                )
            }
            fields.append(field)
        }
        return fields
    }

    package init(_ file: ConfigFile) throws(RunError) {
        var costs = CostSettings(
            currency: file.costs.currency, rates: file.costs.rates, allInMultiplier: file.costs.allInMultiplier,
            minGroupSize: file.privacy.minGroupSize, contractorsInSpans: file.costs.contractorsInSpans)
        costs.dimensions = CostDimensions(
            file.costs.dimensions.map { dimension in
                switch dimension {
                case .tree: .tree
                case .layers: .layers
                case .teams: .teams
                }
            })
        costs.precision = file.privacy.costPrecision
        costs.historyWindow = file.privacy.historyWindow
        self.costs = costs
        let thresholds = file.thresholds
        orgLayer = thresholds.orgLayer
        maxDottedManagers = thresholds.maxDottedManagers
        teamSizes = TeamSizeBands(minimum: thresholds.teamMinSize, maximum: thresholds.teamMaxSize)
        guard teamSizes.minimum <= teamSizes.maximum else {
            throw RunError(
                .configuration,
                "the team minimum size (\(teamSizes.minimum)) is above the maximum (\(teamSizes.maximum)).")
        }
        orgHeadBands = OrgHeadBands(
            minEMReports: thresholds.orgHeads.minEMReports, maxEMReports: thresholds.orgHeads.maxEMReports,
            minEngineers: thresholds.orgHeads.minEngineers, departments: thresholds.orgHeads.departments)
        contractorTypes = file.costs.contractorTypes
        publish = file.privacy.publish
        var byRole: [ManagerRole: SpanBands] = [:]
        for (role, given) in thresholds.span.byRole {
            guard
                let bands = SpanBands(
                    narrowMax: given.narrowMax, healthyMax: given.healthyMax, splitAt: given.splitAt)
            else {
                throw RunError(
                    .configuration,
                    "thresholds.span.\(role.rawValue): narrow_max \(given.narrowMax), healthy_max \(given.healthyMax), split_at \(given.splitAt) do not make bands; need 0 <= narrow_max < healthy_max and split_at >= healthy_max + 2."
                )
            }
            byRole[role] = bands
        }
        spanPolicy = SpanPolicy(byRole: byRole)
    }
}
