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

    /// Reads every record; `fields` not in the mapping come out as absent columns.
    public func read(fields: [String], identifierField: String) throws(RunError) -> RawTable {
        let reader = try XMLTextReader(path: path, displayPath: displayPath)
        let selectors = fields.map { mapping.selectors[$0] }
        var collector = RecordCollector(selectors: selectors, maxFieldBytes: limits.maxFieldBytes)
        var columns: [TextColumn?] = selectors.map { $0 == nil ? nil : TextColumn() }
        var lines: [Int] = []
        var rejections: [Rejection] = []
        var rowsRead = 0
        var recordDepth: Int?
        var recordLine = 0
        let identifierIndex = fields.firstIndex(of: identifierField)
        let recordName = Array(mapping.recordElement.utf8) + [0]

        func finishRecord() {
            rowsRead += 1
            let values = collector.fieldValues()
            if collector.flaw != nil {
                rejections.append(Rejection(
                    source: displayPath, line: recordLine, rule: .rowMalformed,
                    message: "a field is longer than \(limits.maxFieldBytes) bytes",
                    employeeID: identifierIndex.flatMap { values[$0] } ?? "", record: nil))
                return
            }
            for index in columns.indices where columns[index] != nil {
                columns[index]!.append(Array((values[index] ?? "").utf8))
            }
            lines.append(recordLine)
        }

        while let event = try reader.next() {
            switch event {
            case .documentType:
                throw RunError(.badData, "\(displayPath): the document has a <!DOCTYPE>; DTDs are not accepted in HR exports. Export without a DTD and run again.")
            case .start(let depth, let isEmpty):
                if depth > limits.maxDepth {
                    throw RunError(.badData, "\(displayPath):\(reader.line): elements nest deeper than \(limits.maxDepth) levels; this is not an HR export.")
                }
                if recordDepth == nil {
                    guard reader.localNameIs(recordName) else { continue }
                    recordDepth = depth
                    recordLine = reader.line
                    collector.beginRecord(attributes: collector.recordNeedsAttributes ? reader.attributes() : [])
                    if isEmpty {
                        recordDepth = nil
                        finishRecord()
                    }
                } else {
                    let name = reader.localName
                    collector.startElement(name: name, attributes: collector.needsAttributes(of: name) ? reader.attributes() : [])
                    if isEmpty { collector.endElement() }
                }
            case .end(let depth):
                guard let open = recordDepth else { continue }
                if depth == open {
                    recordDepth = nil
                    finishRecord()
                } else {
                    collector.endElement()
                }
            case .text:
                if recordDepth != nil, collector.wantsText { collector.appendText(reader.value) }
            case .other:
                continue
            }
        }
        var table = RawTable(source: displayPath, fields: fields, columns: columns, file: reader.fileInfo)
        table.lines = lines
        table.rejections = rejections
        table.rowsRead = rowsRead
        return table
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
