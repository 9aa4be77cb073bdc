package import Foundation
package import OrgLensModel
import OrgLensSystem

/// The output directory of unattended runs: `runs/<name>/` per run and a `latest` symlink, replaced so
/// that a reader of `latest/` sees the whole previous run or the whole new one, never a mix.
///
/// A run is written into a temporary directory beside `runs/`, fsynced, renamed into place whole,
/// and only then is `latest` re-pointed by renaming a new symlink over the old one.
package struct RunDirectory: Sendable {
    package let root: String
    /// Test only (`make crash-test`): a pause between the publishing steps, so a kill can land inside them.
    package var pauseBetweenSteps: UInt32 = 0
    /// The directory's identity (`identity()`): only runs made under it are compared with, trended or pruned.
    package var outputsID = ""

    package init(root: String) { self.root = root }

    private func pause() { if pauseBetweenSteps > 0 { POSIX.sleep(microseconds: pauseBetweenSteps) } }

    package var latest: String { root + "/latest" }

    /// Takes the directory's lock for this process, or fails at once with exit 75 if another run holds it.
    package func lock() throws(RunError) -> RunLock {
        try OutputDirectory.createDirectory(root)
        return try RunLock(path: root + "/.orglens.lock")
    }

    /// Publishes `files` as a run directory of its own, `runs/<name>.<n>/` (never reused or renamed over),
    /// points `latest` straight at it, then `days/<name>` — each link switched by one rename — and prunes.
    /// Day links live outside `runs/` so that `runs/*/` holds each run once (a BI reader's glob).
    /// Nothing is published (exit 73, `latest` as it was) unless `latest` was switched. Returns the run's path
    /// and the runs pruning removed.
    @discardableResult
    package func publish(
        _ files: [OutputDirectory.File], name: String, keep: Int, now: Double? = nil
    ) throws(RunError)
        -> (run: String, removed: [String])
    {
        let runs = root + "/runs"
        try checkRunsAreOurs(runs)
        return try withIncoming(files) { incoming throws(RunError) in
            try OutputDirectory.createDirectory(runs)
            let number = (Self.runNumbers(in: runs, day: name).max() ?? 0) + 1
            let runName = "\(name).\(number)"
            let target = runs + "/" + runName
            pause()
            try Self.rename(incoming, target)
            Self.sync(directory: runs)
            pause()
            do throws(RunError) {
                try Self.switchLink(root + "/.latest-\(POSIX.processID)", to: "runs/" + runName, over: latest)
            } catch {
                // Not published: the new run goes, `latest` still shows the previous one.
                try? FileManager.default.removeItem(atPath: target)
                throw error
            }
            Self.sync(directory: root)
            markPublished(runName)
            pause()
            // A real directory named by its day alone, left by an earlier version, becomes that day's run 0.
            let oldDay = runs + "/" + name
            if POSIX.kind(of: oldDay, followingLinks: false) == .directory {
                try? Self.rename(oldDay, runs + "/\(name).0")
            }
            moveDayLinksOutOfRuns()
            let days = root + "/days"
            try? OutputDirectory.createDirectory(days)
            try? Self.switchLink(days + "/.day-\(POSIX.processID)", to: "../runs/" + runName, over: days + "/" + name)
            Self.sync(directory: days)
            return (
                target,
                prune(runs: runs, keep: max(1, keep), current: runName, now: now ?? Date().timeIntervalSince1970)
            )
        }
    }

    /// Earlier versions linked each day inside `runs/`; those links go (`days/` has them now).
    private func moveDayLinksOutOfRuns() {
        let runs = root + "/runs"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []
        where Self.dayPattern(name) && POSIX.kind(of: runs + "/" + name, followingLinks: false) == .symbolicLink {
            POSIX.unlink(runs + "/" + name)
        }
    }

    /// `runs/` that holds entries but none of OrgLens's is someone else's folder: refuse to write into it.
    private func checkRunsAreOurs(_ runs: String) throws(RunError) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: runs), !names.isEmpty else { return }
        let ours = names.contains { Self.isRun(runs + "/" + $0, name: $0) || Self.dayPattern($0) }
        if !ours {
            throw RunError(
                .cannotWriteOutput,
                "\(runs) holds no OrgLens runs (no run folder with a manifest.json); it looks like another tool's folder. Choose another outputs.directory."
            )
        }
    }

    /// A run of ours: named `<day>` or `<day>.<n>`, a real directory with a `manifest.json` (runs of
    /// earlier versions included).
    private static func isRun(_ path: String, name: String) -> Bool {
        guard POSIX.kind(of: path, followingLinks: false) == .directory else { return false }
        return runDay(name) != nil && FileManager.default.fileExists(atPath: path + "/manifest.json")
    }

    /// The day of a run folder's name (`2026-11-01` or `2026-11-01.3`), or nil.
    private static func runDay(_ name: String) -> String? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let day = parts.first, dayPattern(day) else { return nil }
        if parts.count == 2, Int(parts[1]) == nil { return nil }
        return day
    }

    private static func dayPattern(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy {
            $0.offset == 4 || $0.offset == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element)
        }
    }

    private static func runNumbers(in runs: String, day: String) -> [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []).compactMap { name in
            guard name.hasPrefix(day + "."), runDay(name) == day else { return nil }
            return Int(name.dropFirst(day.count + 1))
        }
    }

    /// Makes a symlink to `destination` under a temporary name and renames it over `link`: one rename switches it.
    private static func switchLink(_ temporary: String, to destination: String, over link: String) throws(RunError) {
        POSIX.unlink(temporary)
        do { try POSIX.symlink(destination, at: temporary) } catch {
            throw RunError(.cannotWriteOutput, error, advice: "nothing was published.")
        }
        do throws(RunError) { try rename(temporary, link) } catch {
            POSIX.unlink(temporary)
            throw error
        }
    }

    /// Replaces `status.json` whole (temporary file, fsync, rename): a monitor never reads half of it.
    package func writeStatus(_ bytes: [UInt8]) throws(RunError) {
        try OutputDirectory(path: root).publish([OutputDirectory.File(name: "status.json", bytes: bytes)])
    }

    /// Keeps a run that tripped a gate as `blocked/<name>.<n>/` (a new `n` each time), for the operator to
    /// look at; `runs/` and `latest` are not touched. Returns the folder's path.
    package func block(_ files: [OutputDirectory.File], name: String) throws(RunError) -> String {
        try withIncoming(files) { incoming throws(RunError) in
            let blocked = root + "/blocked"
            try OutputDirectory.createDirectory(blocked)
            var number = 1
            while FileManager.default.fileExists(atPath: blocked + "/\(name).\(number)") { number += 1 }
            let target = blocked + "/\(name).\(number)"
            try Self.rename(incoming, target)
            Self.sync(directory: blocked)
            return target
        }
    }

    /// Writes `files` into a fresh temporary folder beside the runs, flushed to disk, and hands it to `move`;
    /// whatever fails, the folder is gone afterwards.
    private func withIncoming<Moved>(
        _ files: [OutputDirectory.File], move: (String) throws(RunError) -> Moved
    ) throws(RunError) -> Moved {
        removeLeftovers()
        let incoming = root + "/.incoming-\(POSIX.processID)"
        do throws(RunError) {
            try OutputDirectory.writeFolder(files, at: incoming)
            return try move(incoming)
        } catch {
            try? FileManager.default.removeItem(atPath: incoming)
            throw error
        }
    }

    /// What runs killed before they finished left (the lock is held, so none is live): incoming folders and
    /// half-made links (`.replaced-` folders are from versions before runs had folders of their own).
    private func removeLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names
        where name.hasPrefix(".incoming-") || name.hasPrefix(".replaced-") || name.hasPrefix(".latest-")
            || (name.hasPrefix(".") && name.contains(".tmp-"))
        {
            try? FileManager.default.removeItem(atPath: root + "/" + name)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/history")) ?? []
        where name.hasPrefix(".") && name.contains(".tmp-") {
            POSIX.unlink(root + "/history/" + name)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/days")) ?? []
        where name.hasPrefix(".day-") {
            POSIX.unlink(root + "/days/" + name)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/runs")) ?? [] {
            if name.hasPrefix(".day-") {
                POSIX.unlink(root + "/runs/" + name)
            } else if Self.isRun(root + "/runs/" + name, name: name), standing(of: name) == .unpublished {
                // Renamed into runs/ by a run killed before it switched `latest`: never published, never a baseline.
                try? FileManager.default.removeItem(atPath: root + "/runs/" + name)
            }
        }
        if let current = latestRunName, standing(of: current) == .published {
            // Killed after the switch, before the marker: `latest` showed it, so it was published.
            markPublished(current)
        }
    }

    /// Keeps the runs of the newest `keep` days and, of each day, its newest run; removes the rest, but only
    /// runs of ours (a day-named folder with a manifest), and only once the run that superseded each has been
    /// there ten minutes (a reader that opened `latest` just before the switch finishes its files).
    private func prune(runs: String, keep: Int, current: String, now: Double) -> [String] {
        let names = publishedRuns()
        // Newest first: by day, then by run number (a run of an earlier version, named by its day alone, is 0).
        let ordered = names.sorted { lhs, rhs in
            let (leftDay, rightDay) = (Self.runDay(lhs)!, Self.runDay(rhs)!)
            if leftDay != rightDay { return leftDay > rightDay }
            return Self.number(lhs) > Self.number(rhs)
        }
        var keptDays: [String] = []
        for name in ordered where keptDays.count < keep && !keptDays.contains(Self.runDay(name)!) {
            keptDays.append(Self.runDay(name)!)
        }
        var removed: [String] = []
        for (index, name) in ordered.enumerated() where name != current && index > 0 {
            let newestOfItsDay = index == ordered.firstIndex { Self.runDay($0) == Self.runDay(name) }
            if newestOfItsDay, keptDays.contains(Self.runDay(name)!) { continue }
            // Superseded when the next newer run was made: its folder's time.
            let newer = runs + "/" + ordered[index - 1]
            guard let made = (try? FileManager.default.attributesOfItem(atPath: newer))?[.modificationDate] as? Date,
                now - made.timeIntervalSince1970 >= 600
            else { continue }
            if (try? FileManager.default.removeItem(atPath: runs + "/" + name)) != nil { removed.append(name) }
        }
        // A day's link whose run is gone goes too.
        let days = root + "/days"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: days)) ?? [] where Self.dayPattern(name) {
            let path = days + "/" + name
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil,
                !FileManager.default.fileExists(atPath: path)
            {
                POSIX.unlink(path)
            }
        }
        return removed
    }

    /// This directory's published runs (names in `runs/`).
    func publishedRuns() -> [String] {
        let runs = root + "/runs"
        return ((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []).filter {
            Self.isRun(runs + "/" + $0, name: $0) && standing(of: $0) == .published
        }
    }

    /// The newest run of the newest day before `day` (`exactDay`: the newest run of that day): the run a new one
    /// compares with. Blocked runs are not in `runs/`, so they are never a baseline.
    package func baseline(before day: String, exactDay: String? = nil) -> String? {
        baselines(before: day, exactDay: exactDay).first
    }

    /// The published runs a new one may compare with, the best first: newest day, then newest run of the day.
    package func baselines(before day: String, exactDay: String? = nil) -> [String] {
        let candidates = publishedRuns().filter { name in
            let runDay = Self.runDay(name)!
            return exactDay.map { runDay == $0 } ?? (runDay < day)
        }
        return candidates.sorted { lhs, rhs in
            let (leftDay, rightDay) = (Self.runDay(lhs)!, Self.runDay(rhs)!)
            if leftDay != rightDay { return leftDay > rightDay }
            return Self.number(lhs) > Self.number(rhs)
        }.map { root + "/runs/" + $0 }
    }

    /// Each kept day's newest published run (its name in `runs/`), by day.
    private func newestRunOfEachDay() -> [String: String] {
        var newest: [String: String] = [:]
        for name in publishedRuns() {
            let day = Self.runDay(name)!
            if let current = newest[day], Self.number(current) > Self.number(name) { continue }
            newest[day] = name
        }
        return newest
    }

    /// The trend record each kept day's newest run left (`trend-record.ndjson`), by day.
    package func keptTrendRecords() -> [(asOf: String, line: [UInt8])] {
        let runs = root + "/runs"
        return newestRunOfEachDay().sorted { $0.key < $1.key }.compactMap { day, name in
            POSIX.readRegularFile(runs + "/" + name + "/" + Self.trendRecordName, limit: 1 << 20).map { (day, $0) }
        }
    }

    package static let trendRecordName = "trend-record.ndjson"

    /// A run as the BI database takes it: its folder, its name relative to the outputs directory
    /// (`runs/<as_of>.<n>`, `blocked/<as_of>.<n>`), whether it was published, and when it was published or blocked
    /// (its marker's or `blocked.json`'s time: the folder's own clock, never a data file's).
    package struct Night: Sendable, Hashable {
        package let path: String
        package let name: String
        package let published: Bool
        package let finished: Date

        package init(path: String, name: String, published: Bool, finished: Date) {
            self.path = path
            self.name = name
            self.published = published
            self.finished = finished
        }

        /// The day its folder is named by (`as_of`), or nil.
        package var day: String? { RunDirectory.runDay(PathParts.name(name)) }
    }

    /// Oldest first: by day, then run number (`2026-11-01.10` after `.9`), blocked before published on a tie. The
    /// order nights go into the database, so the newest run of a day is the one whose rows stay.
    package static func inLoadOrder(_ nights: [Night]) -> [Night] {
        func key(_ night: Night) -> (String, Int, Int) {
            (night.day ?? night.name, number(PathParts.name(night.name)), night.published ? 1 : 0)
        }
        return nights.sorted { key($0) < key($1) }
    }

    /// What a database of this directory's nights is made from: each kept day's newest published run, and every
    /// blocked run, in no order.
    package func nightsOnDisk() -> [Night] {
        var nights = newestRunOfEachDay().values.map {
            Self.night(root + "/runs/" + $0, folder: "runs", published: true)
        }
        let blocked = root + "/blocked"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: blocked)) ?? []
        where Self.runDay(name) != nil && FileManager.default.fileExists(atPath: blocked + "/\(name)/blocked.json") {
            nights.append(Self.night(blocked + "/" + name, folder: "blocked", published: false))
        }
        return nights
    }

    /// The run folder at `path` (`orglens load`'s arguments, links followed), when it is a published run in `runs/`
    /// or a blocked one in `blocked/`.
    package static func night(at path: String) -> Night? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let folder = PathParts.parent(resolved)
        let name = PathParts.name(resolved)
        let outputs = RunDirectory(root: PathParts.parent(folder))
        switch PathParts.name(folder) {
        case "runs" where isRun(resolved, name: name) && outputs.isMarkedPublished(name):
            return night(resolved, folder: "runs", published: true)
        case "blocked" where runDay(name) != nil && FileManager.default.fileExists(atPath: resolved + "/blocked.json"):
            return night(resolved, folder: "blocked", published: false)
        default: return nil
        }
    }

    private static func night(_ path: String, folder: String, published: Bool) -> Night {
        let stamp = path + "/" + (published ? publishedMarker : "blocked.json")
        let finished =
            (try? FileManager.default.attributesOfItem(atPath: stamp))?[.modificationDate] as? Date
            ?? (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            ?? Date(timeIntervalSince1970: 0)
        return Night(path: path, name: folder + "/" + PathParts.name(path), published: published, finished: finished)
    }

    /// `history/trend.ndjson` as it is (nil if there is none); read without following a symlink.
    package func trend() -> [UInt8]? {
        POSIX.readRegularFile(root + "/history/trend.ndjson", limit: 1 << 30)
    }

    /// Rebuilds `history/trend.ndjson` from every kept published run's own record and the lines already there for
    /// older days, replaced whole: a reader sees the old file or the new one. The file is read without following
    /// a symlink; each line is checked against the contract and written again from it, and a line that fails is
    /// dropped and reported through `dropped` (never copied on). Returns the lines dropped.
    @discardableResult
    package func updateTrend(dropped: (String) -> Void = { _ in }) throws(RunError) -> Int {
        let history = root + "/history"
        let merged = TrendFile.merge(existing: trend(), records: keptTrendRecords(), dropped: dropped)
        try OutputDirectory(path: history).publish([OutputDirectory.File(name: "trend.ndjson", bytes: merged.bytes)])
        return merged.dropped
    }

    private static func number(_ name: String) -> Int {
        name.split(separator: ".", maxSplits: 1).dropFirst().first.flatMap { Int($0) } ?? 0
    }

    private static func rename(_ from: String, _ to: String) throws(RunError) {
        do { try POSIX.rename(from, to: to) } catch { throw RunError(.cannotWriteOutput, error) }
    }

    private static func sync(directory: String) { OutputDirectory(path: directory).syncDirectory() }
}

/// An exclusive `flock` on a run directory, held until this value is released.
package final class RunLock: Sendable {
    private let descriptor: Int32

    init(path: String) throws(RunError) {
        let descriptor: Int32
        let locked: Bool
        do {
            descriptor = try POSIX.openLockFile(path)
            locked = try POSIX.tryLockExclusive(descriptor, path: path)
        } catch { throw RunError(.cannotWriteOutput, error) }
        guard locked else {
            POSIX.close(descriptor)
            throw RunError(
                .locked,
                "another orglens run holds the lock \(path); wait for it to finish (or remove a stale run's process), then run again."
            )
        }
        self.descriptor = descriptor
    }

    deinit { POSIX.close(descriptor) }
}
