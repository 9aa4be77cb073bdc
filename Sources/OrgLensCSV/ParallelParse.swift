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
                    return .hash(Result { () throws(RunError) in
                        try ByteBlockReader(path: path).hashToEnd(displayPath: layout.source)
                    })
                }
                return .chunk(Result { () throws(RunError) in try parse(from: starts[index], stopAfter: ends[index]) })
            }
        }.flatMap { $0 }

        var merged = PartialTable(columns: Array(repeating: TextColumn(), count: layout.fields.count))
        var lineBase = header.headerLines
        var expectedStart = starts[0]
        var pending = tasks
        for index in 0..<chunkCount {
            // Take each chunk out of `pending` so its memory goes as soon as it is merged.
            let task = pending[index]
            pending[index] = .hash(.failure(RunError(.readError, "merged")))
            guard case .chunk(let result) = task else { continue }
            if starts[index] != expectedStart {
                // The guessed boundary was inside a record: read the rest of the file serially.
                let rest = try parse(from: expectedStart, stopAfter: Int.max)
                try append(rest, to: &merged, lineBase: lineBase)
                break
            }
            let chunk = try result.get()
            if index == 0 {
                // The first chunk becomes the table (moved, not copied), with room for the others.
                merged = chunk.table
                reserveRoom(in: &merged, for: pending[1..<chunkCount])
                if let line = chunk.unterminatedLine { try CSVReader.checkTerminated(line: line + lineBase, source: layout.source) }
                merged.lines = merged.lines.map { $0 + lineBase }
                merged.rejections = merged.rejections.map { $0.movingLine(by: lineBase) }
            } else {
                try append(chunk, to: &merged, lineBase: lineBase)
            }
            lineBase += chunk.stop.linesConsumed
            expectedStart = chunk.stop.offset
        }
        guard case .hash(let hash) = tasks.last else { preconditionFailure("the hash task runs last") }
        return (merged, try hash.get())
    }

    private func reserveRoom(in table: inout PartialTable, for chunks: ArraySlice<Task>) {
        let tables = chunks.compactMap { task -> PartialTable? in
            guard case .chunk(.success(let chunk)) = task else { return nil }
            return chunk.table
        }
        for column in table.columns.indices {
            let values = tables.reduce(table.columns[column].count) { $0 + $1.columns[column].count }
            let bytes = tables.reduce(table.columns[column].bytes.count) { $0 + $1.columns[column].bytes.count }
            table.columns[column].reserveCapacity(values: values, bytes: bytes)
        }
        table.lines.reserveCapacity(tables.reduce(table.lines.count) { $0 + $1.lines.count })
    }

    private func append(_ chunk: ChunkResult, to merged: inout PartialTable, lineBase: Int) throws(RunError) {
        if let line = chunk.unterminatedLine {
            try CSVReader.checkTerminated(line: line + lineBase, source: layout.source)
        }
        for index in merged.columns.indices { merged.columns[index].append(contentsOf: chunk.table.columns[index]) }
        merged.lines.append(contentsOf: chunk.table.lines.lazy.map { $0 + lineBase })
        merged.rejections.append(contentsOf: chunk.table.rejections.map { $0.movingLine(by: lineBase) })
        merged.rowsRead += chunk.table.rowsRead
    }

    private func parse(from start: Int, stopAfter: Int) throws(RunError) -> ChunkResult {
        var stream = try RecordStream(path: path, format: header.format, limits: limits, start: start, stopAfter: stopAfter)
        var assembler = RecordAssembler(layout: layout, delimiter: header.format.delimiter, limits: limits)
        var unterminatedLine: Int?
        let stop = try stream.forEachRecord { record throws(RunError) in
            if record.endsInsideQuotes {
                unterminatedLine = record.line
            } else {
                assembler.add(record)
            }
            return true
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
