/// Collects one record's field values while its elements stream past.
///
/// Selectors are flattened into alternatives, and each open element keeps the alternatives whose
/// steps still match the path from the record down to it, in one stack shared by all open elements:
/// an element costs no allocation, one no selector reaches keeps nothing, and its text is never kept.
/// Element names arrive as small integers (`stepID(named:)`) and values stay bytes.
struct RecordCollector {
    /// Alternatives, flattened (CSR): alternative `a`'s steps are `steps[stepStart[a]..<stepStart[a + 1]]`,
    /// as ids into `stepNames`, outermost first, each with its predicate. Plain arrays, so walking them
    /// for every element of a large export retains nothing.
    private let steps: [Int32]
    private let predicates: [(attribute: String, value: String)?]
    private let stepStart: [Int]
    private let attributeOf: [String?]
    /// Alternatives whose first step is each step id: the only candidates for a child of the record.
    private let startingWith: [[Int32]]

    private struct Frame {
        /// This element's alternatives are `active[activeStart..<activeEnd]`.
        let activeStart: Int
        let activeEnd: Int
        /// Some text alternative ends at exactly this element: only then is its text kept.
        let wantsText: Bool
        /// This element's text is `text[textStart...]`.
        let textStart: Int
    }

    enum Flaw { case fieldTooLong }

    /// Element names some selector step uses.
    let stepNames: [String]
    /// A selector takes an attribute of the record element itself.
    let recordNeedsAttributes: Bool
    /// Alternatives of each field, first (preferred) first.
    private let alternativesOfField: [[Int]]
    /// Step ids whose attributes some selector reads (a predicate, or an attribute to take).
    private let attributeSteps: [Bool]
    /// Step ids that are the last step of a text alternative: the only elements whose text is taken.
    private let textSteps: [Bool]
    private let maxFieldBytes: Int
    private var active: [Int32] = []
    private var stack: [Frame] = []
    private var text: [UInt8] = []
    /// The first value each alternative found, as a range of `valueBytes`.
    private var valueRange: [Range<Int>?]
    private var valueBytes: [UInt8] = []
    private(set) var flaw: Flaw?

    init(selectors: [XMLSelector?], maxFieldBytes: Int) {
        self.maxFieldBytes = maxFieldBytes
        var names: [String] = []
        func id(_ name: String) -> Int32 {
            if let known = names.firstIndex(of: name) { return Int32(known) }
            names.append(name)
            return Int32(names.count - 1)
        }
        var steps: [Int32] = []
        var predicates: [(attribute: String, value: String)?] = []
        var stepStart = [0]
        var attributeOf: [String?] = []
        var alternativesOfField: [[Int]] = []
        var attributeSteps: Set<Int32> = []
        var onRecord = false
        for selector in selectors {
            var ofField: [Int] = []
            for path in selector?.alternatives ?? [] {
                let ids = path.steps.map { id($0.name) }
                for (step, name) in zip(path.steps, ids) where step.predicate != nil { attributeSteps.insert(name) }
                if path.attribute != nil {
                    if let last = ids.last { attributeSteps.insert(last) } else { onRecord = true }
                }
                ofField.append(attributeOf.count)
                steps += ids
                predicates += path.steps.map(\.predicate)
                stepStart.append(steps.count)
                attributeOf.append(path.attribute)
            }
            alternativesOfField.append(ofField)
        }
        stepNames = names
        self.steps = steps
        self.predicates = predicates
        self.stepStart = stepStart
        self.attributeOf = attributeOf
        self.alternativesOfField = alternativesOfField
        self.attributeSteps = names.indices.map { attributeSteps.contains(Int32($0)) }
        textSteps = names.indices.map { name in
            attributeOf.indices.contains {
                attributeOf[$0] == nil && stepStart[$0 + 1] > stepStart[$0]
                    && steps[stepStart[$0 + 1] - 1] == Int32(name)
            }
        }
        startingWith = names.indices.map { name in
            attributeOf.indices.filter { stepStart[$0 + 1] > stepStart[$0] && steps[stepStart[$0]] == Int32(name) }.map(
                Int32.init)
        }
        recordNeedsAttributes = onRecord
        valueRange = Array(repeating: nil, count: attributeOf.count)
    }

    /// The id `startElement` takes for an element called `name`, or -1 when no selector names it.
    func stepID(named name: String) -> Int32 {
        stepNames.firstIndex(of: name).map(Int32.init) ?? -1
    }

    func needsAttributes(ofStep step: Int32) -> Bool { step >= 0 && attributeSteps[Int(step)] }

    /// Whether text inside an element `step` could ever be kept (an element's frame decides for sure).
    func mayTakeText(ofStep step: Int32) -> Bool { step >= 0 && textSteps[Int(step)] }

