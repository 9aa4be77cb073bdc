import Glibc

/// Paths taken apart as text, the same for every spelling a user types (`o`, `o/`, `./o`, `../x/o`): the parent
/// folder, the last name, the absolute form. Foundation's path helpers are not used for this because they trap on
/// some short relative paths on Linux.
package enum PathParts {
    /// `path` without trailing slashes ("/" stays "/").
    package static func trimmed(_ path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    /// The folder `path` is in: "." for a bare name, "/" for a name at the root.
    package static func parent(_ path: String) -> String {
        let text = trimmed(path)
        guard let slash = text.lastIndex(of: "/") else { return "." }
        return slash == text.startIndex ? "/" : String(text[..<slash])
    }

    /// The last name of `path`.
    package static func name(_ path: String) -> String {
        let text = trimmed(path)
        guard let slash = text.lastIndex(of: "/") else { return text }
        return String(text[text.index(after: slash)...])
    }

    /// `path` from the root, `.` and `..` resolved as text (symlinks are not followed).
    package static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` with every symlink resolved, for as much of it as exists (the rest appended as written).
    package static func resolved(_ path: String) -> String {
        var existing = absolute(path)
        var rest: [String] = []
        while existing != "/" {
            if let real = realPath(existing) { return ([real] + rest.reversed()).joined(separator: "/") }
            rest.append(name(existing))
            existing = parent(existing)
        }
        return "/" + rest.reversed().joined(separator: "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func currentDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "/" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
