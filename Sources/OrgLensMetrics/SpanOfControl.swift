import OrgLensGraph
import OrgLensModel

/// Span of control: each manager's direct reports, role and span band (the `managers` table) and the span
/// findings, a chunk of managers per Dispatch worker.
enum SpanOfControl {
    struct Chunk: Sendable {
        var records: [ManagerRecord] = []
        var findings: [Finding] = []
    }

    /// Managers are put in published order first (layer, then id bytes; managers in detached subtrees, on no
    /// layer, last), so the parallel chunks produce records already in place and merging is concatenation.
    static func build(
        graph: OrgGraph, totals: SubtreeTotals, policy: SpanPolicy, personTeam: [Int32]?, countsInSpan: [Bool]?,
        dottedReports: [Int32]? = nil, positions: OpenPositions? = nil, orgHeadOfPerson: [Int32]? = nil, workers: Int
    ) -> Chunk {
        let managers = graph.sortedByID(
            (0..<graph.count).filter { graph.directReports(of: $0) > 0 },
            group: { graph.layer[$0] == 0 ? .max : graph.layer[$0] })
        let chunks = parallelChunks(count: managers.count, workers: workers) { range in
            var chunk = Chunk()
            chunk.records.reserveCapacity(range.count)
            for index in range {
                chunk.add(
                    person: managers[index], graph: graph, totals: totals, policy: policy, personTeam: personTeam,
                    countsInSpan: countsInSpan, dottedReports: dottedReports, positions: positions,
                    orgHead: orgHeadOfPerson?[managers[index]] ?? -1)
            }
            return chunk
        }
        var merged = Chunk()
        merged.records.reserveCapacity(managers.count)
        for chunk in chunks {
            merged.records += chunk.records
            merged.findings += chunk.findings
        }
        return merged
    }
}

extension SpanOfControl.Chunk {
    mutating func add(
        person: Int, graph: OrgGraph, totals: SubtreeTotals, policy: SpanPolicy, personTeam: [Int32]?,
        countsInSpan: [Bool]?, dottedReports: [Int32]? = nil, positions: OpenPositions? = nil, orgHead: Int32 = -1
    ) {
        // Contractors can be left out of spans (a configuration choice); they stay in org sizes.
        let reports =
            countsInSpan.map { counts in graph.reports(of: person).filter { counts[Int($0)] } }
            ?? Array(graph.reports(of: person))
        let directManagers = reports.reduce(0) { $0 + (graph.directReports(of: Int($1)) > 0 ? 1 : 0) }
        let role: ManagerRole =
            graph.top[person] == .root ? .executive : directManagers > 0 ? .managerOfManagers : .managerOfICs
        let span = reports.count
        let band = policy.bands(for: role).band(for: span)
        let id = graph.id(person)
        let plan = positions.map { positions in
            let plannedSpan = span + Int(positions.plannedReports[person])
            return ManagerPlan(
                openPositions: Int(positions.openReports[person]), plannedSpan: plannedSpan,
                plannedSpanBand: policy.bands(for: role).band(for: plannedSpan),
                plannedOrgSize: Int(totals.orgSize[person]) + Int(positions.plannedBelow[person]))
        }
        if let plan, plan.plannedSpan > span, plan.plannedSpanBand == .split {
            findings.append(
                Finding(
                    rule: .spanPlannedSplit, severity: .warning, subject: id, value: Double(plan.plannedSpan),
                    message: .spanPlannedSplit,
                    numbers: [span, plan.plannedSpan - span, policy.bands(for: role).splitAt]))
        }
        records.append(
            ManagerRecord(
                person: Int32(person), id: id,
                managerID: graph.parent[person] < 0 ? nil : graph.id(Int(graph.parent[person])),
                orgHead: orgHead < 0 ? nil : graph.id(Int(orgHead)),
                layer: Int(graph.layer[person]), directReports: span,
                directICs: span - directManagers, directManagers: directManagers,
                orgSize: Int(totals.orgSize[person]),
                depthBelow: Int(totals.deepestLayer[person] - graph.depth[person]),
                spanBand: band, role: role,
                teamsSpanned: personTeam.map { Self.distinctTeams(of: reports, personTeam: $0) },
                dottedReports: dottedReports.map { Int($0[person]) }, plan: plan))
        addFindings(
            id: id, span: span, band: band, bands: policy.bands(for: role),
            onlyReport: span == 1 && directManagers == 1 ? graph.id(Int(reports.first!)) : nil)
    }

    /// Distinct known teams among `reports`, without a hash set per manager.
    static func distinctTeams(of reports: [Int32], personTeam: [Int32]) -> Int {
        var teams = reports.map { personTeam[Int($0)] }.filter { $0 >= 0 }
        teams.sort()
        var distinct = 0
        for (index, team) in teams.enumerated() where index == 0 || teams[index - 1] != team { distinct += 1 }
        return distinct
    }

    private mutating func addFindings(
        id: String, span: Int, band: SpanBands.Band, bands: SpanBands, onlyReport: String?
    ) {
        let value = Double(span)
        switch band {
        case .narrow:
            findings.append(
                Finding(
                    rule: .spanNarrow, severity: .info, subject: id, value: value,
                    message: span == 1 ? .spanNarrowOne : .spanNarrow, numbers: [span, bands.narrowMax]))
        case .healthy:
            break
        case .wide:
            findings.append(
                Finding(
                    rule: .spanWide, severity: .info, subject: id, value: value,
                    message: .spanWide, numbers: [span, bands.healthyMax + 1, bands.wideMax]))
        case .split:
            findings.append(
                Finding(
                    rule: .spanSplit, severity: .warning, subject: id, value: value,
                    message: .spanSplit, numbers: [span, bands.wideMax + 1]))
        }
        if span == 1 {
            findings.append(
                Finding(
                    rule: .managerSingleReport, severity: .info, subject: id, value: value,
                    message: .managerSingleReport))
        }
        if let onlyReport {
            findings.append(
                Finding(
                    rule: .managerLayerInflation, severity: .warning, subject: id, value: nil,
                    message: .managerLayerInflation, ids: [onlyReport]))
        }
    }
}

extension RuleMessage {
    static let spanNarrowOne: RuleMessage =
        "\(.subject) has \(.number(0)) direct report (narrow: ≤ \(.number(1))); a tech-lead arrangement or a merged team may serve better"
    static let spanNarrow: RuleMessage =
        "\(.subject) has \(.number(0)) direct reports (narrow: ≤ \(.number(1))); a tech-lead arrangement or a merged team may serve better"
    static let spanWide: RuleMessage =
        "\(.subject) has \(.number(0)) direct reports (wide: \(.number(1))–\(.number(2)))"
    static let spanSplit: RuleMessage = "\(.subject) has \(.number(0)) direct reports (≥ \(.number(1))); a split is due"
    static let spanPlannedSplit: RuleMessage =
        "\(.subject) has \(.number(0)) direct reports and \(.number(1)) planned positions, together at or over \(.number(2)); plan the split before hiring"
    static let managerSingleReport: RuleMessage = "\(.subject) has a single direct report"
    static let managerLayerInflation: RuleMessage =
        "\(.subject)'s only direct report, \(.id(0)), is also a manager: a layer that adds no span"
}
