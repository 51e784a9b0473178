import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// A cache of every deal in one binary file plus a journal of later changes, so opening a
/// board of 100,000 deals does not parse 100,000 JSON files. The JSON files stay the record:
/// the cache is trusted only while the data directory's fingerprint (see
/// `FunnelStore.fingerprint`) equals the one the cache last recorded, and is rebuilt otherwise.
///
///     cache/snapshot.bin   "FNLSNAPC", generation, fingerprint, count, the length of the
///                          counted deals at the end, then a head per deal
///                          (id, owner, pipeline, stage, the second it entered the stage, where its deal starts after the
///                          heads, its length, the checksum of its bytes), the checksum of all
///                          that, then the deals, then the counted deals (`CountedDeals`)
///     cache/journal.bin    "FNLJRNLB", generation, then records: length, payload, checksum
///                          payload: 1 + a deal, 3 + the id of a deal removed, or 2 + the
///                          digests of the fingerprints before and after a write (a "before"
///                          other than the last one recorded breaks the chain: something wrote
///                          between without a record, and the cache is not believed)
///
/// A reader that wants only some deals (a rep's own, one pipeline's) reads the heads and decodes
/// only the deals it wants (`load(fingerprint:wanted:)`). Every part is checked against its
/// checksum before it is believed: a cache changed by a flipped bit is rebuilt, never read.
///
/// Callers hold the data directory's lock: shared to read, exclusive to write.
struct SnapshotCache {
    let directory: String
    var snapshotPath: String { directory + "/snapshot.bin" }
    var journalPath: String { directory + "/journal.bin" }
    /// Past this size the journal is folded into a new snapshot: every load reads the whole
    /// journal and decodes each deal in it (8 µs a deal; a megabyte is ~2,500 writes of a
    /// deal), while a fold writes the whole snapshot (1.2 s at 100,000 deals). A writer leaves
    /// the fold to a process of its own when it can (`FunnelStore.foldJournal`).
    static let journalLimit = 1 << 20
    /// Past this size a writer folds the journal itself: no fold has run off its path.
    static let journalHardLimit = 16 << 20

    static let snapshotMagic = Array("FNLSNAPC".utf8)
    static let journalMagic = Array("FNLJRNLB".utf8)

