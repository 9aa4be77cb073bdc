import OrgLensGraph
import OrgLensModel

/// Builds the `managers` table and the per-manager findings, a chunk of people per Dispatch worker.
enum ManagerTable {
    struct Chunk: Sendable {
        var records: [ManagerRecord] = []
        var findings: [Finding] = []
    }

    static func build(graph: OrgGraph, totals: SubtreeTotals, policy: SpanPolicy, workers: Int) -> Chunk {
        let chunks = parallelChunks(count: graph.count, workers: workers) { range in
            var chunk = Chunk()
            for person in range where graph.directReports(of: person) > 0 {
                chunk.add(person: person, graph: graph, totals: totals, policy: policy)
            }
            return chunk
        }
        var merged = Chunk()
        merged.records.reserveCapacity(chunks.reduce(0) { $0 + $1.records.count })
        for chunk in chunks {
            merged.records += chunk.records
            merged.findings += chunk.findings
        }
        merged.records.sort { lhs, rhs in
            lhs.layer != rhs.layer ? lhs.layer < rhs.layer : lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
        }
        return merged
    }
}

extension ManagerTable.Chunk {
    mutating func add(person: Int, graph: OrgGraph, totals: SubtreeTotals, policy: SpanPolicy) {
        let reports = graph.reports(of: person)
        let directManagers = reports.reduce(0) { $0 + (graph.directReports(of: Int($1)) > 0 ? 1 : 0) }
        let role: ManagerRole =
            graph.top[person] == .root ? .executive : directManagers > 0 ? .managerOfManagers : .managerOfICs
        let span = reports.count
        let band = policy.bands(for: role).band(for: span)
        let id = graph.ids[person]
        records.append(ManagerRecord(
            id: id, layer: Int(graph.layer[person]), directReports: span,
            directICs: span - directManagers, directManagers: directManagers,
            orgSize: Int(totals.orgSize[person]),
            depthBelow: Int(totals.deepestLayer[person] - graph.layer[person]),
            spanBand: band, role: role))
        addFindings(id: id, span: span, band: band, bands: policy.bands(for: role),
                    onlyReport: span == 1 && directManagers == 1 ? graph.ids[Int(reports.first!)] : nil)
    }

    private mutating func addFindings(id: String, span: Int, band: SpanBands.Band, bands: SpanBands, onlyReport: String?) {
        let value = Double(span)
        switch band {
        case .narrow:
            findings.append(Finding(
                rule: .spanNarrow, severity: .info, subject: id, value: value,
                message: "\(id) has \(span) direct report\(span == 1 ? "" : "s") (narrow: ≤ \(bands.narrowMax)); a tech-lead arrangement or a merged team may serve better"))
        case .healthy:
            break
        case .wide:
            findings.append(Finding(
                rule: .spanWide, severity: .info, subject: id, value: value,
                message: "\(id) has \(span) direct reports (wide: \(bands.healthyMax + 1)–\(bands.wideMax))"))
        case .split:
            findings.append(Finding(
                rule: .spanSplit, severity: .warning, subject: id, value: value,
                message: "\(id) has \(span) direct reports (≥ \(bands.wideMax + 1)); a split is due"))
        }
        if span == 1 {
            findings.append(Finding(
                rule: .managerSingleReport, severity: .info, subject: id, value: value,
                message: "\(id) has a single direct report"))
        }
        if let onlyReport {
            findings.append(Finding(
                rule: .managerLayerInflation, severity: .warning, subject: id, value: nil,
                message: "\(id)'s only direct report, \(onlyReport), is also a manager: a layer that adds no span"))
        }
    }
}
