internal import CLibXML2
import OrgLensInput
import OrgLensModel

#if canImport(Glibc)
import Glibc
#endif

/// One event of the streamed document, as Swift values.
/// Names and text are not copied into `String`s here: the caller asks for them (`localNameIndex`,
/// `appendValue`) only when a record needs them, which keeps unselected parts of a large export cheap.
enum XMLEvent {
    case start(depth: Int, isEmpty: Bool)
    case end(depth: Int)
    case text
    case documentType
    case other
}

/// The one owner of a libxml2 `xmlTextReader`: streams a file through it with hardened options and
/// turns C status codes and libxml2's structured errors into `RunError`s. No libxml2 type or pointer
/// leaves this file.
final class XMLTextReader {
    /// NONET, and never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE: HR exports are untrusted.
    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    private let reader: xmlTextReaderPtr
    private let input: InputBridge
    private let errors: ErrorSink
    private let displayPath: String

    /// `hashing: false` when another worker computes the file's checksum.
    init(path: String, displayPath: String, hashing: Bool = true) throws(RunError) {
        let input = InputBridge(reader: try ByteBlockReader(path: path, hashing: hashing), displayPath: displayPath)
        let errors = ErrorSink()
        orglens_xml_silence_generic_errors()
        orglens_xml_refuse_external_entities()
        guard
            let reader = xmlReaderForIO(
                Self.readCallback, nil, Unmanaged.passUnretained(input).toOpaque(), nil, nil, Self.options)
        else {
            throw RunError(.readError, "\(displayPath): libxml2 could not start reading the file.")
        }
        xmlTextReaderSetStructuredErrorHandler(reader, Self.errorCallback, Unmanaged.passUnretained(errors).toOpaque())
        self.reader = reader
        self.input = input
        self.errors = errors
        self.displayPath = displayPath
    }

    deinit { xmlFreeTextReader(reader) }

    /// The next node, or nil at the end of the document.
    func next() throws(RunError) -> XMLEvent? {
        let status = xmlTextReaderRead(reader)
        if status == 0 { return nil }
        guard status == 1 else { throw failure() }
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            return .start(depth: Int(xmlTextReaderDepth(reader)), isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            return .end(depth: Int(xmlTextReaderDepth(reader)))
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            return .text
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            return .documentType
        default:
            return .other
        }
    }

