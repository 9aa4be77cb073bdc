/// Renders contract records as JSON Schema (2020-12) documents: what `orglens schema` prints and `Schemas/` holds.
package enum JSONSchema {
    package static let base = "https://orglens.example/schemas/"
    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema document of `record`, published at `Schemas/<path>.schema.json`.
    package static func document(_ record: ContractRecord, path: String, title: String) -> SchemaValue {
        .object(
            [
                ("$schema", .string(dialect)), ("$id", .string(base + path + ".schema.json")),
                ("title", .string(title)),
                ("description", .string(record.summary)),
            ] + objectMembers(record))
    }

    static func reference(table: String) -> SchemaValue { .string(base + "tables/\(table).schema.json") }

    private static func objectMembers(_ record: ContractRecord) -> [(String, SchemaValue)] {
        [
            ("type", .string("object")), ("additionalProperties", .boolean(false)),
            ("required", .array(record.fields.filter(\.required).map { .string($0.key) })),
            ("properties", .object(record.fields.map { ($0.key, property($0)) })),
        ]
    }

    private static func property(_ field: ContractField) -> SchemaValue {
        .object(members(of: field.type, nullable: field.nullable) + [("description", .string(field.summary))])
    }

    private static func typeName(_ name: String, nullable: Bool) -> SchemaValue {
        nullable ? .array([.string(name), .string("null")]) : .string(name)
    }

    private static func members(of type: ContractType, nullable: Bool) -> [(String, SchemaValue)] {
        switch type {
        case .integer(let minimum, let maximum):
            return [("type", typeName("integer", nullable: nullable))]
                + (minimum.map { [("minimum", .number(String($0)))] } ?? [])
                + (maximum.map { [("maximum", .number(String($0)))] } ?? [])
        case .number(let minimum, let maximum, let exclusiveMinimum):
            return [("type", typeName("number", nullable: nullable))]
                + (minimum.map { [("minimum", .number($0))] } ?? [])
                + (maximum.map { [("maximum", .number($0))] } ?? [])
                + (exclusiveMinimum.map { [("exclusiveMinimum", .number($0))] } ?? [])
        case .string(let pattern):
            return [("type", typeName("string", nullable: nullable))]
                + (pattern.map { [("pattern", .string($0))] } ?? [])
        case .boolean:
            return [("type", typeName("boolean", nullable: nullable))]
        case .oneOf(let values):
            return [
                ("type", typeName("string", nullable: nullable)),
                ("enum", .array(values.map { .string($0) } + (nullable ? [.null] : []))),
            ]
        case .constant(.text(let value)):
            return [("const", .string(value))]
        case .constant(.integer(let value)):
            return [("const", .number(String(value)))]
        case .arrayOf(let element):
            return [
                ("type", typeName("array", nullable: nullable)),
                ("items", .object(members(of: element, nullable: false))),
            ]
        case .tableRecord(let table):
            return [("$ref", reference(table: table))]
        case .table(let table):
            return [
                ("type", typeName("array", nullable: nullable)),
                ("items", .object([("$ref", reference(table: table))])),
            ]
        case .object(let record):
            return objectMembers(record)
        case .map(let value):
            return [
                ("type", .string("object")), ("additionalProperties", .object(members(of: value, nullable: false))),
            ]
        case .anyOf(let types):
            return [("anyOf", .array(types.map { .object(members(of: $0, nullable: nullable)) }))]
        }
    }
}
