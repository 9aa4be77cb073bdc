import OrgLensContract
package import OrgLensHistory
package import OrgLensModel

/// `changes.json` of `orglens diff`: what changed between two runs (an org before and after a reorg), with the
/// tables per manager and per org head and the findings opened and resolved.
package enum ChangesDocument {
    package static func render(_ changes: Changes, before: CivilDate, after: CivilDate) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject(multiline: true)
        json.field("schema_version", OutputContract.schemaVersion)
        json.field("before_as_of", before.description)
        json.field("after_as_of", after.description)
        ChangesSection.write(changes, to: &json)
        table("changes_by_manager", changes.byManager, ChangesSection.writeManager, to: &json)
        table("changes_by_org_head", changes.byOrgHead, ChangesSection.writeOrgHead, to: &json)
        table("finding_changes", changes.findingChanges, ChangesSection.writeFinding, to: &json)
        json.key("findings")
        json.beginArray(multiline: true)
        for finding in changes.findings { DashboardDocument.writeFinding(finding, to: &json) }
        json.endArray()
        json.endObject()
        return json.finished()
    }

    private static func table<Row>(
        _ name: String, _ rows: [Row], _ write: (Row, inout JSONWriter) -> Void, to json: inout JSONWriter
    ) {
        json.key(name)
        json.beginArray(multiline: true)
        for row in rows {
            json.beginObject()
            write(row, &json)
            json.endObject()
        }
        json.endArray()
    }
}
