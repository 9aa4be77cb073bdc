import ArgumentParser
import Logging
import OrgLensModel
import OrgLensSystem

/// Log lines go to stderr: human lines for people, JSON lines for cron collectors. They never carry a
/// field value of a row; metadata holds counts, paths and rule ids.
enum LogSetup {
    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

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

/// One JSON object per log line: `{"time":…,"level":…,"message":…,…metadata}` with keys in a fixed order.
/// Metadata that reads as a number is written as one, so collectors can compare and sum it.
struct JSONLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    enum Value {
        case text(String)
        case number(Double)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.keys.sorted().map { key in (key, Self.typed("\(merged[key]!)")) }
        Self.write(level: "\(event.level)", message: event.message.description, fields: fields)
    }

    static func write(level: String, message: String, fields: [(String, Value)]) {
        var line =
            "{\"time\":\(JSONString.quoted(timestamp())),\"level\":\(JSONString.quoted(level)),\"message\":\(JSONString.quoted(message))"
        for (key, value) in fields {
            switch value {
            case .text(let text): line += ",\(JSONString.quoted(key)):\(JSONString.quoted(text))"
            case .number(let number):
                line +=
                    ",\(JSONString.quoted(key)):"
                    + (number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)")
            }
        }
        StandardError.write(line + "}\n")
    }

    /// `12`, `-3`, `0.25` are numbers; ids with leading zeros, paths and words stay text.
    private static func typed(_ text: String) -> Value {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.first != "0" || digits.count == 1 || digits.dropFirst().first == ".",
            digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), digits.filter({ $0 == "." }).count <= 1,
            digits.last != ".", let number = Double(text)
        else { return .text(text) }
        return .number(number)
    }

    /// UTC, to the millisecond: `2026-11-01T02:15:03.123Z`.
    private static func timestamp() -> String {
        let now = POSIX.now()
        let date = CivilDate(daysSinceEpoch: now.seconds / 86_400).components
        let second = now.seconds % 86_400
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))T"
            + "\(pad(second / 3600, 2)):\(pad(second / 60 % 60, 2)):\(pad(second % 60, 2)).\(pad(now.milliseconds, 3))Z"
    }
}
