/// What a published key may hold, in JSON terms.
package indirect enum ContractType: Sendable {
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    /// Bounds as decimal text, so a schema never prints a binary fraction.
    case number(minimum: String? = nil, maximum: String? = nil, exclusiveMinimum: String? = nil)
    case string(pattern: String? = nil)
    case boolean
    /// A string from a fixed list.
    case oneOf([String])
    case constant(ContractConstant)
    case arrayOf(ContractType)
    /// One record of a published table (`tables/<name>`).
    case tableRecord(String)
    /// An array of records of a published table.
    case table(String)
    /// A nested object declared in place.
    case object(ContractRecord)
    /// An object whose keys are the user's (column names, currencies) and whose values are all of one type.
    case map(ContractType)
    /// Any one of several types (a date, or a number of days).
    case anyOf([ContractType])

    package static let date = ContractType.string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    package static let strings = ContractType.arrayOf(.string())
}

/// A value every instance of a key holds.
package enum ContractConstant: Sendable {
    case text(String)
    case integer(Int)
}

/// One key of a published record: its name, type, whether it may be null, whether it is always there, and what it
/// means. Records written by OrgLens put their keys in the order declared.
package struct ContractField: Sendable {
    package let key: String
    package let type: ContractType
    package let nullable: Bool
    /// False for keys present only when their input or option was given (`teams_spanned` without teams, say).
    package let required: Bool
    package let summary: String

    package init(_ key: String, _ type: ContractType, nullable: Bool = false, required: Bool = true, _ summary: String)
    {
        self.key = key
        self.type = type
        self.nullable = nullable
        self.required = required
        self.summary = summary
    }

    /// The same key, present only when its input or option was given.
    package var optional: ContractField {
        ContractField(key, type, nullable: nullable, required: false, summary)
    }

    /// The same key, present in every record (a table that exists only with its input).
    package var always: ContractField {
        ContractField(key, type, nullable: nullable, required: true, summary)
    }
}

/// A record: a table row, a document, or an object inside one.
package struct ContractRecord: Sendable {
    package let name: String
    package let summary: String
    package let fields: [ContractField]

    package init(_ name: String, _ summary: String, _ fields: [ContractField]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }

    package var keys: [String] { fields.map(\.key) }

    package func field(_ key: String) -> ContractField? { fields.first { $0.key == key } }
}
