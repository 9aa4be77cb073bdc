/// Collects one record's field values while its elements stream past.
///
/// Selectors are flattened into alternatives, and each open element keeps the list of alternatives
/// whose steps still match the path from the record down to it: an element no selector reaches costs
/// one empty list, and its text is never kept.
struct RecordCollector {
    private struct Alternative {
        let field: Int
        let index: Int
        let path: XMLSelector.Path
    }

    private struct Frame {
        /// Alternatives whose first `depth` steps match the open elements.
        let active: [Int32]
        /// Some text alternative ends at exactly this element: only then is its text kept.
        let wantsText: Bool
        var text = ""
    }

    enum Flaw { case fieldTooLong }

    private let alternatives: [Alternative]
    private let maxFieldBytes: Int
    private var stack: [Frame] = []
    /// values[field][alternative]: the first value each alternative found.
    private var values: [[String?]]
    private(set) var flaw: Flaw?
    /// Element names whose attributes some selector reads (a predicate, or an attribute to take).
    private let attributeNames: Set<String>
    /// A selector takes an attribute of the record element itself.
    let recordNeedsAttributes: Bool
    private let everyAlternative: [Int32]

    init(selectors: [XMLSelector?], maxFieldBytes: Int) {
        self.maxFieldBytes = maxFieldBytes
        values = selectors.map { [String?](repeating: nil, count: $0?.alternatives.count ?? 0) }
        var alternatives: [Alternative] = []
        for (field, selector) in selectors.enumerated() {
            for (index, path) in (selector?.alternatives ?? []).enumerated() {
                alternatives.append(Alternative(field: field, index: index, path: path))
            }
        }
        self.alternatives = alternatives
        everyAlternative = alternatives.indices.map(Int32.init)
        var names: Set<String> = []
        var onRecord = false
        for path in alternatives.map(\.path) {
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
        for index in everyAlternative {
            let alternative = alternatives[Int(index)]
            guard alternative.path.steps.isEmpty, let wanted = alternative.path.attribute else { continue }
            capture(alternative, attribute: wanted, from: attributes)
        }
    }

    mutating func startElement(name: String, attributes: [(name: String, value: String)]) {
        let depth = stack.count + 1
        let parentActive = stack.last?.active ?? everyAlternative
        var active: [Int32] = []
        var wantsText = false
        for index in parentActive {
            let alternative = alternatives[Int(index)]
            let steps = alternative.path.steps
            guard steps.count >= depth else { continue }
            let step = steps[depth - 1]
            guard step.name == name else { continue }
            if let predicate = step.predicate,
               !attributes.contains(where: { $0.name == predicate.attribute && $0.value == predicate.value }) { continue }
            active.append(index)
            guard steps.count == depth else { continue }
            if let wanted = alternative.path.attribute {
                capture(alternative, attribute: wanted, from: attributes)
            } else {
                wantsText = true
            }
        }
        stack.append(Frame(active: active, wantsText: wantsText))
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
        if frame.wantsText {
            let depth = stack.count
            for index in frame.active {
                let alternative = alternatives[Int(index)]
                guard alternative.path.attribute == nil, alternative.path.steps.count == depth,
                      values[alternative.field][alternative.index] == nil else { continue }
                values[alternative.field][alternative.index] = trimmed(frame.text)
            }
        }
        stack.removeLast()
    }

    /// The value of each field for the finished record: the first alternative that was present.
    func fieldValues() -> [String?] {
        values.map { alternatives in alternatives.lazy.compactMap { $0 }.first }
    }

    private mutating func capture(_ alternative: Alternative, attribute: String, from attributes: [(name: String, value: String)]) {
        guard values[alternative.field][alternative.index] == nil,
              let found = attributes.first(where: { $0.name == attribute }) else { return }
        values[alternative.field][alternative.index] = trimmed(found.value)
    }

    /// XML whitespace only (space, tab, CR, LF): cheaper than `Character.isWhitespace` on every value.
    private func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !Self.isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !Self.isSpace($0) })!
        if first == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return text }
        return String(text[first...last])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
