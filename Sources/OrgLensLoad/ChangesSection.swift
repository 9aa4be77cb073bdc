package import OrgLensHistory
import OrgLensMetrics
package import OrgLensModel

/// The `changes` object of `dashboard.json` and the change tables: counts and ids of managers and org heads,
/// never an individual mover (those go only to the 0600 `people_changes` table).
package enum ChangesSection {
    package static func write(_ changes: Changes, to json: inout JSONWriter) {
        json.key("changes")
        writeObject(changes, multiline: true, to: &json)
    }

    static func writeObject(_ changes: Changes, multiline: Bool, to json: inout JSONWriter) {
        json.beginObject(multiline: multiline)
        json.field("previous_as_of", changes.previousAsOf?.description)
        writeCounts(changes.counts, to: &json)
        json.field("max_layer_before", changes.maxLayerBefore)
        json.field("max_layer_after", changes.maxLayerAfter)
        if let opened = changes.positionsOpened, let closed = changes.positionsClosed {
            json.field("positions_opened", opened)
            json.field("positions_closed", closed)
        }
        json.endObject()
    }

    /// The change counts, null when nothing per person could be compared.
    static func writeCounts(_ counts: Changes.Counts?, to json: inout JSONWriter) {
        json.field("joiners", counts?.joiners)
        json.field("leavers", counts?.leavers)
        json.field("manager_changes", counts?.managerChanges)
        json.field("org_head_changes", counts?.orgHeadChanges)
        json.field("team_changes", counts?.teamChanges)
        json.field("became_managers", counts?.becameManagers)
        json.field("stopped_managing", counts?.stoppedManaging)
        json.field("findings_opened", counts?.findingsOpened)
        json.field("findings_resolved", counts?.findingsResolved)
        json.field("span_band_changes", counts?.spanBandChanges)
    }

    static func writeManager(_ row: Changes.ManagerChange, to json: inout JSONWriter) {
        json.field("id", row.id)
        json.field("span_before", row.spanBefore)
        json.field("span_after", row.spanAfter)
        json.field("band_before", row.bandBefore?.rawValue)
        json.field("band_after", row.bandAfter?.rawValue)
        json.field("joiners", row.joiners)
        json.field("leavers", row.leavers)
        json.field("moved_in", row.movedIn)
        json.field("moved_out", row.movedOut)
        json.field("dotted_before", row.dottedBefore)
        json.field("dotted_after", row.dottedAfter)
    }

    static func writeOrgHead(_ row: Changes.OrgHeadChange, to json: inout JSONWriter) {
        json.field("id", row.id)
        json.field("headcount_before", row.headcountBefore)
        json.field("headcount_after", row.headcountAfter)
        json.field("layers_before", row.layersBefore)
        json.field("layers_after", row.layersAfter)
        json.field("joiners", row.joiners)
        json.field("leavers", row.leavers)
        json.field("moved_in", row.movedIn)
        json.field("moved_out", row.movedOut)
    }

    static func writeFinding(_ row: Changes.FindingChange, to json: inout JSONWriter) {
        json.field("rule", row.rule)
        json.field("subject", row.subject)
        json.field("change", row.change.rawValue)
    }

    static func writeMover(_ row: Changes.PersonChange, to json: inout JSONWriter) {
        json.field("id", row.id)
        json.field("change", row.change.rawValue)
        json.field("before", row.before)
        json.field("after", row.after)
    }

    /// `tables/people_changes.ndjson` (mode 0600): one line per individual change.
    package static func renderMovers(_ changes: Changes, asOf: CivilDate) -> [UInt8] {
        var bytes: [UInt8] = []
        for row in changes.movers {
            var json = JSONWriter()
            json.beginObject()
            json.field("as_of", asOf.description)
            writeMover(row, to: &json)
            json.endObject()
            bytes += json.finished()
        }
        return bytes
    }
}
