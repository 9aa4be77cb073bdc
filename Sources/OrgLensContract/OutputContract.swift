import OrgLensModel

/// The output contract, declared once: every document and table OrgLens publishes, key by key. The JSON Schemas
/// in `Schemas/` and `orglens schema` are rendered from it, and the writers are checked against it in tests.
package enum OutputContract {
    /// Bumped on any change to a published document or table (the major part on a breaking one); see `CHANGELOG.md`.
    package static let schemaVersion = "1.4"

    /// Every published schema, by its path under `Schemas/` without `.schema.json`.
    package static func schemas(
        adding extra: [(path: String, schema: SchemaValue)] = []
    ) -> [(path: String, schema: SchemaValue)] {
        let documents: [(String, SchemaValue)] = [
            ("dashboard", JSONSchema.document(dashboard, path: "dashboard", title: "OrgLens dashboard.json")),
            ("manifest", JSONSchema.document(manifest, path: "manifest", title: "OrgLens manifest.json")),
            ("diff", JSONSchema.document(diff, path: "diff", title: "OrgLens changes.json (orglens diff)")),
            ("plan", JSONSchema.document(plan, path: "plan", title: "OrgLens plan.json (orglens plan)")),
            (
                "blocked",
                JSONSchema.document(
                    blocked, path: "blocked", title: "OrgLens blocked.json (a run a gate kept off the dashboard)")
            ),
            (
                "status",
                JSONSchema.document(
                    status, path: "status",
                    title: "OrgLens status.json (how the last run of an outputs directory ended)")
            ),
        ]
        let records = tables.map {
            ("tables/\($0.name)", JSONSchema.document($0, path: "tables/\($0.name)", title: $0.name))
        }
        return (documents + records + extra).sorted { $0.0 < $1.0 }
    }

    /// The record of the table `name` (`tables/<name>.ndjson`, and the same rows inside `dashboard.json`).
    package static func table(_ name: String) -> ContractRecord? { tables.first { $0.name == name } }

    static let ruleIDs = Rule.allCases.map(\.rawValue)
    static let inputs = DataQuality.Input.allCases.map(\.rawValue)
}