    /// Appends each attribute of the current element as its local name and value, both as ranges of
    /// `bytes`: the parsing worker copies bytes and leaves making strings to the collecting one.
    func appendAttributes(names: inout [Range<Int>], values: inout [Range<Int>], bytes: inout [UInt8]) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        func append(_ text: UnsafePointer<xmlChar>?) -> Range<Int> {
            let start = bytes.count
            if let text {
                bytes.append(
                    contentsOf: UnsafeBufferPointer(
                        start: text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))))
            }
            return start..<bytes.count
        }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            names.append(append(xmlTextReaderConstLocalName(reader)))
            values.append(append(xmlTextReaderConstValue(reader)))
        }
        xmlTextReaderMoveToElement(reader)
    }

    /// Line of the current node in the file.
    var line: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return Int(xmlTextReaderGetParserLineNumber(reader)) }
        return Int(xmlGetLineNo(node))
    }

    /// The current element and everything in it, as XML text (expands only this subtree).
    func outerXML() -> String {
        guard let text = xmlTextReaderReadOuterXml(reader) else { return "" }
        defer { orglens_xml_free(text) }
        return String(cString: text)
    }

    var fileInfo: SourceFileInfo { input.reader.info(displayPath: displayPath) }

    /// Local name of the current node.
    var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// Appends the current node's text to `bytes`, without making a `String`.
    func appendValue(to bytes: inout [UInt8]) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        bytes.append(
            contentsOf: UnsafeBufferPointer(
                start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))))
    }

    // The name cache is read for every element of the file. This class is used by one thread only, so
    // the runtime's dynamic exclusivity checks on its properties (a measurable share of the read) are off.
    /// Local names seen so far; `localNameIndex()` indexes this.
    @exclusivity(unchecked) private(set) var names: [String] = []
    @exclusivity(unchecked) private var nameBytes: [[CChar]] = []
    @exclusivity(unchecked) private var nameIndexByText: [String: Int32] = [:]
    @exclusivity(unchecked) private var cachedAddress = [UInt](repeating: 0, count: 256)
    @exclusivity(unchecked) private var cachedIndex = [Int32](repeating: -1, count: 256)

    /// A dense index (into `names`) for the current node's local name, without making a `String`.
    /// libxml2 interns names in its dictionary, so a name is found by its address in a small cache; the
    /// bytes are compared as well, so an address reused for another name cannot mislead.
    func localNameIndex() -> Int32 {
        guard let current = xmlTextReaderConstLocalName(reader) else { return -1 }
        let text = UnsafeRawPointer(current).assumingMemoryBound(to: CChar.self)
        let address = UInt(bitPattern: text)
        // Names sit a few bytes apart in libxml2's pool: mix every address bit into the slot.
        let slot = Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 56)
        let cached = cachedIndex[slot]
        if cachedAddress[slot] == address, cached >= 0,
            nameBytes[Int(cached)].withUnsafeBufferPointer({ strcmp($0.baseAddress!, text) == 0 })
        {
            return cached
        }
        let name = String(cString: text)
        let index: Int32
        if let known = nameIndexByText[name] {
            index = known
        } else {
            index = Int32(names.count)
            names.append(name)
            nameBytes.append(Array(name.utf8CString))
            nameIndexByText[name] = index
        }
        cachedAddress[slot] = address
        cachedIndex[slot] = index
        return index
    }

    /// A read failure from our own input callback wins; otherwise libxml2's first structured error.
    private func failure() -> RunError {
        if let error = input.error { return error }
        guard let first = errors.first else {
            return RunError(.badData, "\(displayPath): the XML could not be parsed.")
        }
        return RunError(
            .badData,
            "\(displayPath):\(first.line):\(first.column): malformed XML: \(first.message). Fix the export (it may be truncated) and run again."
        )
    }

    private static let readCallback: xmlInputReadCallback = { context, buffer, length in
        let input = Unmanaged<InputBridge>.fromOpaque(context!).takeUnretainedValue()
        return input.fill(UnsafeMutableRawPointer(buffer!), capacity: Int(length))
    }

    private static let errorCallback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
        guard sink.first == nil else { return }
        // Our own wording by error code: libxml2's messages can quote the document (an entity's name, a
        // tag, the offending bytes), which may be personal data.
        sink.first = (
            Int(error.pointee.line), Int(error.pointee.int2), XMLErrorWording.describe(code: Int(error.pointee.code))
        )
    }
}

/// Feeds libxml2 from `ByteBlockReader`, so the XML file is hashed on the same single pass.
private final class InputBridge {
    let reader: ByteBlockReader
    private let displayPath: String
    private var block: [UInt8] = []
    private var offset = 0
    var error: RunError?

    init(reader: ByteBlockReader, displayPath: String) {
        self.reader = reader
        self.displayPath = displayPath
    }

    func fill(_ buffer: UnsafeMutableRawPointer, capacity: Int) -> Int32 {
        if offset == block.count {
            do {
                let isFirst = reader.bytesRead == 0
                guard let next = try reader.next() else { return 0 }
                if isFirst, DoctypeSniffer.prologHasDoctype(next) {
                    self.error = RunError(.badData, XMLReader.doctypeMessage(displayPath))
                    return -1
                }
                block = next
                offset = 0
            } catch {
                self.error = error
                return -1
            }
        }
        let count = min(capacity, block.count - offset)
        block.withUnsafeBytes { bytes in
            buffer.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return Int32(count)
    }
}

private final class ErrorSink {
    var first: (line: Int, column: Int, message: String)?
}

extension String {
    func trimmingCharacters() -> String {
        String(Substring(self).trimmingCharacters())
    }
}
