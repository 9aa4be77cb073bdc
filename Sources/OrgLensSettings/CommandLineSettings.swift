package import OrgLensModel
import Yams

/// Settings given as flags, each under the dotted key of the setting it sets (`--org-layer 3` is
/// `thresholds.org_layer: 3`): read by the same declarations as a file, so bounds and value lists are checked
/// once; messages name the flag, and a bad value is a usage error (64).
package struct CommandLineSettings {
    private var entries: [(key: [String], flag: String, value: Node)] = []

    package init() {}

    /// `--flag VALUE` (nothing when not given).
    package mutating func set(_ key: String, flag: String, _ value: String?) {
        guard let value else { return }
        entries.append((key.split(separator: ".").map(String.init), flag, Node(value)))
    }

    /// A repeatable flag whose values make a list: it replaces the file's list (nothing when not given).
    package mutating func set(_ key: String, flag: String, list: [String]) {
        guard !list.isEmpty else { return }
        entries.append((key.split(separator: ".").map(String.init), flag, Node.sequence(.init(list.map { Node($0) }))))
    }

    /// How a repeatable `NAME=VALUE` flag is split: at the first `=` (a column or an XML selector may hold
    /// one), or at the last (a status value may hold one, a meaning never does).
    package enum Split { case first, last }

    /// A repeatable `NAME=VALUE` flag: a map merged over the file's, name by name.
    package mutating func set(
        _ key: String, flag: String, pairs: [String], split: Split, form: String, example: String
    ) throws(RunError) {
        guard !pairs.isEmpty else { return }
        var mapping: [(Node, Node)] = []
        for pair in pairs {
            let equals = split == .first ? pair.firstIndex(of: "=") : pair.lastIndex(of: "=")
            guard let equals, equals != pair.startIndex else {
                throw RunError(.usage, "\(flag) '\(pair)' is not \(form) (e.g. \(flag) \(example)).")
            }
            mapping.append((Node(String(pair[..<equals])), Node(String(pair[pair.index(after: equals)...]))))
        }
        entries.append((key.split(separator: ".").map(String.init), flag, Node.mapping(.init(mapping))))
    }

    /// Reads the flags into `group` through its declarations, as a file with the same keys would be read.
    package func apply<Group: SettingsGroup>(to group: inout Group) throws(RunError) {
        try group.read(tree, at: nil, reader: reader)
    }

    /// The flags as the node tree a file with the same keys would make.
    private var tree: Node {
        var root = Tree()
        for entry in entries { root.insert(entry.value, at: entry.key[...]) }
        return root.node
    }

    /// A reader that names flags in its messages and fails with a usage error.
    private var reader: NodeReader {
        var reader = NodeReader(path: "")
        reader.status = .usage
        for entry in entries { reader.flags[entry.key.joined(separator: ".")] = entry.flag }
        return reader
    }

    /// Keys in the order first given; a key given twice keeps the later value.
    private struct Tree {
        var value: Node?
        var children: [(String, Tree)] = []

        mutating func insert(_ node: Node, at path: ArraySlice<String>) {
            guard let first = path.first else {
                value = node
                return
            }
            if let index = children.firstIndex(where: { $0.0 == first }) {
                children[index].1.insert(node, at: path.dropFirst())
            } else {
                var child = Tree()
                child.insert(node, at: path.dropFirst())
                children.append((first, child))
            }
        }

        var node: Node {
            value ?? Node.mapping(.init(children.map { (Node($0.0), $0.1.node) }))
        }
    }
}
