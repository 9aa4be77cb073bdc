import OrgLensGraph
package import OrgLensModel

/// Healthy shape of a director's org: 2–4 EMs reporting, at least 10 engineers below.
package struct OrgHeadBands: Sendable, Hashable {
    package var minEMReports: Int
    package var maxEMReports: Int
    package var minEngineers: Int
    /// The departments whose org heads the shape rules judge (an org head's own department, ignoring case);
    /// nil: every org head. A sales or support org is not built like an engineering one.
    package var departments: [String]?

    package init(minEMReports: Int = 2, maxEMReports: Int = 4, minEngineers: Int = 10, departments: [String]? = nil) {
        self.minEMReports = minEMReports
        self.maxEMReports = maxEMReports
        self.minEngineers = minEngineers
        self.departments = departments
    }
}

/// One row of `org_heads`: a person at the org layer who manages.
package struct OrgHeadRecord: Sendable, Hashable {
    package enum Shape: String, Sendable, CaseIterable {
        case mixed
        case tooFewEMReports = "too_few_em_reports"
        case tooManyEMReports = "too_many_em_reports"
        case tooSmall = "too_small"
        case healthy
        /// Outside `OrgHeadBands.departments`: no shape rule applies.
        case notJudged = "not_judged"
    }

    package let id: String
    package let emReports: Int
    package let icReports: Int
    /// Teams whose org head this is; nil without a teams export.
    package let teams: Int?
    /// Everyone below (org size).
    package let engineers: Int
    package let depthBelow: Int
    package let shape: Shape
    package let costs: CostFigures?
    /// Engineers plus the planned positions in the org; nil without a positions export.
    package var plannedHeadcount: Int? = nil
    /// With pay and a positions export.
    package var plannedCost: PlannedCost? = nil
}

/// The `org_heads` table and its findings, from the `managers` table (same subtrees, same suppression).
package enum OrgHeads {
    package static func compute(
        orgLayer: Int, managers: [ManagerRecord], teams: [TeamRecord]?, costs: CostRollups?, bands: OrgHeadBands,
        department: (Int32) -> String? = { _ in nil }
    ) -> (records: [OrgHeadRecord], findings: [Finding]) {
        let judged = bands.departments.map { Set($0.map { $0.lowercased() }) }
        var teamsByHead: [String: Int] = [:]
        for team in teams ?? [] { if let head = team.orgHead { teamsByHead[head, default: 0] += 1 } }
        var records: [OrgHeadRecord] = []
        var findings: [Finding] = []
        for manager in managers where manager.layer == orgLayer {
            let judgedHere = judged.map { $0.contains((department(manager.person) ?? "").lowercased()) } ?? true
            let shape = judgedHere ? Self.shape(of: manager, bands: bands) : .notJudged
            records.append(
                OrgHeadRecord(
                    id: manager.id, emReports: manager.directManagers, icReports: manager.directICs,
                    teams: teams == nil ? nil : teamsByHead[manager.id, default: 0], engineers: manager.orgSize,
                    depthBelow: manager.depthBelow, shape: shape, costs: costs?.subtree(of: Int(manager.person)),
                    plannedHeadcount: manager.plan?.plannedOrgSize))
            if let finding = finding(for: shape, id: manager.id, manager: manager, bands: bands) {
                findings.append(finding)
            }
        }
        return (records, findings)
    }

    /// The first shape that applies to an org head the rules judge.
    private static func shape(of manager: ManagerRecord, bands: OrgHeadBands) -> OrgHeadRecord.Shape {
        if manager.directManagers > 0 && manager.directICs > 0 { return .mixed }
        if manager.directManagers < bands.minEMReports { return .tooFewEMReports }
        if manager.directManagers > bands.maxEMReports { return .tooManyEMReports }
        if manager.orgSize < bands.minEngineers { return .tooSmall }
        return .healthy
    }

    private static func finding(
        for shape: OrgHeadRecord.Shape, id: String, manager: ManagerRecord, bands: OrgHeadBands
    ) -> Finding? {
        switch shape {
        case .healthy, .notJudged:
            return nil
        case .mixed:
            return Finding(
                rule: .orgHeadMixed, severity: .warning, subject: id, value: Double(manager.directICs),
                message: .orgHeadMixed, numbers: [manager.directManagers, manager.directICs])
        case .tooFewEMReports:
            return Finding(
                rule: .orgHeadTooFewEMReports, severity: .warning, subject: id, value: Double(manager.directManagers),
                message: .orgHeadTooFewEMReports, numbers: [manager.directManagers, bands.minEMReports])
        case .tooManyEMReports:
            return Finding(
                rule: .orgHeadTooManyEMReports, severity: .warning, subject: id, value: Double(manager.directManagers),
                message: .orgHeadTooManyEMReports, numbers: [manager.directManagers, bands.maxEMReports])
        case .tooSmall:
            return Finding(
                rule: .orgHeadTooSmall, severity: .warning, subject: id, value: Double(manager.orgSize),
                message: .orgHeadTooSmall, numbers: [manager.orgSize, bands.minEngineers])
        }
    }
}

extension RuleMessage {
    static let orgHeadMixed: RuleMessage =
        "\(.subject) runs \(.number(0)) managers and \(.number(1)) individual contributors directly"
    static let orgHeadTooFewEMReports: RuleMessage =
        "\(.subject) has \(.number(0)) managers reporting (fewer than \(.number(1)))"
    static let orgHeadTooManyEMReports: RuleMessage =
        "\(.subject) has \(.number(0)) managers reporting (more than \(.number(1)))"
    static let orgHeadTooSmall: RuleMessage = "\(.subject)'s org has \(.number(0)) people (fewer than \(.number(1)))"
}
