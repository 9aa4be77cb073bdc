import OrgLensContract
import OrgLensLoad
public import OrgLensModel

/// `blocked.json`: why a run was not published, gate by gate.
public enum BlockedReport {
    public static func render(pipeline: String, asOf: CivilDate, tripped: [Gates.Reading]) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject(multiline: true)
        json.field("schema_version", OutputContract.schemaVersion)
        json.field("pipeline", pipeline)
        json.field("as_of", asOf.description)
        json.field("exit_code", Int(ExitStatus.badData.rawValue))
        json.key("gates")
        json.beginArray(multiline: true)
        for reading in tripped {
            json.beginObject()
            json.field("gate", reading.gate)
            json.field("value", decimal: reading.value)
            json.field("limit", decimal: reading.limit)
            json.field("detail", reading.detail)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.finished()
    }
}
