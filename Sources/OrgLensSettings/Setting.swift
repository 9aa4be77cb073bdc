package import OrgLensContract
package import OrgLensModel
package import Yams

/// A group of settings (a section of a pipeline file, or one source): `init()` holds every default, and
/// `settings` declares each key once — its type and bounds, its meaning and the field it fills. The reader
/// (of files and of flags), the pipeline contract, its JSON Schema and `--help` all come from that list.
package protocol SettingsGroup: Sendable {
    init()
    static var settings: [Setting<Self>] { get }
}

/// One setting: its contract entry (key, type, bounds, meaning with the default) and how it is read into `Root`.
package struct Setting<Root: SettingsGroup>: Sendable {
    package let field: ContractField
    let read: @Sendable (inout Root, Node, NodeReader, String) throws(RunError) -> Void

    package var key: String { field.key }

    package init(
        field: ContractField,
        read: @escaping @Sendable (inout Root, Node, NodeReader, String) throws(RunError) -> Void
    ) {
        self.field = field
        self.read = read
    }

    /// This setting of a group that `Outer` holds at `path` (the shared costs, privacy and thresholds keys).
    package func lifted<Outer: SettingsGroup>(_ path: any WritableKeyPath<Outer, Root> & Sendable) -> Setting<Outer> {
        let read = self.read
        return Setting<Outer>(field: field) { outer, node, reader, place throws(RunError) in
            try read(&outer[keyPath: path], node, reader, place)
        }
    }
}

extension SettingsGroup {
    /// The group as a contract record.
    package static func contract(_ name: String, _ summary: String) -> ContractRecord {
        ContractRecord(name, summary, settings.map(\.field))
    }

    /// Reads the keys `node` (a mapping) holds, in the order they are declared; a key not declared is refused
    /// with the list of those that are. `place` is the group's dotted key (nil: the top level).
    package mutating func read(
        _ node: Node, at place: String?, reader: NodeReader, settings: [Setting<Self>] = Self.settings,
        allowed: [String]? = nil
    ) throws(RunError) {
        let keys = try reader.mapping(
            node, at: place ?? "the top level", allowed: allowed ?? settings.map(\.key))
        // Flags give only what they set; a file must give what the contract requires.
        if reader.isFile {
            for setting in settings where setting.field.required && keys[setting.key] == nil {
                throw reader.fail(node, "missing key '\(place.map { "\($0)." } ?? "")\(setting.key)'")
            }
        }
        for setting in settings {
            guard let value = keys[setting.key] else { continue }
            try setting.read(&self, value, reader, place.map { "\($0).\(setting.key)" } ?? setting.key)
        }
    }

    /// A group read from its node (absent: the defaults).
    package static func read(_ node: Node?, at place: String, reader: NodeReader) throws(RunError) -> Self {
        var group = Self()
        if let node { try group.read(node, at: place, reader: reader) }
        return group
    }

    /// The contract entry at a dotted key (`thresholds.org_layer`), for `--help` and messages.
    package static func field(at key: String) -> ContractField? {
        var fields = settings.map(\.field)
        var found: ContractField?
        for part in key.split(separator: ".") {
            guard let field = fields.first(where: { $0.key == part }) else { return nil }
            found = field
            if case .object(let record) = field.type { fields = record.fields } else { fields = [] }
        }
        return found
    }
}
