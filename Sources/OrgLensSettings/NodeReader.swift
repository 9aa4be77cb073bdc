package import OrgLensModel
package import Yams

/// Reads typed values out of a YAML node tree, with positions in every error (plain `Decodable` would silently
/// ignore misspelled keys). The same reader reads `analyze`'s flags, turned into nodes: then messages name the
/// flag, not the key, and a bad value is a usage error (64) rather than a configuration one (78).
package struct NodeReader: Sendable {
    /// The file read (empty for the command line).
    package let path: String
    /// The folder paths and `presets/` are relative to.
    package var base = ""
    package var status = ExitStatus.configuration
    /// Dotted key → the flag that set it, for messages about the command line.
    package var flags: [String: String] = [:]

    package init(path: String, base: String = "") {
        self.path = path
        self.base = base
    }

    /// Whether the values come from a file (else from flags).
    package var isFile: Bool { status == .configuration }

    /// What a message calls the setting at `place`: the flag that set it or a key within it, else the key.
    package func name(_ place: String) -> String {
        var key = Substring(place)
        while true {
            if let flag = flags[String(key)] { return flag }
            guard let dot = key.lastIndex(of: ".") else { return place }
            key = key[..<dot]
        }
    }

    /// The file's node tree (nil for an empty file); bad YAML is a configuration error naming the file.
    package func compose(_ text: String) throws(RunError) -> Node? {
        do { return try Yams.compose(yaml: text) } catch {
            throw RunError(status, "\(path): not valid YAML: \(error)")
        }
    }

    package func mapping(_ node: Node, at place: String, allowed: [String]) throws(RunError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw fail(node, "\(name(place)) must be a mapping (key: value lines)")
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw fail(keyNode, "keys in \(name(place)) must be plain names")
            }
            guard allowed.contains(key) else {
                throw fail(
                    keyNode, "unknown key '\(key)' in \(name(place)); allowed: \(allowed.joined(separator: ", "))")
            }
            result[key] = value
        }
        return result
    }

    package func anyMapping(_ node: Node, at place: String) throws(RunError) -> [(String, Node)] {
        guard case .mapping(let mapping) = node else {
            throw fail(node, "\(name(place)) must be a mapping (key: value lines)")
        }
        var result: [(String, Node)] = []
        for (key, value) in mapping {
            guard let text = key.scalar?.string else { throw fail(key, "keys in \(name(place)) must be plain names") }
            result.append((text, value))
        }
        return result
    }

    // Each reader takes an optional node: an absent key gives nil, a present one must have the right type.

    package func string(_ node: Node?, at place: String) throws(RunError) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar?.string else { throw fail(node, "\(name(place)) must be a text value") }
        return text
    }

    package func strings(_ node: Node?, at place: String) throws(RunError) -> [String]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else { throw fail(node, "\(name(place)) must be a list") }
        var result: [String] = []
        for item in sequence { result.append(try string(item, at: place) ?? "") }
        return result
    }

    package func int(_ node: Node?, at place: String) throws(RunError) -> Int? {
        guard let node else { return nil }
        guard let value = node.scalar.flatMap({ Int($0.string) }) else {
            throw fail(node, "\(name(place)) must be a whole number")
        }
        return value
    }

    package func double(_ node: Node?, at place: String) throws(RunError) -> Double? {
        guard let node else { return nil }
        guard let value = node.scalar.flatMap({ Double($0.string) }) else {
            throw fail(node, "\(name(place)) must be a number")
        }
        return value
    }

    /// A number kept exactly as written (`1.08` is 108/100).
    package func decimal(_ node: Node, at place: String) throws(RunError) -> ExactDecimal {
        guard let text = node.scalar?.string, let value = ExactDecimal(text) else {
            throw fail(node, "\(name(place)) must be a decimal number such as 1.08")
        }
        return value
    }

    /// `null`, `~` or an empty plain value: a setting turned off.
    package func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["null", "Null", "NULL", "~", ""].contains(scalar.string)
    }

    package func bool(_ node: Node?, at place: String) throws(RunError) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fail(node, "\(name(place)) must be true or false")
        }
    }

    /// An error at `node`'s position: `file:line:column: message.` (the command line has neither).
    package func fail(_ node: Node, _ message: String) -> RunError {
        guard isFile else { return RunError(status, message + ".") }
        let mark = node.mark.map { "\($0.line):\($0.column): " } ?? ""
        return RunError(status, "\(path):\(mark)\(message).")
    }

    /// An error about the file (or the command line) as a whole.
    package func fail(_ message: String) -> RunError {
        RunError(status, isFile ? "\(path): \(message)." : message + ".")
    }
}
