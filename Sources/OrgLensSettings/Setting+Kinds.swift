package import OrgLensContract
package import OrgLensModel
package import Yams

/// A field a setting fills: the value itself, or an optional one (nil: not given, or turned off).
package protocol SettingValue: SendableMetatype {
    associatedtype Value
    init(setting value: Value)
    /// The default as the contract states it (nil: none worth stating).
    var shownDefault: String? { get }
}

extension Optional: SettingValue where Wrapped: SettingValue, Wrapped.Value == Wrapped {
    package typealias Value = Wrapped
    package init(setting value: Wrapped) { self = .some(value) }
    package var shownDefault: String? { self?.shownDefault }
}

extension SettingValue where Value == Self {
    package init(setting value: Self) { self = value }
}

extension Int: SettingValue {
    package typealias Value = Int
    package var shownDefault: String? { String(self) }
}
extension Double: SettingValue {
    package typealias Value = Double
    package var shownDefault: String? { "\(self)" }
}
extension Bool: SettingValue {
    package typealias Value = Bool
    package var shownDefault: String? { String(self) }
}
extension String: SettingValue {
    package typealias Value = String
    package var shownDefault: String? { isEmpty ? nil : self }
}
extension ExactDecimal: SettingValue {
    package typealias Value = ExactDecimal
    package var shownDefault: String? { description }
}
extension CivilDate: SettingValue {
    package typealias Value = CivilDate
    package var shownDefault: String? { description }
}
extension Array: SettingValue {
    package typealias Value = Array
    package var shownDefault: String? {
        isEmpty ? nil : map { ($0 as? any RawRepresentable<String>)?.rawValue ?? "\($0)" }.joined(separator: ", ")
    }
}

/// A value from a fixed list, read from its raw value (the list comes from the enum, never typed twice).
package protocol SettingChoice: SettingValue, Sendable, CaseIterable, RawRepresentable<String> where Value == Self {}

extension SettingChoice {
    package var shownDefault: String? { rawValue }
    static var names: [String] { allCases.map(\.rawValue) }
}

/// "auto, id, email or name".
package func choicePhrase(_ names: [String]) -> String {
    names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
}

extension Setting {
    /// A value read by `parse`; the summary gains the default from `Root()`.
    package static func value<Field: SettingValue>(
        _ key: String, _ path: any WritableKeyPath<Root, Field> & Sendable, _ type: ContractType,
        nullable: Bool = false, required: Bool = false, _ meaning: String,
        parse: @escaping @Sendable (Node, NodeReader, String) throws(RunError) -> Field.Value
    ) -> Setting {
        let shown = Root()[keyPath: path].shownDefault
        let summary = shown.map { "\(meaning) (default \($0))" } ?? meaning
        let field = ContractField(key, type, nullable: nullable, summary)
        return Setting(field: required ? field : field.optional) { root, node, reader, place throws(RunError) in
            root[keyPath: path] = Field(setting: try parse(node, reader, place))
        }
    }

    package static func integer<Field: SettingValue>(
        _ key: String, _ path: any WritableKeyPath<Root, Field> & Sendable, minimum: Int? = nil, maximum: Int? = nil,
        why: String? = nil, _ meaning: String
    ) -> Setting where Field.Value == Int {
        value(key, path, .integer(minimum: minimum, maximum: maximum), meaning) {
            node, reader, place throws(RunError) in
            let number = try reader.int(node, at: place)!
            let bounds: String? =
                switch (minimum, maximum) {
                case (let low?, let high?): "between \(low) and \(high)"
                case (let low?, nil): "at least \(low)"
                case (nil, let high?): "at most \(high)"
                case (nil, nil): nil
                }
            if let bounds, number < (minimum ?? .min) || number > (maximum ?? .max) {
                throw reader.fail(
                    node, "\(reader.name(place)) must be \(bounds), not \(number)\(why.map { " (\($0))" } ?? "")")
            }
            return number
        }
    }

    package static func number(
        _ key: String, _ path: any WritableKeyPath<Root, Double?> & Sendable, _ meaning: String
    )
        -> Setting
    {
        value(key, path, .number(), meaning) { node, reader, place throws(RunError) in
            try reader.double(node, at: place)!
        }
    }

    /// A share between 0 and 1, or `null` to turn what it limits off.
    package static func share(
        _ key: String, _ path: any WritableKeyPath<Root, Double?> & Sendable, _ meaning: String
    )
        -> Setting
    {
        let shown = Root()[keyPath: path].map { "\($0)" } ?? "off"
        let field = ContractField(
            key, .number(minimum: "0", maximum: "1"), nullable: true, "\(meaning) (default \(shown))")
        return Setting(field: field.optional) { root, node, reader, place throws(RunError) in
            if reader.isNull(node) {
                root[keyPath: path] = nil
                return
            }
            let value = try reader.double(node, at: place)!
            guard (0...1).contains(value) else {
                throw reader.fail(
                    node,
                    "\(reader.name(place)) is a share between 0 and 1 (0.05 is 5 %), or null for off; not \(value)")
            }
            root[keyPath: path] = value
        }
    }

    package static func boolean<Field: SettingValue>(
        _ key: String, _ path: any WritableKeyPath<Root, Field> & Sendable, _ meaning: String
    ) -> Setting where Field.Value == Bool {
        value(key, path, .boolean, meaning) { node, reader, place throws(RunError) in try reader.bool(node, at: place)!
        }
    }

    package static func text<Field: SettingValue>(
        _ key: String, _ path: any WritableKeyPath<Root, Field> & Sendable, required: Bool = false, _ meaning: String
    ) -> Setting where Field.Value == String {
        value(key, path, .string(), required: required, meaning) { node, reader, place throws(RunError) in
            try reader.string(node, at: place)!
        }
    }