    /// Whether the cache's folder is a real one, or not made yet. A link there (or a file) is
    /// never followed: the cache would be read from, written to and removed in another folder.
    /// Then there is no cache; every load reads the deal files (doctor names the link).
    var folderIsReal: Bool {
        var info = stat()
        guard lstat(directory, &info) == 0 else { return errno == ENOENT }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    /// The cached deals, or nil when the cache is missing, unreadable, or not for `fingerprint`.
    func load(fingerprint: String) -> [String: Deal]? {
        load(fingerprint: fingerprint, wanted: { _ in true })?.deals
    }

    /// The cached deals whose head `wanted` accepts, and how many deals the snapshot holds; nil
    /// when the cache is missing, unreadable, or not for `fingerprint`. A deal not wanted is
    /// skipped by its length, never decoded. The snapshot's deals are read without the parts
    /// `leaving` names (`Deal.leftOut`: never written); the journal's come whole.
    func load(
        fingerprint: String, wanted: @Sendable (DealHead) -> Bool, leaving: DealParts = []
    ) -> (deals: [String: Deal], total: Int)? {
        loadRead(fingerprint: fingerprint, wanted: wanted, leaving: leaving).map { ($0.deals, $0.total) }
    }

    /// What `load` read: the deals, how many the snapshot holds, its generation, and the
    /// journal (its identity and how many bytes were read): where a fold begins.
    struct Read {
        let deals: [String: Deal]
        /// The heads of the deals wanted but held back (`holding`), not decoded.
        var held: [DealHead] = []
        /// The deals wanted but put off (`deferring`): where the snapshot keeps them, the journal's
        /// (read whole anyway) and those it removed left out.
        var deferred: SnapshotReader.Heads?
        let total: Int
        let generation: UInt64
        let journal: FileIdentity
        let journalBytes: Int
    }

    /// `load`, saying what it read (`Read`); the wanted deals `holding` accepts are not decoded,
    /// their heads given instead (`Read.held`). Nil too when `stop` said so (a quit signal).
    func loadRead(
        fingerprint: String, wanted: @Sendable (DealHead) -> Bool, holding: SnapshotReader.HeadTest? = nil,
        deferring: SnapshotReader.HeadTest? = nil, leaving: DealParts = [], stop: () -> Bool = { false }
    ) -> Read? {
        // Read, not mapped: a mapped file shortened in place by another program (a sync tool,
        // `> snapshot.bin`) would end the process with SIGBUS. Only the heads and the wanted
        // deals' bytes are read (a rep's list at a million deals reads 2 % of the file).
        guard folderIsReal, let journal = try? AtomicFile.readFile(journalPath), let snapshot = SnapshotReader(path: snapshotPath),
            var heads = snapshot.heads(wanted: wanted, holding: holding, deferring: deferring),
            var deals = snapshot.deals(heads, leaving: leaving, stop: stop),
            let later = Self.journal(journal.data, generation: heads.generation, recorded: heads.fingerprint), later.records(fingerprint)
        else { return nil }
        // The journal's last version of each deal it holds a head of: held again, or not.
        var heldLater: [String: DealHead?] = [:]
        for deal in later.deals {
            // A later version may have left what the reader wants (another owner), or be held.
            let head = DealHead(deal)
            let kept = wanted(head), held = kept && holding?(head) == true
            deals[deal.id] = kept && !held ? deal : nil
            heldLater[deal.id] = .some(held ? head : nil)
        }
        for id in later.removed {
            deals[id] = nil
            heldLater[id] = .some(nil)
        }
        var held = heads.held
        if !heldLater.isEmpty {
            held.removeAll { heldLater[$0.id] != nil }
            held += heldLater.values.compactMap { $0 }
            heads.deferred.removeAll { heldLater[$0.head.id] != nil }
        }
        // The deals put off, to be decoded by `loadDeferred`: spans as `deals(_:)` takes them.
        let deferred = deferring.map { _ in
            SnapshotReader.Heads(
                generation: heads.generation, fingerprint: heads.fingerprint, count: heads.count, spans: heads.deferred,
                dealsStart: heads.dealsStart, dealsEnd: heads.dealsEnd)
        }
        return Read(
            deals: deals, held: held, deferred: deferred, total: heads.count, generation: heads.generation,
            journal: journal.identity, journalBytes: journal.data.count)
    }

    /// The deals a `loadRead` put off (`Read.deferred`), decoded from the same snapshot into
    /// `deals`; false when it was replaced since (another generation) or cannot be read.
    func loadDeferred(_ deferred: SnapshotReader.Heads, into deals: inout [String: Deal]) -> Bool {
        guard folderIsReal, let snapshot = SnapshotReader(path: snapshotPath), let header = snapshot.header(),
            header.generation == deferred.generation
        else { return false }
        return snapshot.deals(deferred, into: &deals)
    }

    /// `load` for a reader that counts (`DealParts.counted` left out): only the counted deals
    /// are read, the snapshot's in the order of their ids, then the journal's (each without
    /// those parts too).
    func loadCounted(fingerprint: String, wanted: @Sendable (DealHead) -> Bool) -> (deals: [Deal], total: Int)? {
        guard folderIsReal, let journal = try? AtomicFile.read(journalPath), let snapshot = SnapshotReader(path: snapshotPath),
            let header = snapshot.header(), var deals = snapshot.countedDeals(header, wanted: wanted),
            let later = Self.journal(journal, generation: header.generation, recorded: header.fingerprint), later.records(fingerprint)
        else { return nil }
        guard !later.deals.isEmpty || !later.removed.isEmpty else { return (deals, header.count) }
        // The journal's last version of each deal, put where the snapshot had it, or after; none
        // of a deal it removed.
        var latest: [String: Deal?] = [:]
        for var deal in later.deals {
            deal.leaveOut(DealParts.counted)
            latest[deal.id] = .some(wanted(DealHead(deal)) ? deal : nil)
        }
        for id in later.removed { latest[id] = .some(nil) }
        deals = deals.compactMap { deal in latest.removeValue(forKey: deal.id) ?? deal }
        deals += later.deals.compactMap { latest.removeValue(forKey: $0.id) ?? nil }
        return (deals, header.count)
    }

    /// `loadCounted` as a report's rows (`ReportRows`): the snapshot's counted deals read
    /// straight into plain numbers, but those the journal holds a later version of, which come
    /// after (each whole deal made a row).
    func loadCountedRows(fingerprint: String, wanted: @escaping @Sendable (DealHead) -> Bool) -> (rows: ReportRows, total: Int)? {
        guard folderIsReal, let journal = try? AtomicFile.read(journalPath), let snapshot = SnapshotReader(path: snapshotPath),
            let header = snapshot.header(),
            let later = Self.journal(journal, generation: header.generation, recorded: header.fingerprint), later.records(fingerprint)
        else { return nil }
        let replaced = Set(later.deals.map(\.id)).union(later.removed)
        let read =
            replaced.isEmpty
            ? snapshot.countedRows(header, wanted: wanted)
            : snapshot.countedRows(header) { head in
                !replaced.contains(head.id) && wanted(head)
            }
        guard var rows = read else { return nil }
        // The journal's last version of each deal, once.
        var latest: [String: Deal] = [:]
        for deal in later.deals { latest[deal.id] = deal }
        for id in later.removed { latest[id] = nil }
        for deal in latest.values where wanted(DealHead(deal)) { rows.append(deal) }
        return (rows, header.count)
    }

    /// The journal's deals in the order they were written, the digest of the fingerprint it last
    /// recorded (of `recorded`, the snapshot's, when none), and the ids of the deals it removed
    /// (and did not write again after); nil when it is not the journal of `generation`, or when a
    /// write's "before" is not the fingerprint recorded until then. A torn or changed last
    /// record ends it.
    static func journal(_ journal: Data, generation: UInt64, recorded snapshotFingerprint: String) -> Journal? {
        var deals: [Deal] = []
        var removed: Set<String> = []
        let digest = journalRecords(journal, generation: generation, recorded: Journal.digest(snapshotFingerprint)) { kind, p in
            if kind == 1 {
                let deal = try DealBinary.read(&p)
                removed.remove(deal.id)
                deals.append(deal)
            } else {
                removed.insert(try p.string())
            }
        }
        return digest.map { Journal(deals: deals, removed: removed, digest: $0) }
    }

    /// Walks the journal's records in order, handing each deal (kind 1) and removal (kind 3) to
    /// `each` with a reader of its payload: the digest of the fingerprint last recorded (`recorded`
    /// when none); nil when it is not the journal of `generation`, when a write's "before" is not
    /// the digest recorded until then, or when `each` throws. A torn or changed last record ends it.
    static func journalRecords(
        _ journal: Data, generation: UInt64, recorded: String, _ each: (UInt8, inout BinaryReader) throws -> Void
    ) -> String? {
        journal.withUnsafeBytes { raw -> String? in
            var r = BinaryReader(raw)
            var recorded = recorded
            do {
                guard raw.count >= 16, Array(raw[0..<8]) == Self.journalMagic else { return nil }
                r.offset = 8
                guard try r.u64() == generation else { return nil }
                while r.remaining >= 8 {
                    let length = Int(try r.u32())
                    guard length + 4 <= r.remaining else { break }  // a torn last record: ignored
                    let payload = UnsafeRawBufferPointer(rebasing: raw[r.offset..<(r.offset + length)])
                    var check = BinaryReader(raw, offset: r.offset + length)
                    guard try check.u32() == checksum(payload) else { break }
                    var p = BinaryReader(payload)
                    switch try p.u8() {
                    case let kind where kind == 1 || kind == 3: try each(kind, &p)
                    case 2:
                        guard try p.string() == recorded else { return nil }
                        recorded = try p.string()
                    default: return nil
                    }
                    r.offset += length + 4
                }
                return recorded
            } catch {
                return nil
            }
        }
    }

    /// The deals the heads point at, decoded on every core (a deal is read from its own bytes
    /// only); nil where one cannot be read or is not what its head says (a skipped deal could
    /// then be one that was wanted).
    static func decodeDeals(_ raw: UnsafeRawBufferPointer, heads: [DealSpan], from deals0: Int, leaving: DealParts = []) -> [Deal?] {
        // Read-only for the whole call, which returns before the caller's buffer goes.
        nonisolated(unsafe) let bytes = raw
        // Parts of deals, each decoded on one core with its own interner of repeated texts.
        let starts = Array(stride(from: 0, to: heads.count, by: decodePart))
        return parallelMap(starts, chunk: 1) { first -> [Deal?] in
            let interner = TextInterner()
            return heads[first..<min(heads.count, first + decodePart)].map { span -> Deal? in
                guard span.start <= bytes.count - deals0, span.length <= bytes.count - deals0 - span.start else { return nil }
                let start = deals0 + span.start, end = start + span.length
                guard checksum(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) == span.checksum else { return nil }
                var body = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[..<end]), offset: start, interner: interner)
                guard let deal = try? DealBinary.read(&body, leaving: leaving), body.offset == end, DealHead(deal) == span.head else {
                    return nil
                }
                return deal
            }
        }.flatMap { $0 }
    }

    /// Deals decoded on one core at a time.
    static let decodePart = 2_048

    /// Where a deal lies after the heads, and the checksum of its bytes.
    struct DealSpan: Sendable {
        let head: DealHead
        let start: Int
        let length: Int
        let checksum: UInt32
    }

    /// Replaces the cache with `deals` as of `fingerprint`, and starts an empty journal; the
    /// counted deals in parts of at most `countedPartBytes`.
    func write<C: Collection>(
        _ deals: C, fingerprint: String, countedPartBytes: Int = SnapshotReader.partBytes
    ) throws where C.Element == Deal {
        // A deal read without some of its parts is never written, not even into the cache.
        guard folderIsReal, !deals.contains(where: { !$0.leftOut.isEmpty }) else { return }
        try AtomicFile.makeDirectory(directory)
        removeAbandonedFiles()
        let generation = UInt64.random(in: 1...UInt64.max)
        let file = Self.snapshotBytes(Array(deals), fingerprint: fingerprint, generation: generation, countedPartBytes: countedPartBytes)
        var j = BinaryWriter()
        j.append(Self.journalMagic)
        j.u64(generation)
        // The journal first: a journal of another generation makes the cache invalid, never wrong.
        try AtomicFile.write(Data(j.bytes), to: journalPath, durable: false)
        try AtomicFile.write(file, to: snapshotPath, durable: false)
        try AtomicFile.write(IdIndex.bytes(deals, fingerprint: fingerprint, generation: generation), to: idsPath, durable: false)
    }

    /// Records changed deals and the fingerprints before and after the write (their digests: the
    /// text names every seller's folder, 14 KB a write at 100,000 deals, which filled the journal
    /// and folded it every 600 writes): a reader believes the record only when `before` is the
    /// fingerprint last recorded, so a change another program made before this write (a file
    /// renamed into a folder) is not hidden by it. A cache that does not exist stays absent (the
    /// next load rebuilds it). A journal past `journalLimit` is folded into a new snapshot here,
    /// unless `foldLater` (and it is not past `journalHardLimit`): then the call says so (true),
    /// and the caller has it folded off the writer's path (`FunnelStore.foldJournal`).
    @discardableResult
    func append(_ deals: [Deal], removed: [String] = [], before: String, after fingerprint: String, foldLater: Bool = false) throws
        -> Bool
    {
        var records = BinaryWriter()
        func record(_ payload: BinaryWriter) {
            records.u32(UInt32(payload.bytes.count))
            records.append(payload.bytes)
            records.u32(payload.bytes.withUnsafeBytes { checksum($0) })
        }
        for deal in deals {
            var p = BinaryWriter()
            p.u8(1)
            DealBinary.write(deal, to: &p)
            record(p)
        }
        for id in removed {
            var p = BinaryWriter()
            p.u8(3)
            p.string(id)
            record(p)
        }
        var marker = BinaryWriter()
        marker.u8(2)
        marker.string(Journal.digest(before))
        marker.string(Journal.digest(fingerprint))
        record(marker)

        guard folderIsReal else { return false }
        // Only the journal file itself: never through a link, never a FIFO or a device.
        let fd = open(journalPath, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size >= 16 else { return false }
        let written = records.bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        guard written == records.bytes.count else {
            // A short write leaves a torn record that the next load ignores, then rebuilds.
            return false
        }
        let size = Int(info.st_size) + written
        guard size > Self.journalLimit else { return false }
        if foldLater && size <= Self.journalHardLimit { return true }
        if let all = load(fingerprint: fingerprint) { try write(all.values, fingerprint: fingerprint) }
        return false
    }

    /// What the journal holds beyond the snapshot (`journal(_:generation:recorded:)`).
    struct Journal {
        /// The deals written, in the order they were.
        let deals: [Deal]
        /// The deals removed and not written again after.
        let removed: Set<String>
        /// The digest of the fingerprint last recorded (`digest(_:)`).
        let digest: String

        /// Whether the journal last recorded `fingerprint`.
        func records(_ fingerprint: String) -> Bool { digest == Self.digest(fingerprint) }

        /// How the journal names a fingerprint: its SHA-256, in hex.
        static func digest(_ fingerprint: String) -> String {
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: SHA256.digest(fingerprint.utf8).flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] }, as: UTF8.self)
        }
    }

    /// Removes the cache (it is rebuilt on the next load).
    func discard() {
        guard folderIsReal else { return }
        unlink(journalPath)
        unlink(snapshotPath)
        unlink(nextSnapshotPath)
        unlink(idsPath)
        unlink(nextIdsPath)
        removeAbandonedFiles()
    }

    /// The temporary files a writer of the cache left when it was killed (a fold ended by
    /// `kill -9` leaves one the size of the snapshot): those whose process is gone.
    func removeAbandonedFiles() {
        guard folderIsReal else { return }
        AtomicFile.removeAbandonedTemporaryFiles(in: directory)
    }
}
