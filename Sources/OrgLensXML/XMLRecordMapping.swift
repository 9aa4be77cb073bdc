package import OrgLensModel

/// How to turn an XML export into rows: which element is one record, and where each field sits in it.
package struct XMLRecordMapping: Sendable, Hashable {
    /// Local name of the element that holds one person (`Report_Entry`, `employee`).
    package var recordElement: String
    /// Canonical field name → selector.
    package var selectors: [String: XMLSelector]

    package init(recordElement: String, selectors: [String: XMLSelector]) {
        self.recordElement = recordElement
        self.selectors = selectors
    }

    /// A mapping for a file no preset describes: each field from a child element of the same name.
    package static func generic(recordElement: String, fields: [String]) throws(RunError) -> XMLRecordMapping {
        var selectors: [String: XMLSelector] = [:]
        for field in fields { selectors[field] = try XMLSelector(field) }
        return XMLRecordMapping(recordElement: recordElement, selectors: selectors)
    }

    /// This mapping with some fields taken from elsewhere (`--map FIELD=SELECTOR`).
    package func overriding(_ overrides: [String: String]) throws(RunError) -> XMLRecordMapping {
        var copy = self
        for (field, selector) in overrides { copy.selectors[field] = try XMLSelector(selector) }
        return copy
    }
}
