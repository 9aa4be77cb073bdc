import Dispatch
import OrgLensModel
import Synchronization

/// What happened inside records, in document order, as one batch: the parsing side (libxml2) encodes
/// these and the collecting side turns them into table rows, so the two can run on separate workers.
struct RecordEvents: Sendable {
    enum Event: Sendable {
        /// A record element opens on `line`; `attributes` indexes `attributeLists` (-1: not read).
        case recordStart(line: Int, attributes: Int32)
        /// An element inside a record opens; `step` is its `RecordCollector.stepID`.
        case start(step: Int32, attributes: Int32)
        case end(isRecord: Bool)
        /// Text of the innermost open element, as `bytes[range]`.
        case text(Range<Int>)
    }

    var events: [Event] = []
    var bytes: [UInt8] = []
    /// Attribute list `i` is entries `attributeLists[i]` of `attributeNames` / `attributeValues`
    /// (ranges of `bytes`).
    var attributeLists: [Range<Int>] = []
    var attributeNames: [Range<Int>] = []
    var attributeValues: [Range<Int>] = []
    var records = 0

    /// Attribute list `index` as strings (-1: none was read).
    func attributes(_ index: Int32) -> [(name: String, value: String)] {
        guard index >= 0 else { return [] }
        return attributeLists[Int(index)].map { entry in
            (
                String(decoding: bytes[attributeNames[entry]], as: UTF8.self),
                String(decoding: bytes[attributeValues[entry]], as: UTF8.self)
            )
        }
    }

    /// Records per batch: enough to amortize a hand-off, small enough to keep two workers busy.
    static let recordsPerBatch = 4096
}

/// The parsing side: streams the file through libxml2 and encodes what happens inside records.
/// Only the text of elements some selector could take is copied.
struct RecordEventSource {
    let reader: XMLTextReader
    private let plan: RecordCollector
    private let recordElement: String
    private let maxDepth: Int
    private let displayPath: String
    /// Per local name the reader has seen (by its index): its step id, and whether it is the record.
    private var stepOfName: [Int32] = []
    private var isRecordName: [Bool] = []
    private var recordDepth: Int?
    /// Steps of the elements open inside the current record.
    private var openSteps: [Int32] = []
    private var finished = false

    init(reader: XMLTextReader, plan: RecordCollector, recordElement: String, maxDepth: Int, displayPath: String) {
        self.reader = reader
        self.plan = plan
        self.recordElement = recordElement
        self.maxDepth = maxDepth
        self.displayPath = displayPath
    }

    /// The next batch of about `records` whole records; nil at the end of the document.
    mutating func next(records: Int = RecordEvents.recordsPerBatch) throws(RunError) -> RecordEvents? {
        guard !finished else { return nil }
        var batch = RecordEvents()
        while batch.records < records {
            guard let event = try reader.next() else {
                finished = true
                break
            }
            try encode(event, into: &batch)
        }
        return batch.events.isEmpty && finished ? nil : batch
    }

    private mutating func encode(_ event: XMLEvent, into batch: inout RecordEvents) throws(RunError) {
        switch event {
        case .documentType:
            throw RunError(.badData, XMLReader.doctypeMessage(displayPath))
        case .start(let depth, let isEmpty):
            if depth > maxDepth {
                throw RunError(
                    .badData,
                    "\(displayPath):\(reader.line): elements nest deeper than \(maxDepth) levels; this is not an HR export."
                )
            }
            let name = Int(reader.localNameIndex())
            while stepOfName.count <= name {
                let text = reader.names[stepOfName.count]
                stepOfName.append(plan.stepID(named: text))
                isRecordName.append(text == recordElement)
            }
            if recordDepth == nil {
                guard name >= 0, isRecordName[name] else { return }
                recordDepth = depth
                batch.events.append(
                    .recordStart(line: reader.line, attributes: attributes(plan.recordNeedsAttributes, into: &batch)))
                if isEmpty { endRecord(&batch) }
            } else {
                let step = name >= 0 ? stepOfName[name] : -1
                batch.events.append(
                    .start(step: step, attributes: attributes(plan.needsAttributes(ofStep: step), into: &batch)))
                if isEmpty {
                    batch.events.append(.end(isRecord: false))
                } else {
                    openSteps.append(step)
                }
            }
        case .end(let depth):
            guard let open = recordDepth else { return }
            if depth == open {
                endRecord(&batch)
            } else {
                openSteps.removeLast()
                batch.events.append(.end(isRecord: false))
            }
        case .text:
            guard recordDepth != nil, let step = openSteps.last, plan.mayTakeText(ofStep: step) else { return }
            let start = batch.bytes.count
            reader.appendValue(to: &batch.bytes)
            batch.events.append(.text(start..<batch.bytes.count))
        case .other:
            return
        }
    }

    private mutating func endRecord(_ batch: inout RecordEvents) {
        recordDepth = nil
        openSteps.removeAll(keepingCapacity: true)
        batch.events.append(.end(isRecord: true))
        batch.records += 1
    }

    private func attributes(_ needed: Bool, into batch: inout RecordEvents) -> Int32 {
        guard needed else { return -1 }
        let first = batch.attributeNames.count
        reader.appendAttributes(names: &batch.attributeNames, values: &batch.attributeValues, bytes: &batch.bytes)
        batch.attributeLists.append(first..<batch.attributeNames.count)
        return Int32(batch.attributeLists.count - 1)
    }
}

/// The collecting side: replays batches into the record collector and the table.
struct RecordEventSink {
    private var collector: RecordCollector
    private(set) var table: TableBuilder
    private var recordLine = 0

    init(collector: RecordCollector, table: TableBuilder) {
        self.collector = collector
        self.table = table
    }

    mutating func consume(_ batch: RecordEvents) {
        for event in batch.events {
            switch event {
            case .recordStart(let line, let attributes):
                recordLine = line
                collector.beginRecord(attributes: batch.attributes(attributes))
            case .start(let step, let attributes):
                collector.startElement(step: step, attributes: batch.attributes(attributes))
            case .end(let isRecord):
                if isRecord { table.finish(collector, line: recordLine) } else { collector.endElement() }
            case .text(let range):
                collector.appendText { $0.append(contentsOf: batch.bytes[range]) }
            }
        }
    }
}

/// Hands batches from the parsing worker to the collecting one, at most `capacity` in flight.
final class RecordEventChannel: Sendable {
    private let queue = Mutex<[RecordEvents]>([])
    private let ready = DispatchSemaphore(value: 0)
    private let room: DispatchSemaphore

    init(capacity: Int = 4) { room = DispatchSemaphore(value: capacity) }

    func send(_ batch: RecordEvents) {
        room.wait()
        queue.withLock { $0.append(batch) }
        ready.signal()
    }

    /// No more batches will come (also after a failure).
    func finish() {
        ready.signal()
    }

    /// The next batch, waiting for it; nil once the sender has finished and every batch was taken.
    func receive() -> RecordEvents? {
        ready.wait()
        // Every send and the final `finish` signal once, in order: an empty queue here means finished.
        let batch = queue.withLock { batches -> RecordEvents? in
            batches.isEmpty ? nil : batches.removeFirst()
        }
        if batch != nil { room.signal() }
        return batch
    }
}
