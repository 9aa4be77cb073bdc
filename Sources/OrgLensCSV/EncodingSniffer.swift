import OrgLensInput
import OrgLensModel

/// Decides `encoding: auto` from the whole file: UTF-8 when every byte sequence is valid UTF-8, else
/// windows-1252 (what Excel's plain "CSV" writes); a byte-order mark decides at once. A spreadsheet
/// (`.xlsx` is a zip) is refused with what to do instead.
enum EncodingSniffer {
    /// With `firstBlockOnly`, UTF-8 means only "the first MiB is UTF-8"; the reader confirms the rest.
    static func decide(path: String, source: String, firstBlockOnly: Bool = false) throws(RunError) -> TextEncoding {
        let reader = try ByteBlockReader(path: path, hashing: false)
        var carry: [UInt8] = []
        var first = true
        while let block = try reader.next() {
            if first {
                first = false
                if block.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
                if block.starts(with: [0xFF, 0xFE]) || block.starts(with: [0xFE, 0xFF]) { return .utf16 }
                try SourceDecoder.refuseNonText(block, source: source)
            }
            var bytes = carry + block
            // A character split across blocks is checked with the next block.
            var cut = bytes.count
            var back = 0
            while back < 3, cut > 0, bytes[cut - 1] & 0xC0 == 0x80 {
                cut -= 1
                back += 1
            }
            if cut > 0, bytes[cut - 1] >= 0xC0 { cut -= 1 }
            carry = Array(bytes[cut...])
            bytes.removeSubrange(cut...)
            let valid = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
            if !valid { return .windows1252 }
            if firstBlockOnly { return .utf8 }
        }
        guard carry.isEmpty || carry.withUnsafeBufferPointer({ UTF8Validation.isValid($0) }) else {
            return .windows1252
        }
        return .utf8
    }
}