    mutating func beginRecord(attributes: [(name: String, value: String)]) {
        stack.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        valueBytes.removeAll(keepingCapacity: true)
        active.removeAll(keepingCapacity: true)
        for index in valueRange.indices { valueRange[index] = nil }
        flaw = nil
        guard recordNeedsAttributes else { return }
        for index in attributeOf.indices where stepStart[index + 1] == stepStart[index] {
            if let wanted = attributeOf[index] { capture(index, attribute: wanted, from: attributes) }
        }
    }

    /// An element opens inside the record; `step` is its `stepID(named:)`.
    mutating func startElement(step: Int32, attributes: [(name: String, value: String)]) {
        let depth = stack.count + 1
        let start = active.count
        var wantsText = false
        if step >= 0 {
            if let parent = stack.last {
                for position in parent.activeStart..<parent.activeEnd {
                    let index = Int(active[position])
                    let count = stepStart[index + 1] - stepStart[index]
                    guard count >= depth, steps[stepStart[index] + depth - 1] == step else { continue }
                    consider(index, depth: depth, count: count, attributes: attributes, wantsText: &wantsText)
                }
            } else {
                for index in startingWith[Int(step)] {
                    let index = Int(index)
                    consider(
                        index, depth: 1, count: stepStart[index + 1] - stepStart[index], attributes: attributes,
                        wantsText: &wantsText)
                }
            }
        }
        stack.append(Frame(activeStart: start, activeEnd: active.count, wantsText: wantsText, textStart: text.count))
    }

    /// Alternative `index`, whose step at `depth` names this element, stays active if its predicate
    /// holds; if the element is its last step, it takes the attribute now or the text at the end.
    private mutating func consider(
        _ index: Int, depth: Int, count: Int, attributes: [(name: String, value: String)], wantsText: inout Bool
    ) {
        if let predicate = predicates[stepStart[index] + depth - 1],
            !attributes.contains(where: { $0.name == predicate.attribute && $0.value == predicate.value })
        {
            return
        }
        active.append(Int32(index))
        guard count == depth else { return }
        if let wanted = attributeOf[index] {
            capture(index, attribute: wanted, from: attributes)
        } else {
            wantsText = true
        }
    }

    /// Text of the innermost open element, appended by `produce` (kept only when a text alternative ends there).
    mutating func appendText(_ produce: (inout [UInt8]) -> Void) {
        guard let frame = stack.last, frame.wantsText else { return }
        let before = text.count
        produce(&text)
        if text.count - frame.textStart > maxFieldBytes {
            flaw = .fieldTooLong
            text.removeLast(text.count - before)
        }
    }

    mutating func endElement() {
        guard let frame = stack.popLast() else { return }
        if frame.wantsText {
            let depth = stack.count + 1
            let trimmed = Self.trimmed(frame.textStart..<text.count, in: text)
            for position in frame.activeStart..<frame.activeEnd {
                let index = Int(active[position])
                guard attributeOf[index] == nil, stepStart[index + 1] - stepStart[index] == depth,
                    valueRange[index] == nil
                else { continue }
                let start = valueBytes.count
                valueBytes.append(contentsOf: text[trimmed])
                valueRange[index] = start..<valueBytes.count
            }
        }
        // A closed element's entries stay behind the open ones (every frame records where its own
        // start), so most elements shrink nothing; they are dropped when a parent's text would run on
        // into them, or once they add up.
        if stack.last?.wantsText == true || text.count > Self.leftoverLimit {
            text.removeLast(text.count - frame.textStart)
        }
        if active.count > Self.leftoverLimit { active.removeLast(active.count - frame.activeStart) }
    }

    private static let leftoverLimit = 1 << 16

    /// The value of `field` in the finished record: the first alternative that was present.
    /// Bytes of every value the record captured: no field of it is longer, nor all its fields together.
    var capturedBytes: Int { valueBytes.count }

    func value(ofField field: Int) -> ArraySlice<UInt8>? {
        for index in alternativesOfField[field] {
            if let range = valueRange[index] { return valueBytes[range] }
        }
        return nil
    }

    private mutating func capture(_ index: Int, attribute: String, from attributes: [(name: String, value: String)]) {
        guard valueRange[index] == nil, let found = attributes.first(where: { $0.name == attribute }) else { return }
        let bytes = Array(found.value.utf8)
        let start = valueBytes.count
        valueBytes.append(contentsOf: bytes[Self.trimmed(bytes.indices, in: bytes)])
        valueRange[index] = start..<valueBytes.count
    }

    /// XML whitespace only (space, tab, CR, LF) trimmed from both ends of `range`.
    private static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
