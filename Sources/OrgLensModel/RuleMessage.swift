/// A rule's message with holes for one occurrence's ids and numbers. Each rule's messages are declared once, beside
/// the code that raises it (`extension RuleMessage { static let … }`); findings and rejections carry the holes'
/// values and are rendered only when written, after pseudonymisation, so every id in a message is the published
/// one and no other input value can reach it.
package struct RuleMessage: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// What fills a hole.
    package enum Hole: Sendable, Hashable {
        /// The finding's subject (or the rejected row's id).
        case subject
        /// The n-th id of the occurrence.
        case id(Int)
        /// Every id of the occurrence, joined by ", ".
        case ids
        /// Every id of the occurrence, joined by " → " (a reporting loop).
        case chain
        /// The n-th number of the occurrence.
        case number(Int)
    }

    enum Part: Sendable, Hashable {
        case text(String)
        case hole(Hole)
    }

    let parts: [Part]

    package init(stringLiteral value: String) { parts = [.text(value)] }

    package init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    package struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        package init(literalCapacity: Int, interpolationCount: Int) {}

        package mutating func appendLiteral(_ literal: String) { parts.append(.text(literal)) }

        package mutating func appendInterpolation(_ hole: Hole) { parts.append(.hole(hole)) }

        /// A word of OrgLens's own vocabulary (a field name, a setting), never a value read from an export.
        package mutating func appendInterpolation(vocabulary word: String) { parts.append(.text(word)) }
    }

    /// The message with its holes filled.
    package func render(subject: String, ids: [String], numbers: MessageNumbers) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .hole(.subject): text += subject
            case .hole(.id(let index)): text += ids[index]
            case .hole(.ids): text += ids.joined(separator: ", ")
            case .hole(.chain): text += ids.joined(separator: " → ")
            case .hole(.number(let index)): text += String(numbers[index])
            }
        }
        return text
    }
}

/// The numbers of one occurrence of a message, at most three, kept inline: a million quarantined rows must not
/// cost a million small arrays.
package struct MessageNumbers: Sendable, Hashable, ExpressibleByArrayLiteral {
    // Line numbers, counts and limits: Int32 holds them all, and 16 bytes per occurrence instead of 32.
    private var first: Int32 = 0
    private var second: Int32 = 0
    private var third: Int32 = 0
    private var stored: UInt8 = 0

    package var count: Int { Int(stored) }

    package init(arrayLiteral elements: Int...) { self.init(elements) }

    package init(_ elements: [Int]) {
        precondition(elements.count <= 3, "a message holds at most three numbers")
        for element in elements { append(element) }
    }

    private mutating func append(_ value: Int) {
        let value = Int32(clamping: value)
        switch stored {
        case 0: first = value
        case 1: second = value
        default: third = value
        }
        stored += 1
    }

    package subscript(index: Int) -> Int {
        precondition(index < count, "the message names a number the occurrence does not have")
        return Int(index == 0 ? first : index == 1 ? second : third)
    }
}
