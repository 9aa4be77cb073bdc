import OrgLensInput
import OrgLensModel

/// Parses the body of a large UTF-8 file in byte ranges, one libcsv parser per Dispatch worker, while
/// one more worker hashes the file; the chunks are merged in file order so the table, its line numbers
/// and its messages are exactly what one serial pass would give.
///
/// Chunk boundaries are guessed at the first line break after each even split point. A guess that
/// lands inside a quoted multi-line field is caught when merging (the previous chunk does not end
/// where the next one began); from there on the file is read serially, so results never depend on
/// the guess.
struct ParallelParse {
    let path: String
    let layout: HeaderLayout
    let header: HeaderProbe
    let limits: CSVLimits
    let workers: Int

    private enum Task: Sendable {
        case chunk(Result<ChunkResult, RunError>)
        case hash(Result<SourceFileInfo, RunError>)
    }

    private struct ChunkResult: Sendable {
        let table: PartialTable
        let stop: RecordStream.Stop
        /// Chunk-relative line of a quoted field the file ends inside; fatal once the chunk is verified.
        let unterminatedLine: Int?
    }

    func run() throws(RunError) -> (table: PartialTable, file: SourceFileInfo) {
        let starts = try chunkStarts()
        let ends = Array(starts.dropFirst()) + [header.fileSize]
        let chunkCount = starts.count
        let tasks = parallelChunks(count: chunkCount + 1, workers: chunkCount + 1, serialThreshold: 0) { range in
            range.map { index -> Task in
                if index == chunkCount {
                    return .hash(
                        Result { () throws(RunError) in
                            try ByteBlockReader(path: path).hashToEnd(displayPath: layout.source)
                        })
                }
                // The first chunk becomes the merged table, so it is sized for the whole file.
                let expected = (index == 0 ? header.fileSize : ends[index]) - starts[index]
                return .chunk(
                    Result { () throws(RunError) in
                        try parse(from: starts[index], stopAfter: ends[index], expectedBytes: expected)
                    })
            }
        }.flatMap { $0 }

        // Each chunk is taken out of `pending` so that the merged table is the only owner of its
        // arrays: appending to a shared array would copy it whole first.
        var pending = consume tasks
        guard case .hash(let hash) = pending.removeLast() else { preconditionFailure("the hash task runs last") }
        var merged = PartialTable(columns: Array(repeating: TextColumn(), count: layout.fields.count))
        var lineBase = header.headerLines
        var expectedStart = starts[0]
        for index in 0..<chunkCount {
            if starts[index] != expectedStart {
                // The guessed boundary was inside a record: read the rest of the file serially.
                let rest = try parse(
                    from: expectedStart, stopAfter: Int.max, expectedBytes: header.fileSize - expectedStart)
                try append(rest, to: &merged, lineBase: lineBase)
                break
            }
            let chunk = try Self.take(index, from: &pending)
            let stop = chunk.stop
            if index == 0 {
                // The first chunk becomes the table (moved, not copied; it has room for the others).
                if let line = chunk.unterminatedLine {
                    try CSVReader.checkTerminated(line: line + lineBase, source: layout.source)
                }
                if let overflow = chunk.table.overflow {
                    throw overflow.error(source: layout.source, lineBase: lineBase, limit: limits.maxColumnBytes)
                }
                merged = (consume chunk).table
                for line in merged.lines.indices { merged.lines[line] += lineBase }
                merged.rejections = merged.rejections.map { $0.movingLine(by: lineBase) }
            } else {
                try append(consume chunk, to: &merged, lineBase: lineBase)
            }
            lineBase += stop.linesConsumed
            expectedStart = stop.offset
        }
        return (merged, try hash.get())
    }

    private static func take(_ index: Int, from pending: inout [Task]) throws(RunError) -> ChunkResult {
        let task = pending[index]
        pending[index] = .hash(.failure(RunError(.readError, "merged")))
        guard case .chunk(let result) = task else { preconditionFailure("chunk tasks come first") }
        return try result.get()
    }

    private func append(_ chunk: ChunkResult, to merged: inout PartialTable, lineBase: Int) throws(RunError) {
        if let line = chunk.unterminatedLine {
            try CSVReader.checkTerminated(line: line + lineBase, source: layout.source)
        }
        if let overflow = chunk.table.overflow {
            throw overflow.error(source: layout.source, lineBase: lineBase, limit: limits.maxColumnBytes)
        }
        // Each chunk fits on its own; together they may not.
        if let column = merged.columns.indices.first(where: {
            merged.columns[$0].byteCount + chunk.table.columns[$0].byteCount > limits.maxColumnBytes
        }) {
            throw RunError.columnTooLarge(
                source: layout.source, field: layout.fields[column], line: (chunk.table.lines.first ?? 0) + lineBase,
                limit: limits.maxColumnBytes)
        }
        TextColumn.append(chunk.table.columns, to: &merged.columns, workers: workers)
        merged.lines.append(contentsOf: chunk.table.lines.lazy.map { $0 + lineBase })
        let room = max(0, limits.maxKeptRejections - merged.rejections.count)
        merged.rejections.append(contentsOf: chunk.table.rejections.prefix(room).map { $0.movingLine(by: lineBase) })
        merged.rejectionsNotKept += chunk.table.rejectionsNotKept + max(0, chunk.table.rejections.count - room)
        merged.rowsRead += chunk.table.rowsRead
    }

    private func parse(from start: Int, stopAfter: Int, expectedBytes: Int) throws(RunError) -> ChunkResult {
        var stream = try RecordStream(
            path: path, format: header.format, limits: limits, start: start, stopAfter: stopAfter)
        var assembler = RecordAssembler(
            layout: layout, delimiter: header.format.delimiter, limits: limits, expectedBytes: expectedBytes)
        var unterminatedLine: Int?
        let stop = try stream.forEachRecord { record throws(RunError) in
            if record.endsInsideQuotes {
                unterminatedLine = record.line
            } else {
                assembler.add(record)
            }
            return assembler.overflow == nil
        }
        return ChunkResult(table: assembler.finish(), stop: stop, unterminatedLine: unterminatedLine)
    }

    /// The first chunk starts at the body; each later one just after the first line break past an even split.
    private func chunkStarts() throws(RunError) -> [Int] {
        let body = header.bodyStart
        let span = header.fileSize - body
        var starts = [body]
        for index in 1..<workers {
            let guess = try nextLineStart(after: body + span * index / workers)
            if guess > starts.last!, guess < header.fileSize { starts.append(guess) }
        }
        return starts
    }

    private func nextLineStart(after offset: Int) throws(RunError) -> Int {
        let reader = try ByteBlockReader(path: path, offset: offset, hashing: false)
        var position = offset
        while let block = try reader.next() {
            if let newline = block.firstIndex(of: UInt8(ascii: "\n")) { return position + newline + 1 }
            position += block.count
        }
        return header.fileSize
    }
}
