import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Log lines go to stderr: human lines for people, JSON lines for cron collectors. They never carry a
/// field value of a row; metadata holds counts, paths and rule ids.
enum Logging {
    enum Format: String, CaseIterable { case text, json }

    static func logger(quiet: Bool, format: Format) -> Logger {
        var logger = Logger(label: "orglens") { label in
            switch format {
            case .text: StreamLogHandler.standardError(label: label)
            case .json: JSONLogHandler()
            }
        }
        logger.logLevel = quiet ? .warning : .info
        return logger
    }
}

/// One JSON object per log line: `{"level":…,"message":…,…metadata}` with keys in a fixed order.
struct JSONLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = [("level", "\(event.level)"), ("message", event.message.description)]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() { fields.append((key, "\(merged[key]!)")) }
        let line = "{" + fields.map { "\(Self.quote($0.0)):\(Self.quote($0.1))" }.joined(separator: ",") + "}\n"
        StandardError.write(line)
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out += scalar.value < 0x20 ? "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16) : String(scalar)
            }
        }
        return out + "\""
    }
}
