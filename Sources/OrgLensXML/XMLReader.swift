import OrgLensInput
public import OrgLensModel

/// Bounds that keep one hostile document from exhausting memory.
public struct XMLLimits: Sendable, Hashable {
    public var maxFieldBytes: Int
    public var maxDepth: Int
    public var maxRawBytes: Int

    public init(maxFieldBytes: Int = 1 << 20, maxDepth: Int = 256, maxRawBytes: Int = 64 << 10) {
        self.maxFieldBytes = maxFieldBytes
        self.maxDepth = maxDepth
        self.maxRawBytes = maxRawBytes
    }
}

/// Reads one XML export into a `RawTable`, streaming it with libxml2's `xmlTextReader` so memory stays
/// flat however large the file. Records are found and fields selected by an `XMLRecordMapping`.
public struct XMLReader: Sendable {
    public let path: String
    public let displayPath: String
    public let mapping: XMLRecordMapping
    public let limits: XMLLimits

    public init(path: String, displayPath: String? = nil, mapping: XMLRecordMapping, limits: XMLLimits = XMLLimits()) {
        self.path = path
        self.displayPath = displayPath ?? path
        self.mapping = mapping
        self.limits = limits
    }

    /// Reads every record; `fields` not in the mapping come out as absent columns. With more than one
    /// worker, the file's checksum is computed on another worker while libxml2 parses it.
    public func read(fields: [String], identifierField: String, workers: Int = 1) throws(RunError) -> RawTable {
        guard workers > 1 else { return try parse(fields: fields, identifierField: identifierField, hashing: true) }
        // A refused prolog must fail at once, not after a second worker has read the whole file.
        if let first = try ByteBlockReader(path: path, hashing: false).next(), DoctypeSniffer.prologHasDoctype(first) {
            throw RunError(.badData, Self.doctypeMessage(displayPath))
        }
        let (parsed, hashed, _) = concurrently(
            workers: workers,
            { Result { () throws(RunError) in try parse(fields: fields, identifierField: identifierField, hashing: false) } },
            { [path, displayPath] in Result { () throws(RunError) in try ByteBlockReader(path: path).hashToEnd(displayPath: displayPath) } },
            {})
        var table = try parsed.get()
        table.file = try hashed.get()
        return table
    }

    static func doctypeMessage(_ displayPath: String) -> String {
        "\(displayPath): the document has a <!DOCTYPE>; DTDs are not accepted in HR exports. Export without a DTD and run again."
    }

    private func parse(fields: [String], identifierField: String, hashing: Bool) throws(RunError) -> RawTable {
        let reader = try XMLTextReader(path: path, displayPath: displayPath, hashing: hashing)
        let selectors = fields.map { mapping.selectors[$0] }
        var collector = RecordCollector(selectors: selectors, maxFieldBytes: limits.maxFieldBytes)
        var table = TableBuilder(
            source: displayPath, columns: selectors.map { $0 == nil ? nil : TextColumn() },
            identifierIndex: fields.firstIndex(of: identifierField), maxFieldBytes: limits.maxFieldBytes)
        var recordDepth: Int?
        var recordLine = 0
        // Per local name the reader has seen (by its index): the collector's step id, and whether it is the record.
        var stepOfName: [Int32] = []
        var isRecordName: [Bool] = []

        while let event = try reader.next() {
            switch event {
            case .documentType:
                throw RunError(.badData, Self.doctypeMessage(displayPath))
            case .start(let depth, let isEmpty):
                if depth > limits.maxDepth {
                    throw RunError(.badData, "\(displayPath):\(reader.line): elements nest deeper than \(limits.maxDepth) levels; this is not an HR export.")
                }
                let name = Int(reader.localNameIndex())
                while stepOfName.count <= name {
                    let text = reader.names[stepOfName.count]
                    stepOfName.append(collector.stepID(named: text))
                    isRecordName.append(text == mapping.recordElement)
                }
                if recordDepth == nil {
                    guard name >= 0, isRecordName[name] else { continue }
                    recordDepth = depth
                    recordLine = reader.line
                    collector.beginRecord(attributes: collector.recordNeedsAttributes ? reader.attributes() : [])
                    if isEmpty {
                        recordDepth = nil
                        table.finish(collector, line: recordLine)
                    }
                } else {
                    let step = name >= 0 ? stepOfName[name] : -1
                    collector.startElement(step: step, attributes: collector.needsAttributes(ofStep: step) ? reader.attributes() : [])
                    if isEmpty { collector.endElement() }
                }
            case .end(let depth):
                guard let open = recordDepth else { continue }
                if depth == open {
                    recordDepth = nil
                    table.finish(collector, line: recordLine)
                } else {
                    collector.endElement()
                }
            case .text:
                if recordDepth != nil, collector.wantsText { collector.appendText { reader.appendValue(to: &$0) } }
            case .other:
                continue
            }
        }
        return table.rawTable(fields: fields, file: reader.fileInfo)
    }

    /// The XML text of the records that start on `lines`, for quarantine rows rejected by later stages.
    public func rawRecords(startingOnLines lines: Set<Int>) throws(RunError) -> [Int: String] {
        guard !lines.isEmpty else { return [:] }
        let reader = try XMLTextReader(path: path, displayPath: displayPath)
        var found: [Int: String] = [:]
        while let event = try reader.next() {
            guard case .start = event, reader.localName == mapping.recordElement else { continue }
            let line = reader.line
            if lines.contains(line), found[line] == nil {
                found[line] = String(decoding: Array(reader.outerXML().utf8.prefix(limits.maxRawBytes)), as: UTF8.self)
            }
        }
        return found
    }
}

/// The table an XML read builds, one finished record at a time.
private struct TableBuilder {
    let source: String
    var columns: [TextColumn?]
    let identifierIndex: Int?
    let maxFieldBytes: Int
    var lines: [Int] = []
    var rejections: [Rejection] = []
    var rowsRead = 0

    init(source: String, columns: [TextColumn?], identifierIndex: Int?, maxFieldBytes: Int) {
        self.source = source
        self.columns = columns
        self.identifierIndex = identifierIndex
        self.maxFieldBytes = maxFieldBytes
    }

    mutating func finish(_ collector: borrowing RecordCollector, line: Int) {
        rowsRead += 1
        if collector.flaw != nil {
            let identifier = identifierIndex.flatMap { collector.value(ofField: $0) }
            rejections.append(Rejection(
                source: source, line: line, rule: .rowMalformed,
                message: "a field is longer than \(maxFieldBytes) bytes",
                employeeID: identifier.map { String(decoding: $0, as: UTF8.self) } ?? "", record: nil))
            return
        }
        for index in columns.indices where columns[index] != nil {
            columns[index]!.append(collector.value(ofField: index) ?? [])
        }
        lines.append(line)
    }

    func rawTable(fields: [String], file: SourceFileInfo) -> RawTable {
        var table = RawTable(source: source, fields: fields, columns: columns, file: file)
        table.lines = lines
        table.rejections = rejections
        table.rowsRead = rowsRead
        return table
    }
}
