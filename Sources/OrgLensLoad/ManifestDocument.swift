import OrgLensContract
package import OrgLensModel

/// `manifest.json`: what a run read and how long each stage took. The only output allowed to differ
/// between two runs over the same inputs (its timings).
package enum ManifestDocument {
    package struct Input: Sendable {
        package let file: SourceFileInfo
        package let dataQuality: DataQuality

        package init(file: SourceFileInfo, dataQuality: DataQuality) {
            self.file = file
            self.dataQuality = dataQuality
        }
    }

    /// What an unattended run adds: the outputs directory it was published in and the change gates it was
    /// allowed past (`--accept-change`).
    package struct Stamp: Sendable {
        package var outputsID: String?
        package var acceptedChanges: [String]

        package init(outputsID: String? = nil, acceptedChanges: [String] = []) {
            self.outputsID = outputsID
            self.acceptedChanges = acceptedChanges
        }
    }

    package static func render(
        toolVersion: String, asOf: CivilDate, workers: Int, inputs: [Input],
        timings: [(stage: String, seconds: Double)],
        quarantine: (written: Int, notWritten: Int) = (0, 0), keyFingerprint: String? = nil, stamp: Stamp = Stamp()
    ) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject(multiline: true)
        json.field("schema_version", OutputContract.schemaVersion)
        json.field("tool", "orglens")
        json.field("tool_version", toolVersion)
        json.field("as_of", asOf.description)
        json.field("workers", workers)
        json.field("pseudonym_key_fingerprint", keyFingerprint)
        json.field("outputs_id", stamp.outputsID)
        json.key("accepted_changes")
        json.beginArray()
        for gate in stamp.acceptedChanges { json.string(gate) }
        json.endArray()
        json.key("inputs")
        json.beginArray(multiline: true)
        for input in inputs {
            json.beginObject()
            json.field("role", input.dataQuality.input.rawValue)
            json.field("path", input.file.path)
            json.field("bytes", input.file.bytes)
            json.field("sha256", input.file.sha256)
            json.field("rows_read", input.dataQuality.rowsRead)
            json.field("accepted", input.dataQuality.accepted)
            json.field("excluded", input.dataQuality.excludedTotal)
            json.field("quarantined", input.dataQuality.quarantinedTotal)
            json.endObject()
        }
        json.endArray()
        json.key("quarantine")
        json.beginObject()
        json.field("written", quarantine.written)
        json.field("not_written", quarantine.notWritten)
        json.endObject()
        json.key("timings")
        json.beginArray(multiline: true)
        for timing in timings {
            json.beginObject()
            json.field("stage", timing.stage)
            json.field("seconds", decimal: timing.seconds)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.finished()
    }
}
