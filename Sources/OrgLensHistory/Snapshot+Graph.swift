package import OrgLensGraph
package import OrgLensModel

extension Snapshot {
    /// The snapshot of a run's graph: ids as published, each person's team (`personTeam`, indices into `teamIDs`),
    /// org head and the run's findings.
    package init(
        asOf: CivilDate, keyFingerprint: String, graph: OrgGraph, personTeam: [Int32]?, teamIDs: TextColumn?,
        orgHead: [Int32], findings: [Finding]
    ) {
        let ids = Self.ids(of: graph)
        let flags = (0..<graph.count).map { person -> Flags in
            var flags: Flags = []
            if graph.directReports(of: person) > 0 { flags.insert(.manages) }
            if graph.top[person] == .root { flags.insert(.root) }
            return flags
        }
        self.init(
            asOf: asOf, keyFingerprint: keyFingerprint, ids: ids, manager: graph.parent,
            team: personTeam ?? [Int32](repeating: -1, count: graph.count), teamIDs: teamIDs ?? TextColumn(),
            layer: graph.layer.map { UInt16(clamping: $0) }, flags: flags, orgHead: orgHead,
            findings: [])
        setFindings(findings)
    }

    /// Each person's id as published, in the graph's person order.
    static func ids(of graph: OrgGraph) -> TextColumn {
        var ids = TextColumn()
        ids.reserveCapacity(values: graph.count, bytes: graph.count * 10)
        graph.keys.bytes.withUnsafeBytes { bytes in
            for person in 0..<graph.count {
                ids.append(UnsafeRawBufferPointer(rebasing: bytes[graph.keys.range(at: Int(graph.personKey[person]))]))
            }
        }
        return ids
    }

    /// The run's findings, as (rule, subject); the comparison's own (`changes.*`) are left out.
    package mutating func setFindings(_ findings: [Finding]) {
        self.findings = findings.filter { !$0.rule.rawValue.hasPrefix("changes.") }.map {
            FindingKey(rule: $0.rule.rawValue, subject: $0.subject)
        }
    }
}