    package static func texts<Field: SettingValue>(
        _ key: String, _ path: any WritableKeyPath<Root, Field> & Sendable, _ meaning: String
    ) -> Setting where Field.Value == [String] {
        value(key, path, .strings, meaning) { node, reader, place throws(RunError) in
            try reader.strings(node, at: place)!
        }
    }

    package static func decimal<Field: SettingValue>(
        _ key: String, _ path: any WritableKeyPath<Root, Field> & Sendable, minimum: String? = nil,
        exclusiveMinimum: String? = nil, _ meaning: String
    ) -> Setting where Field.Value == ExactDecimal {
        value(key, path, .number(minimum: minimum, exclusiveMinimum: exclusiveMinimum), meaning) {
            node, reader, place throws(RunError) in
            let number = try reader.decimal(node, at: place)
            if let minimum, let floor = ExactDecimal(minimum), number < floor {
                throw reader.fail(node, "\(reader.name(place)) must be at least \(minimum)")
            }
            if let exclusiveMinimum, let floor = ExactDecimal(exclusiveMinimum), !(floor < number) {
                throw reader.fail(node, "\(reader.name(place)) must be greater than \(exclusiveMinimum)")
            }
            return number
        }
    }

    package static func date(
        _ key: String, _ path: any WritableKeyPath<Root, CivilDate?> & Sendable, _ meaning: String
    )
        -> Setting
    {
        value(key, path, .date, meaning) { node, reader, place throws(RunError) in
            let text = try reader.string(node, at: place)!
            guard let day = CivilDate(iso: Substring(text)), text.count == 10 else {
                throw reader.fail(node, "\(reader.name(place)) '\(text)' is not a date in YYYY-MM-DD form")
            }
            return day
        }
    }

    package static func choice<Field: SettingValue, Choice: SettingChoice>(
        _ key: String, _ path: any WritableKeyPath<Root, Field> & Sendable, _ meaning: String
    ) -> Setting where Field.Value == Choice {
        value(key, path, .oneOf(Choice.names), meaning) { node, reader, place throws(RunError) in
            try read(Choice.self, node, reader: reader, at: place)
        }
    }

    package static func choices<Field: SettingValue, Choice: SettingChoice>(
        _ key: String, _ path: any WritableKeyPath<Root, Field> & Sendable, _ meaning: String
    ) -> Setting where Field.Value == [Choice] {
        value(key, path, .arrayOf(.oneOf(Choice.names)), meaning) { node, reader, place throws(RunError) in
            guard case .sequence(let items) = node else {
                throw reader.fail(node, "\(reader.name(place)) must be a list")
            }
            var chosen: [Choice] = []
            for item in items { chosen.append(try read(Choice.self, item, reader: reader, at: place)) }
            return chosen
        }
    }

    /// Text → value, each text once (`costs.rates`, a source's `map`): merged over what is there, so a flag
    /// beats the file key by key.
    package static func map<Value: Sendable>(
        _ key: String, _ path: any WritableKeyPath<Root, [String: Value]> & Sendable, _ type: ContractType,
        _ meaning: String,
        entry: @escaping @Sendable (String, Node, NodeReader, String) throws(RunError) -> (String, Value)
    ) -> Setting {
        Setting(field: ContractField(key, .map(type), meaning).optional) { root, node, reader, place throws(RunError) in
            for (name, value) in try reader.anyMapping(node, at: place) {
                let (text, read) = try entry(name, value, reader, place)
                root[keyPath: path][text] = read
            }
        }
    }

    /// Text → a value from a fixed list (`status_map`).
    package static func choiceMap<Choice: SettingChoice>(
        _ key: String, _ path: any WritableKeyPath<Root, [String: Choice]> & Sendable, _ meaning: String
    ) -> Setting {
        map(key, path, .oneOf(Choice.names), meaning) { name, node, reader, place throws(RunError) in
            (name, try read(Choice.self, node, reader: reader, at: "\(place).\(name)"))
        }
    }

    /// A group of settings of its own (`outputs`, `gates`).
    package static func group<Group: SettingsGroup>(
        _ key: String, _ path: any WritableKeyPath<Root, Group> & Sendable, required: Bool = false, _ meaning: String
    ) -> Setting {
        let field = ContractField(key, .object(Group.contract(key, meaning)), meaning)
        return Setting(field: required ? field : field.optional) { root, node, reader, place throws(RunError) in
            try root[keyPath: path].read(node, at: place, reader: reader)
        }
    }

    /// A group that may be absent (`sources.teams`).
    package static func group<Group: SettingsGroup>(
        _ key: String, _ path: any WritableKeyPath<Root, Group?> & Sendable, _ meaning: String
    ) -> Setting {
        Setting(field: ContractField(key, .object(Group.contract(key, meaning)), meaning).optional) {
            root, node, reader, place throws(RunError) in
            var group = root[keyPath: path] ?? Group()
            try group.read(node, at: place, reader: reader)
            root[keyPath: path] = group
        }
    }

    /// One value of `Choice`, its text matched without regard to case.
    static func read<Choice: SettingChoice>(
        _: Choice.Type, _ node: Node, reader: NodeReader, at place: String
    ) throws(RunError) -> Choice {
        let text = try reader.string(node, at: place)!
        guard let choice = Choice(rawValue: text) ?? Choice(rawValue: text.lowercased()) else {
            throw reader.fail(node, "\(reader.name(place)) must be \(choicePhrase(Choice.names)), not '\(text)'")
        }
        return choice
    }
}
