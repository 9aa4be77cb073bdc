import OrgLensContract
package import OrgLensModel

/// `status.json` in an outputs directory: how the last `run` ended, for monitoring. Rewritten atomically after
/// every run that held the lock; the one output with a clock time in it (when the run finished).
package enum StatusDocument {
    package static func render(
        outcome: RunOutcome, asOf: CivilDate?, exitCode: Int32, finished: String, run: String?, message: String?,
        acceptedChanges: [String] = []
    ) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject(multiline: true)
        json.field("schema_version", OutputContract.schemaVersion)
        json.field("status", outcome.rawValue)
        json.field("as_of", asOf?.description)
        json.field("exit_code", Int(exitCode))
        json.field("finished", finished)
        json.field("run", run)
        json.field("message", message)
        json.key("accepted_changes")
        json.beginArray()
        for gate in acceptedChanges { json.string(gate) }
        json.endArray()
        json.endObject()
        return json.finished()
    }
}
