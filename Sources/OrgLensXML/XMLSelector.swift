package import OrgLensModel

/// Where a field's value sits inside one record element: a tiny, namespace-blind XPath subset.
///
/// ```
/// Employee_ID                          text of a child element
/// @id                                  attribute of the record element
/// Manager/@Descriptor                  attribute of a child
/// field[@id='displayName']             text of the child whose attribute has that value
/// Manager/ID[@type='Employee_ID']      text of a grandchild, selected by attribute
/// Employee_ID | Worker/ID[@type='Employee_ID']   alternatives, first that is present wins
/// ```
/// Names match local names: `wd:Employee_ID` and `Employee_ID` are the same step, whatever the
/// namespace URI (Workday puts the report's name in it).
package struct XMLSelector: Sendable, Hashable, CustomStringConvertible {
    package struct Step: Sendable, Hashable {
        package let name: String
        /// `[@attribute='value']`
        package let predicate: (attribute: String, value: String)?

        package static func == (lhs: Step, rhs: Step) -> Bool {
            lhs.name == rhs.name && lhs.predicate?.attribute == rhs.predicate?.attribute
                && lhs.predicate?.value == rhs.predicate?.value
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(predicate?.attribute)
            hasher.combine(predicate?.value)
        }
    }

    package struct Path: Sendable, Hashable {
        /// Elements below the record, outermost first; empty for an attribute of the record itself.
        package let steps: [Step]
        /// Take this attribute of the last step (or of the record) instead of its text.
        package let attribute: String?
    }

    package let alternatives: [Path]
    package let description: String

    package init(_ text: String) throws(RunError) {
        var alternatives: [Path] = []
        for part in text.split(separator: "|") {
            alternatives.append(try Self.parsePath(part.trimmingCharacters(), whole: text))
        }
        guard !alternatives.isEmpty else {
            throw RunError(.usage, "empty XML selector; write e.g. Employee_ID, @id or field[@id='displayName'].")
        }
        self.alternatives = alternatives
        description = text
    }

    private static func parsePath(_ text: Substring, whole: String) throws(RunError) -> Path {
        var steps: [Step] = []
        var attribute: String?
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if part.hasPrefix("@") {
                guard index == parts.count - 1, part.count > 1 else { throw invalid(whole) }
                attribute = localName(part.dropFirst())
                continue
            }
            guard let step = parseStep(part) else { throw invalid(whole) }
            steps.append(step)
        }
        return Path(steps: steps, attribute: attribute)
    }

    private static func parseStep(_ text: Substring) -> Step? {
        guard let open = text.firstIndex(of: "[") else {
            return isName(text) ? Step(name: localName(text), predicate: nil) : nil
        }
        let name = text[..<open]
        var inner = text[text.index(after: open)...]
        guard isName(name), inner.hasSuffix("]"), inner.hasPrefix("@") else { return nil }
        inner = inner.dropFirst().dropLast()
        guard let equals = inner.firstIndex(of: "=") else { return nil }
        let attribute = inner[..<equals]
        var value = inner[inner.index(after: equals)...]
        guard let quote = value.first, quote == "'" || quote == "\"", value.count >= 2, value.last == quote,
            isName(attribute)
        else { return nil }
        value = value.dropFirst().dropLast()
        return Step(name: localName(name), predicate: (localName(attribute), String(value)))
    }

    private static func isName(_ text: Substring) -> Bool {
        !text.isEmpty
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == ":" }
    }

    private static func localName(_ text: Substring) -> String {
        String(text.split(separator: ":").last ?? text)
    }

    private static func invalid(_ text: String) -> RunError {
        RunError(
            .usage,
            "XML selector '\(text)' is not understood; write e.g. Employee_ID, @id, Manager/@Descriptor, field[@id='displayName'] or Manager/ID[@type='Employee_ID']."
        )
    }
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
