/// Finds a `<!DOCTYPE` in the prolog of a document's first bytes, before libxml2 parses it.
///
/// Refusing on libxml2's DOCTYPE node is too late for some attacks: entity declarations in the
/// internal subset are already parsed (and checked for loops) by then. Looking at the raw prolog
/// first means a hostile DTD is never parsed at all.
enum DoctypeSniffer {
    static func prologHasDoctype(_ bytes: [UInt8]) -> Bool {
        let text = asciiView(bytes)
        var index = 0
        while index < text.count {
            guard text[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let rest = text[(index + 1)...]
            if rest.starts(with: Array("!DOCTYPE".utf8)) { return true }
            if rest.starts(with: Array("?".utf8)) {
                index = skip(past: Array("?>".utf8), in: text, from: index) ?? text.count
            } else if rest.starts(with: Array("!--".utf8)) {
                index = skip(past: Array("-->".utf8), in: text, from: index) ?? text.count
            } else {
                return false
            }
        }
        return false
    }

    /// UTF-16 prologs are ASCII with a zero byte beside each character; keep only the characters.
    private static func asciiView(_ bytes: [UInt8]) -> [UInt8] {
        let head = Array(bytes.prefix(64 << 10))
        guard head.count >= 2 else { return head }
        let littleEndian = head.starts(with: [0xFF, 0xFE]) || (head[0] != 0 && head[1] == 0)
        let bigEndian = head.starts(with: [0xFE, 0xFF]) || (head[0] == 0 && head[1] != 0)
        guard littleEndian || bigEndian else { return head }
        return stride(from: littleEndian ? 2 : 3, to: head.count, by: 2).map { head[$0] }
    }

    private static func skip(past terminator: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + terminator.count <= text.count {
            if text[index..<(index + terminator.count)].elementsEqual(terminator) { return index + terminator.count }
            index += 1
        }
        return nil
    }
}
