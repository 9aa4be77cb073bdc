import OrgLensContract
import OrgLensLoad
package import OrgLensModel
import OrgLensReport
package import OrgLensSettings

/// `blocked.json`: why a run was not published, gate by gate.
package enum BlockedReport {
    package static func render(pipeline: String, asOf: CivilDate, tripped: [Gates.Reading]) -> [UInt8] {
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

    /// A blocked run's `report.html`, opening with the "Not published" banner and each tripped gate.
    static func withBanner(_ file: OutputDirectory.File, tripped: [Gates.Reading]) -> OutputDirectory.File {
        let gates = tripped.map {
            BlockedBanner.Gate(gate: $0.gate, value: shown($0.value), limit: shown($0.limit), detail: $0.detail)
        }
        return OutputDirectory.File(
            name: file.name, bytes: BlockedBanner.adding(to: file.bytes, gates: gates), mode: file.mode)
    }

    /// A gate's value as people read it: a share as a percentage, a count as a whole number.
    static func shown(_ value: Double) -> String {
        if value >= 1 || value == 0, value == value.rounded() { return String(Int(value)) }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10)" + (tenths % 10 == 0 ? "" : ".\(tenths % 10)") + " %"
    }
}
