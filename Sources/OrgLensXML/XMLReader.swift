import OrgLensInput
package import OrgLensModel

/// Bounds that keep one hostile document from exhausting memory.
package struct XMLLimits: Sendable, Hashable {
    package var maxFieldBytes: Int
    package var maxDepth: Int
    package var maxRawBytes: Int
    /// The most text one column may hold; a source past it is refused (exit 65).
    package var maxColumnBytes = TextColumn.maxBytes

    package init(maxFieldBytes: Int = 1 << 20, maxDepth: Int = 256, maxRawBytes: Int = 64 << 10) {
        self.maxFieldBytes = maxFieldBytes
        self.maxDepth = maxDepth
        self.maxRawBytes = maxRawBytes
    }
}

/// Reads one XML export into a `RawTable`, streaming it with libxml2's `xmlTextReader` so memory stays
/// flat however large the file. Records are found and fields selected by an `XMLRecordMapping`.
package struct XMLReader: Sendable {
    package let path: String
    package let displayPath: String
    package let mapping: XMLRecordMapping
    package let limits: XMLLimits

    package init(path: String, displayPath: String? = nil, mapping: XMLRecordMapping, limits: XMLLimits = XMLLimits()) {
        self.path = path
        self.displayPath = displayPath ?? path
        self.mapping = mapping
        self.limits = limits
    }

    /// Reads every record; `fields` not in the mapping come out as absent columns. With more than one
    /// worker, libxml2 parses on one worker while the records are collected on another, and the
    /// file's checksum is computed on a third; the table is the same either way.
    package func read(fields: [String], identifierField: String, workers: Int = 1) throws(RunError) -> RawTable {
        // The first block, read once: an empty file and a refused prolog fail at once, before any worker starts
        // (with more than one, another would otherwise hash the whole file first).
        guard let first = try ByteBlockReader(path: path, hashing: false).next(),
            !first.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        else {
            throw RunError(
                .badData, "\(displayPath): the file is empty; expected an XML export with one element per person.")
        }
        if DoctypeSniffer.prologHasDoctype(first) { throw RunError(.badData, Self.doctypeMessage(displayPath)) }
        let selectors = fields.map { mapping.selectors[$0] }
        let plan = RecordCollector(selectors: selectors, maxFieldBytes: limits.maxFieldBytes)
        var sink = RecordEventSink(
            collector: plan,
            table: TableBuilder(
                source: displayPath, columns: selectors.map { $0 == nil ? nil : TextColumn() },
                identifierIndex: fields.firstIndex(of: identifierField), maxFieldBytes: limits.maxFieldBytes,
                maxColumnBytes: limits.maxColumnBytes))
        guard workers > 1 else {
            var source = try eventSource(plan: plan, hashing: true)
            while let batch = try source.next() { sink.consume(batch) }
            return try sink.table.rawTable(fields: fields, file: source.reader.fileInfo)
        }
        let channel = RecordEventChannel()
        let (_, parsed, hashed) = concurrently(
            workers: workers,
            { while let batch = channel.receive() { sink.consume(batch) } },
            { [self] in
                defer { channel.finish() }
                return Result { () throws(RunError) in
                    var source = try eventSource(plan: plan, hashing: false)
                    while let batch = try source.next() { channel.send(batch) }
                }
            },
            { [path, displayPath] in
                Result { () throws(RunError) in try ByteBlockReader(path: path).hashToEnd(displayPath: displayPath) }
            })
        try parsed.get()
        return try sink.table.rawTable(fields: fields, file: try hashed.get())
    }

    static func doctypeMessage(_ displayPath: String) -> String {
        "\(displayPath): the document has a <!DOCTYPE>; DTDs are not accepted in HR exports. Export without a DTD and run again."
    }

    private func eventSource(plan: RecordCollector, hashing: Bool) throws(RunError) -> RecordEventSource {
        RecordEventSource(
            reader: try XMLTextReader(path: path, displayPath: displayPath, hashing: hashing), plan: plan,
            recordElement: mapping.recordElement, maxDepth: limits.maxDepth, displayPath: displayPath)
    }

    /// The XML text of the records that start on `lines`, for quarantine rows rejected by later stages.
    package func rawRecords(startingOnLines lines: Set<Int>) throws(RunError) -> [Int: String] {
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
struct TableBuilder {
    let source: String
    var columns: [TextColumn?]
    let identifierIndex: Int?
    let maxFieldBytes: Int
    let maxColumnBytes: Int
    var lines: [Int] = []
    var rejections: [Rejection] = []
    var rowsRead = 0
    /// The column and line of the first record that did not fit; later records are not kept.
    var overflow: (column: Int, line: Int)?
    /// Bytes captured by the records kept so far: no column holds more, so columns are measured only past the limit.
    private var keptBytes = 0

    init(
        source: String, columns: [TextColumn?], identifierIndex: Int?, maxFieldBytes: Int,
        maxColumnBytes: Int = TextColumn.maxBytes
    ) {
        self.source = source
        self.columns = columns
        self.identifierIndex = identifierIndex
        self.maxFieldBytes = maxFieldBytes
        self.maxColumnBytes = maxColumnBytes
    }

    mutating func finish(_ collector: RecordCollector, line: Int) {
        guard overflow == nil else { return }
        rowsRead += 1
        if collector.flaw != nil {
            let identifier = identifierIndex.flatMap { collector.value(ofField: $0) }
            rejections.append(
                Rejection(
                    source: source, line: line, rule: .rowMalformed,
                    message: .fieldTooLong, numbers: [maxFieldBytes],
                    employeeID: identifier.map { String(decoding: $0, as: UTF8.self) } ?? "", record: nil))
            return
        }
        if keptBytes + collector.capturedBytes > maxColumnBytes,
            let column = columns.indices.first(where: {
                (columns[$0]?.byteCount ?? 0) + (collector.value(ofField: $0)?.count ?? 0) > maxColumnBytes
            })
        {
            overflow = (column, line)
            return
        }
        keptBytes += collector.capturedBytes
        for index in columns.indices where columns[index] != nil {
            // Through the bytes, not the generic `append`: called from here it was not specialised, and each value
            // looked up its slice type's metadata (about 5 % of the XML reader thread's samples).
            if let value = collector.value(ofField: index) {
                value.withUnsafeBytes { columns[index]!.append($0) }
            } else {
                columns[index]!.appendEmpty()
            }
        }
        lines.append(line)
    }

    func rawTable(fields: [String], file: SourceFileInfo) throws(RunError) -> RawTable {
        if let overflow {
            throw .columnTooLarge(
                source: source, field: fields[overflow.column], line: overflow.line, limit: maxColumnBytes)
        }
        var table = RawTable(source: source, fields: fields, columns: columns, file: file)
        table.lines = lines
        table.rejections = rejections
        table.rowsRead = rowsRead
        return table
    }
}

extension RuleMessage {
    static let fieldTooLong: RuleMessage = "a field is longer than \(.number(0)) bytes"
}
