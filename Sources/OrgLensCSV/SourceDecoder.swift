import OrgLensModel

/// Turns raw file blocks into UTF-8 blocks: strips a UTF-8 byte-order mark, honours a UTF-16 one,
/// and transcodes windows-1252. Transcoding happens block by block, so the file is never held twice.
struct SourceDecoder {
    private enum Mode {
        case undecided, utf8, windows1252
        case utf16(bigEndian: Bool)
    }

    private var mode: Mode = .undecided
    private let requested: TextEncoding
    /// A UTF-16 code unit or surrogate split across two blocks.
    private var pendingByte: UInt8?
    private var pendingHighSurrogate: UInt16?
    /// File bytes dropped before the first decoded byte (a UTF-8 byte-order mark).
    private(set) var skippedPrefix = 0

    init(encoding: TextEncoding) { requested = encoding }

    /// A decoder for a byte range in the middle of a UTF-8 file: no byte-order mark to look for.
    init(passthrough: Void) {
        requested = .utf8
        mode = .utf8
    }

    var isUTF8Source: Bool {
        if case .utf8 = mode { return true }
        return false
    }

    mutating func decode(_ block: [UInt8]) throws(RunError) -> [UInt8] {
        switch mode {
        case .undecided: return try decodeFirst(block)
        case .utf8: return block
        case .windows1252: return Self.transcodeWindows1252(block[...])
        case .utf16(let bigEndian): return transcodeUTF16(block[...], bigEndian: bigEndian)
        }
    }

    private mutating func decodeFirst(_ block: [UInt8]) throws(RunError) -> [UInt8] {
        if block.starts(with: [0xFF, 0xFE]) || block.starts(with: [0xFE, 0xFF]) {
            let bigEndian = block[0] == 0xFE
            mode = .utf16(bigEndian: bigEndian)
            return transcodeUTF16(block.dropFirst(2), bigEndian: bigEndian)
        }
        try Self.refuseNonText(block, source: nil)
        let hasBOM = block.starts(with: [0xEF, 0xBB, 0xBF])
        skippedPrefix = hasBOM ? 3 : 0
        let body = hasBOM ? block.dropFirst(3) : block[...]
        switch requested {
        case .utf8, .auto:
            mode = .utf8
            return Array(body)
        case .windows1252:
            mode = .windows1252
            return Self.transcodeWindows1252(body)
        case .utf16:
            throw RunError(
                .badData,
                "the file has no UTF-16 byte-order mark, but --encoding utf-16 was given. Export as \"Unicode text\" (UTF-16 with BOM) or drop --encoding."
            )
        }
    }

    /// Files no decoding makes CSV of, told apart by their first block: a spreadsheet (`.xlsx` is a zip)
    /// and UTF-16 without its byte-order mark. `source` prefixes the message when the caller knows it.
    static func refuseNonText(_ block: [UInt8], source: String?) throws(RunError) {
        let prefix = source.map { "\($0): " } ?? ""
        if block.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw RunError(
                .badData,
                "\(prefix)this is a spreadsheet (.xlsx), not CSV; open it and save it as \"CSV UTF-8 (Comma delimited)\", then read that file."
            )
        }
        if looksLikeUTF16WithoutBOM(block) {
            throw RunError(
                .badData,
                "\(prefix)the file looks like UTF-16 without a byte-order mark (every other byte is 0); export it as UTF-8, or as \"Unicode text\" (UTF-16 with its byte-order mark)."
            )
        }
    }

    /// Text in UTF-16 has a zero byte beside nearly every ASCII character; CSV in any 8-bit encoding has none.
    private static func looksLikeUTF16WithoutBOM(_ block: [UInt8]) -> Bool {
        let sample = block.prefix(1024)
        guard sample.count >= 8 else { return false }
        var zerosAtEven = 0
        var zerosAtOdd = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        // Zeros on one side only: a block of nothing but zeros (a sparse file) is not text at all.
        return max(zerosAtEven, zerosAtOdd) * 3 >= sample.count && min(zerosAtEven, zerosAtOdd) * 10 < sample.count
    }

    private static func transcodeWindows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
                appendUTF8(Unicode.Scalar(scalar)!, to: &out)
            }
        }
        return out
    }

    private mutating func transcodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        func nextUnit(_ first: UInt8, _ second: UInt8) -> UInt16 {
            bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 1)
        if let first = pendingByte, index < bytes.endIndex {
            units.append(nextUnit(first, bytes[index]))
            index += 1
            pendingByte = nil
        }
        while index + 1 < bytes.endIndex {
            units.append(nextUnit(bytes[index], bytes[index + 1]))
            index += 2
        }
        if index < bytes.endIndex { pendingByte = bytes[index] }
        for unit in units {
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if UTF16.isTrailSurrogate(unit) {
                    let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                    Self.appendUTF8(Unicode.Scalar(value)!, to: &out)
                    continue
                }
                Self.appendUTF8("\u{FFFD}", to: &out)
            }
            if UTF16.isLeadSurrogate(unit) {
                pendingHighSurrogate = unit
            } else if let scalar = Unicode.Scalar(unit) {
                Self.appendUTF8(scalar, to: &out)
            } else {
                Self.appendUTF8("\u{FFFD}", to: &out)
            }
        }
        return out
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// 0x80–0x9F as the WHATWG encoding standard maps them (undefined bytes become C1 controls).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D,
        0x017E, 0x0178,
    ]
}
