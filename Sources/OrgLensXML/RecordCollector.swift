/// Collects one record's field values while its elements stream past, matching each selector
/// against the path of open elements below the record.
struct RecordCollector {
    private struct Frame {
        let name: String
        let attributes: [(name: String, value: String)]
        /// Some text selector ends at exactly this element: only then is its text kept.
        let wantsText: Bool
        var text = ""
    }

    enum Flaw { case fieldTooLong }

    private let selectors: [XMLSelector?]
    private let maxFieldBytes: Int
    private var stack: [Frame] = []
    /// values[field][alternative]: the first value each alternative found.
    private var values: [[String?]]
    private(set) var flaw: Flaw?

    /// Element names whose attributes some selector reads (a predicate, or an attribute to take).
    private let attributeNames: Set<String>
    /// A selector takes an attribute of the record element itself.
    let recordNeedsAttributes: Bool

    init(selectors: [XMLSelector?], maxFieldBytes: Int) {
        self.selectors = selectors
        self.maxFieldBytes = maxFieldBytes
        values = selectors.map { [String?](repeating: nil, count: $0?.alternatives.count ?? 0) }
        var names: Set<String> = []
        var onRecord = false
        for path in selectors.compactMap({ $0 }).flatMap(\.alternatives) {
            for step in path.steps where step.predicate != nil { names.insert(step.name) }
            if path.attribute != nil {
                if let last = path.steps.last { names.insert(last.name) } else { onRecord = true }
            }
        }
        attributeNames = names
        recordNeedsAttributes = onRecord
    }

    func needsAttributes(of name: String) -> Bool { attributeNames.contains(name) }

    /// Whether text arriving now would be kept.
    var wantsText: Bool { stack.last?.wantsText ?? false }

    mutating func beginRecord(attributes: [(name: String, value: String)]) {
        stack.removeAll(keepingCapacity: true)
        flaw = nil
        for field in values.indices { for alternative in values[field].indices { values[field][alternative] = nil } }
        captureAttributes(attributes)
    }

    mutating func startElement(name: String, attributes: [(name: String, value: String)]) {
        stack.append(Frame(name: name, attributes: attributes, wantsText: false))
        let wanted = selectors.contains { selector in
            selector?.alternatives.contains { $0.attribute == nil && matches($0.steps) } ?? false
        }
        if wanted {
            let frame = stack.removeLast()
            stack.append(Frame(name: frame.name, attributes: frame.attributes, wantsText: true))
        }
        captureAttributes(attributes)
    }

    mutating func appendText(_ text: String) {
        guard wantsText else { return }
        if stack[stack.count - 1].text.utf8.count + text.utf8.count > maxFieldBytes {
            flaw = .fieldTooLong
            return
        }
        stack[stack.count - 1].text += text
    }

    mutating func endElement() {
        guard let frame = stack.last else { return }
        for (field, selector) in selectors.enumerated() {
            guard let selector else { continue }
            for (index, path) in selector.alternatives.enumerated()
            where path.attribute == nil && values[field][index] == nil && matches(path.steps) {
                values[field][index] = trimmed(frame.text)
            }
        }
        stack.removeLast()
    }

    /// The value of each field for the finished record: the first alternative that was present.
    func fieldValues() -> [String?] {
        values.map { alternatives in alternatives.lazy.compactMap { $0 }.first }
    }

    private mutating func captureAttributes(_ attributes: [(name: String, value: String)]) {
        for (field, selector) in selectors.enumerated() {
            guard let selector else { continue }
            for (index, path) in selector.alternatives.enumerated() {
                guard let wanted = path.attribute, values[field][index] == nil, matches(path.steps),
                      let found = attributes.first(where: { $0.name == wanted }) else { continue }
                values[field][index] = trimmed(found.value)
            }
        }
    }

    /// True when the open elements below the record are exactly `steps`, predicates included.
    private func matches(_ steps: [XMLSelector.Step]) -> Bool {
        guard steps.count == stack.count else { return false }
        for (step, frame) in zip(steps, stack) {
            guard step.name == frame.name else { return false }
            if let predicate = step.predicate,
               !frame.attributes.contains(where: { $0.name == predicate.attribute && $0.value == predicate.value }) {
                return false
            }
        }
        return true
    }

    private func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
