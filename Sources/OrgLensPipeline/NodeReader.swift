import OrgLensModel
import Yams

/// Reads typed values out of a YAML node tree, with positions in every error (plain `Decodable`
/// would silently ignore misspelled keys).
struct NodeReader {
    let path: String

    /// The file's node tree (nil for an empty file); bad YAML is a configuration error naming the file.
    func compose(_ text: String) throws(RunError) -> Node? {
        do { return try Yams.compose(yaml: text) } catch {
            throw RunError(.configuration, "\(path): not valid YAML: \(error)")
        }
    }

    func mapping(_ node: Node, at place: String, allowed: [String]) throws(RunError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(node: node, "\(place) must be a mapping (key: value lines)")
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw error(node: keyNode, "keys in \(place) must be plain names")
            }
            guard allowed.contains(key) else {
                throw error(
                    node: keyNode, "unknown key '\(key)' in \(place); allowed: \(allowed.joined(separator: ", "))")
            }
            result[key] = value
        }
        return result
    }

    func anyMapping(_ node: Node, at place: String) throws(RunError) -> [(String, Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node: node, "\(place) must be a mapping (key: value lines)")
        }
        var result: [(String, Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error(node: key, "keys in \(place) must be plain names") }
            result.append((name, value))
        }
        return result
    }

    // Each reader takes an optional node: an absent key gives nil, a present one must have the right type.

    func string(_ node: Node?, at place: String) throws(RunError) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar?.string else { throw error(node: node, "\(place) must be a text value") }
        return text
    }

    func strings(_ node: Node?, at place: String) throws(RunError) -> [String]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else { throw error(node: node, "\(place) must be a list") }
        var result: [String] = []
        for item in sequence { result.append(try string(item, at: place) ?? "") }
        return result
    }

    func int(_ node: Node?, at place: String) throws(RunError) -> Int? {
        guard let node else { return nil }
        guard let value = node.scalar.flatMap({ Int($0.string) }) else {
            throw error(node: node, "\(place) must be a whole number")
        }
        return value
    }

    func double(_ node: Node?, at place: String) throws(RunError) -> Double? {
        guard let node else { return nil }
        guard let value = node.scalar.flatMap({ Double($0.string) }) else {
            throw error(node: node, "\(place) must be a number")
        }
        return value
    }

    /// A number kept exactly as written (`1.08` is 108/100).
    func decimal(_ node: Node, at place: String) throws(RunError) -> ExactDecimal {
        guard let text = node.scalar?.string, let value = ExactDecimal(text) else {
            throw error(node: node, "\(place) must be a decimal number such as 1.08")
        }
        return value
    }

    /// `null`, `~` or an empty plain value: a setting turned off.
    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["null", "Null", "NULL", "~", ""].contains(scalar.string)
    }

    func bool(_ node: Node?, at place: String) throws(RunError) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(node: node, "\(place) must be true or false")
        }
    }

    /// A configuration error at `node`'s position.
    func fail(_ node: Node, _ message: String) -> RunError { error(node: node, message) }

    private func error(node: Node, _ message: String) -> RunError {
        let mark = node.mark.map { "\($0.line):\($0.column): " } ?? ""
        return RunError(.configuration, "\(path):\(mark)\(message).")
    }
}
