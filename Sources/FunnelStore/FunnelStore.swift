import Foundation
import FunnelCore

/// funnel's data directory: one JSON file per deal, so saving a change costs the same with
/// 100 deals as with 100,000.
///
///     pipeline.json             stages and lists
///     team.json                 users and roles
///     inbox/<id>.json           unassigned deals (R4)
///     deals/<owner>/<id>.json   each owner's deals, in a directory the OS can protect
///     .lock                     writers' lock (flock), never replaced
///
/// Every write is atomic (see `AtomicFile`); every read-modify-write holds the lock and
/// re-reads the file it changes, so concurrent processes never lose each other's changes.
public final class FunnelStore {
    public let root: String
    /// The writers' lock; set its `timeout` and `onWait` before writing.
    public var lock: DataLock
    /// The binary cache that makes loading fast; the JSON files stay the record.
    let cache: SnapshotCache
    /// The directory's fingerprint just before and just after this process's last write, both
    /// taken under the lock: when "before" is what a watcher last saw, "after" is the same data
    /// plus only our own change, and need not be reloaded.
    public private(set) var lastWrite: (before: String, after: String)?
    /// Called when a write took the cache's journal past its limit, to have it folded off the
    /// writers' path (`foldJournal`, in a process of its own); nil: the writer folds it itself.
    public var onJournalFull: (() -> Void)?
    /// Whether this store holds the lock for a write about one deal (`withWriteLock`), and the
    /// fingerprint's entries as taken in that hold.
    var holdingWrite = false
    var heldEntries: [FingerprintEntry]?
    /// Told how many of how many deal files have been read while every file is read (a cache
    /// rebuilt at 100,000 deals takes seconds); called from any thread.
    public var onReadingFiles: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// `root` is made absolute and spelt one way (`DataDirectory.absolute`): paths cut from
    /// those built on it are compared byte for byte.
    public init(root: String) {
        let root = DataDirectory.absolute(root)
        self.root = root
        self.lock = DataLock(directory: root)
        self.cache = SnapshotCache(directory: root + "/cache")
    }

    var pipelinePath: String { root + "/pipeline.json" }
    var teamPath: String { root + "/team.json" }
    var inboxDirectory: String { root + "/inbox" }
    var dealsDirectory: String { root + "/deals" }

    /// The file a deal lives in, given its owner; refuses an id or owner that is not a valid
    /// name (`StorePaths`), so file content never leads a write outside the data directory.
    func path(id: String, owner: String?) throws -> String {
        try StorePaths.dealFile(root: root, id: id, owner: owner)
    }

    /// Whether this is a team's shared data directory (`funnel team-init`).
    public var isShared: Bool { AtomicFile.isShared(root) }

    /// Whether funnel data exists here.
    public var isInitialized: Bool { FileManager.default.fileExists(atPath: pipelinePath) }

    // MARK: - Setup

    /// Creates the data directory with a pipeline and a team. Refuses to touch existing data.
    public func initialize(pipeline: Pipeline, team: Team) throws {
        try AtomicFile.makeDirectory(root)
        try lock.withLock {
            if isInitialized { throw StoreError.alreadyInitialized(path: root) }
            try AtomicFile.makeDirectory(inboxDirectory)
            try AtomicFile.makeDirectory(dealsDirectory)
            try writeJSON(StoredFile(body: team.users), to: teamPath)
            // The pipeline last: its presence marks the directory as initialized.
            try writeJSON(StoredFile(body: pipeline), to: pipelinePath)
        }
    }

    // MARK: - Reading

    public func loadPipeline() throws -> Pipeline {
        guard let data = try AtomicFile.readFile(pipelinePath, limit: Self.maximumFileBytes)?.data else {
            throw StoreError.notInitialized(path: root)
        }
        let pipeline = try FunnelJSON.decode(StoredFile<Pipeline>.self, from: data, path: pipelinePath).body
        let errors = pipeline.validationErrors
        if !errors.isEmpty { throw StoreError.corrupt(path: pipelinePath, detail: errors.joined(separator: "; ")) }
        return pipeline
    }

    public func loadTeam() throws -> Team {
        guard let data = try AtomicFile.readFile(teamPath, limit: Self.maximumFileBytes)?.data else {
            if isInitialized { throw StoreError.corrupt(path: teamPath, detail: "the file is missing") }
            throw StoreError.notInitialized(path: root)
        }
        let users = try FunnelJSON.decode(StoredFile<[User]>.self, from: data, path: teamPath).body
        // One person, one role: with an account listed twice, which role counts would be a guess.
        var seen: Set<String> = []
        for user in users where !seen.insert(user.account).inserted {
            throw StoreError.corrupt(path: teamPath, detail: "the account “\(user.account)” is listed twice; keep one entry")
        }
        return Team(users: users)
    }

    /// The pipeline and team together, as the domain needs them.
    public func loadFunnel() throws -> Funnel {
        Funnel(pipeline: try loadPipeline(), team: try loadTeam())
    }

    /// Every deal file's path: the inbox and each owner's directory. Temp files are skipped.
    public func dealPaths() throws -> [String] {
        try dealListing().paths
    }

    /// Every deal file's path, and the owners' folders this process may not read. On a team
    /// server a rep may not read other reps' folders (the operating system's R15); a manager may
    /// read all, so one they cannot is a problem to report (`DealSet.unreadable`).
    func dealListing() throws -> (paths: [String], unreadableFolders: [String]) {
        var unreadable: [String] = []
        var paths: [String] = []
        for name in try AtomicFile.list(inboxDirectory) where isDealFileName(name) {
            paths.append("\(inboxDirectory)/\(name)")
        }
        for owner in try AtomicFile.list(dealsDirectory) where !owner.hasPrefix(".") {
            let dir = "\(dealsDirectory)/\(owner)"
            // A link is never followed: its deals are in no list (doctor says why).
            if StorePaths.isLink(dir) {
                unreadable.append(dir)
                continue
            }
            let names: [String]
            do {
                names = try AtomicFile.list(dir)
            } catch StoreError.io where isShared && access(dir, R_OK) != 0 {
                unreadable.append(dir)  // another rep's deals, which the operating system keeps from us
                continue
            }
            for name in names where isDealFileName(name) { paths.append("\(dir)/\(name)") }
        }
        return (paths, unreadable)
    }

    /// Whether a listing should read `name` as a deal: any visible `.json`, on purpose looser than
    /// `StorePaths.isDealFileName`, so a file with a malformed id is read, refused by `readDeal`,
    /// and reported (not silently left out).
    func isDealFileName(_ name: String) -> Bool { !name.hasPrefix(".") && name.hasSuffix(".json") }

    /// Every deal id present, from file names alone (cheap: no file is opened).
    public func dealIDs() throws -> [String] {
        try dealPaths().map(StorePaths.dealID(ofPath:))
    }

    /// Every deal that counts. Unlike `loadDealSet`, a file that does not count stops the load
    /// with an error naming it (for tools that must see everything or nothing).
    public func loadDeals() throws -> [Deal] {
        Array(try loadDealMap().values)
    }

    /// Every deal that counts, by id; a file that does not count stops the load with an error.
    public func loadDealMap() throws -> [String: Deal] {
        let set = try loadDealSet()
        if let first = set.unreadable.first(where: { !$0.isFolder }) { throw first.error }
        return set.deals
    }

    /// The largest deal, pipeline or team file funnel reads (a bigger one is reported, never read:
    /// a sparse file planted by a teammate costs them nothing and every reader a gigabyte).
    public static let maximumFileBytes = 16 << 20

    /// How long a reader that found a writer's work half done (a deal in two owners' folders)
    /// waits for the lock before reporting it: a writer holds it for milliseconds.
    static let writerGrace: TimeInterval = 0.25

    /// From this many deals on, loading goes through the snapshot cache (see `SnapshotCache`).
    /// Below it, every load parses the JSON files, so any change to them shows at once.
    public static let cacheThreshold = 500

    /// Every deal that counts, and the files skipped (unreadable, misplaced, or one of two copies)
    /// — one bad file never stops the team. From the cache when there are many deals and it matches
    /// the directory's fingerprint, otherwise from the JSON files (rebuilding the cache for next
    /// time when every file counted). Never waits for a writer: with the lock busy, the files are
    /// read directly (each is replaced by rename, so each read sees a whole file).
    public func loadDealSet() throws -> DealSet {
        try loadDealSet(where: { _ in true })
    }

    /// `loadDealSet()` for the deals whose head `wanted` accepts (the skipped files are reported
    /// all the same). From the cache, a deal not wanted is never decoded: a rep's `list` at
    /// 100,000 deals decodes their own and the inbox's. Deals read from the cache come without the
    /// parts `leaving` names (`Deal.leftOut`: they are never written), for a reader that never
    /// looks at them (`funnel report`, `list`); deals read from their files come whole.
    ///
    /// The wanted deals `holding` accepts are held back: not decoded from the cache, their heads
    /// given instead (`DealSet.held`; the board's archived deals, read when asked for). Those
    /// `deferring` accepts (and `holding` does not) are put off the same way, but only from the
    /// cache (`DealSet.deferred`: the board's columns beyond its first frame, read right after
    /// it); read from their files they come decoded, as nothing is saved by putting them off.
    public func loadDealSet(
        where wanted: @Sendable (DealHead) -> Bool, holding: (@Sendable (DealHead) -> Bool)? = nil,
        deferring: (@Sendable (DealHead) -> Bool)? = nil, leaving: DealParts = []
    ) throws -> DealSet {
        // A team's shared directory has no cache: one file of every deal would undo the
        // operating system's protection of each rep's deals.
        guard !isShared, FileManager.default.isWritableFile(atPath: root) else {
            return try loadDealFiles().keeping(wanted, holding: holding)
        }
        // The board's quit signal (`DataLock.shouldStop`) ends the read between two parts.
        let stop = { self.lock.shouldStop?() == true }
        let read = lock.ifFree(shared: true) {
            cache.loadRead(fingerprint: fingerprint(), wanted: wanted, holding: holding, deferring: deferring, leaving: leaving, stop: stop)
        }
        if stop() { throw StoreError.io(path: cache.snapshotPath, detail: Self.stoppedReading) }
        if let cached = read ?? nil, cached.total >= Self.cacheThreshold {
            var set = DealSet(deals: cached.deals, unreadable: [], held: cached.held)
            if let deferred = cached.deferred, !deferred.spans.isEmpty { set.deferred = DeferredDeals(spans: deferred) }
            return set
        }
        let rebuilt: DealSet?? = try lock.ifFree(shared: false) {
            let fingerprint = fingerprint()
            let set = try loadDealFiles()
            if set.deals.count >= Self.cacheThreshold && set.unreadable.isEmpty {
                try? cache.write(set.deals.values, fingerprint: fingerprint)
            } else {
                cache.discard()
            }
            return set
        }
        if let rebuilt = rebuilt ?? nil { return rebuilt.keeping(wanted, holding: holding) }
        return try loadDealFiles().keeping(wanted, holding: holding)
    }

    /// The deals a load put off (`loadDealSet(where:holding:deferring:)`) put beside `deals`
    /// (those the load gave; theirs stay): decoded from the snapshot it read, its heads not read
    /// again, into one table. False, `deals` as given, when that snapshot was replaced since or
    /// cannot be read: the caller reads again (`loadDealSet`).
    public func loadDeferred(_ deferred: DeferredDeals, into deals: inout [String: Deal]) -> Bool {
        guard let merged = deferredRead(deferred, beside: deals)() else { return false }
        deals = merged
        return true
    }

    /// `loadDeferred` as work another thread may do (it touches nothing of this store's but the
    /// snapshot's file): `deals` with the deals put off beside them, or nil.
    public func deferredRead(_ deferred: DeferredDeals, beside deals: [String: Deal]) -> @Sendable () -> [String: Deal]? {
        let cache = self.cache
        return {
            // Shared until the first deal goes in: then the few given are copied, not the many read.
            var merged = deals
            // Without the lock: a writer never changes a snapshot in place, it puts a new one
            // (another generation) in its place by rename, and each deal's checksum is checked.
            return cache.loadDeferred(deferred.spans, into: &merged) ? merged : nil
        }
    }

    /// The deals whose head `wanted` accepts as a report counts them: without their activities
    /// and without `DealParts.details` (never written), and the files skipped. From the cache
    /// only the counted deals are read, in the order of their ids (then the journal's); without
    /// a cache, every file is read as by `loadDealSet`.
    public func loadCountedDeals(where wanted: @Sendable (DealHead) -> Bool) throws -> DealList {
        if !isShared, FileManager.default.isWritableFile(atPath: root),
            let cached = lock.ifFree(shared: true, { cache.loadCounted(fingerprint: fingerprint(), wanted: wanted) }) ?? nil,
            cached.total >= Self.cacheThreshold
        {
            return DealList(deals: cached.deals, unreadable: [])
        }
        let set = try loadDealSet(where: wanted, leaving: DealParts.counted)
        let deals = set.deals.values.map { deal in
            var deal = deal
            deal.leaveOut(DealParts.counted)
            return deal
        }
        return DealList(deals: deals, unreadable: set.unreadable)
    }

    /// `loadCountedDeals` as a report's rows (`ReportRows`): from the cache, the counted deals
    /// read straight into plain numbers, no deal made; without a cache, every file read and each
    /// deal made a row. The files skipped beside them (`skipped`, its deals none).
    public func loadReportRows(where wanted: @escaping @Sendable (DealHead) -> Bool) throws -> (rows: ReportRows, skipped: DealList) {
        if !isShared, FileManager.default.isWritableFile(atPath: root),
            let cached = lock.ifFree(shared: true, { cache.loadCountedRows(fingerprint: fingerprint(), wanted: wanted) }) ?? nil,
            cached.total >= Self.cacheThreshold
        {
            return (cached.rows, DealList(deals: [], unreadable: []))
        }
        let list = try loadCountedDeals(where: wanted)
        return (ReportRows(list.deals), DealList(deals: [], unreadable: list.unreadable))
    }

    /// Deals whose file vanished between the listing and its read, looked for where they are now
    /// (a reassignment writes the new owner's copy, then removes the old): found, they count; not
    /// found anywhere, they were removed and are no longer a deal; a copy that cannot be read is
    /// reported as any other.
    func lookAgain(for vanished: [String: UnreadableDeal], in set: inout DealSet) {
        for (id, first) in vanished where set.deals[id] == nil {
            do {
                if let file = try readCopies(of: id) { set.deals[id] = file.deal }
            } catch let error as StoreError {
                set.unreadable.append(UnreadableDeal(path: error.path, error: error))
            } catch {
                set.unreadable.append(first)
            }
        }
    }

    /// Why a read of every file ended early.
    static let stoppedReading = "reading stopped: a quit signal arrived"

    /// Every deal file read and sorted into what counts and what does not.
    func loadDealFiles() throws -> DealSet {
        var files: [DealFile] = []
        let listing = try dealListing()
        var skipped = listing.unreadableFolders.map { UnreadableDeal(folder: $0) }
        let total = listing.paths.count
        let progress = onReadingFiles
        var done: (@Sendable (Int) -> Void)?
        if let progress { done = { count in progress(count, total) } }
        // The board's quit signal (`DataLock.shouldStop`) ends a read of every file at once.
        let stop = lock.shouldStop
        let read = parallelMap(listing.paths, done: done) { path -> Swift.Result<DealFile, StoreError> in
            if stop?() == true { return .failure(.io(path: path, detail: Self.stoppedReading)) }
            do {
                return .success(try Self.readDealFile(at: path))
            } catch let error as StoreError {
                return .failure(error)
            } catch {
                return .failure(.io(path: path, detail: "\(error)"))
            }
        }
        if stop?() == true { throw StoreError.io(path: dealsDirectory, detail: Self.stoppedReading) }
        var vanished: [String: UnreadableDeal] = [:]
        for (path, result) in zip(listing.paths, read) {
            switch result {
            case .success(let file): files.append(file)
            // Gone since the listing: a writer moved the deal (a reassignment) or removed it.
            case .failure(let error) where AtomicFile.identity(path) == nil:
                vanished[StorePaths.dealID(ofPath: path)] = UnreadableDeal(path: path, error: error)
            case .failure(let error): skipped.append(UnreadableDeal(path: path, error: error))
            }
        }
        var (set, ambiguous) = DealPlacement.settle(files, skipped: skipped, store: self)
        lookAgain(for: vanished, in: &set)
        // Copies in two owners' folders: perhaps a reassignment between its two steps; look again.
        if !ambiguous.isEmpty {
            // One brief look for all of them: a lock held longer is not a writer between two steps.
            let settled =
                lock.whenFree(shared: true, within: Self.writerGrace) { () -> [String: Deal] in
                    var found: [String: Deal] = [:]
                    for id in ambiguous.keys {
                        if let file = try? readCopies(of: id) { found[id] = file.deal }
                    }
                    return found
                } ?? [:]
            for (id, problem) in ambiguous {
                if let deal = settled[id] { set.deals[id] = deal } else { set.unreadable.append(problem) }
            }
            set.unreadable.sort { $0.path < $1.path }
        }
        return set
    }

    /// One deal file, checked against its name.
    func readDeal(at path: String) throws -> DealFile { try Self.readDealFile(at: path) }

    /// The deal in the file at `path`, checked against its name (`readDeal`); needs no store.
    static func readDealFile(at path: String) throws -> DealFile {
        guard let (data, identity) = try AtomicFile.readFile(path, limit: Self.maximumFileBytes) else {
            throw StoreError.io(path: path, detail: "vanished while reading")
        }
        let deal = try FunnelJSON.decode(StoredFile<Deal>.self, from: data, path: path).body
        let expected = StorePaths.dealID(ofPath: path)
        guard deal.id == expected else {
            throw StoreError.corrupt(path: path, detail: "holds deal \(deal.id) but is named \(expected)")
        }
        do {
            try StorePaths.checkID(deal.id)
        } catch {
            throw StoreError.corrupt(path: path, detail: error.description)
        }
        return DealFile(deal: deal, path: path, identity: identity)
    }

    /// The files named after deal `id` (normally one): where the cache's id index says, when it
    /// is believed (`indexedFiles`); else the inbox and every owner's folder, one `lstat` each
    /// (the folders are real directories by the listing's own file types, a link is never one) —
    /// 35–100 ms among a thousand sellers for a name not looked up before.
    func locate(id: String) throws -> [String] {
        var found: [String] = []
        // Nothing is looked up through a link: a planted `inbox/` or `deals/` is refused, named.
        try StorePaths.checkNoLink(inboxDirectory)
        try StorePaths.checkNoLink(dealsDirectory)
        guard let inbox = try? path(id: id, owner: nil) else { return [] }
        if let indexed = try indexedFiles(matching: id) { return indexed[id] ?? [] }
        if AtomicFile.identity(inbox) != nil { found.append(inbox) }
        let names = try AtomicFile.folders(in: dealsDirectory).filter(User.isValidAccount).map { "\($0)/\(id).json" }
        for (name, identity) in zip(names, AtomicFile.identities(in: dealsDirectory, of: names)) where identity != nil {
            found.append("\(dealsDirectory)/\(name)")
        }
        return found
    }

    /// The file of deal `id` that counts, or nil when there is none. A copy that cannot be read or
    /// does not belong where it is, when no other copy counts, is an error naming it. Copies in two
    /// owners' folders are looked at again once any writer has finished (a reassignment writes the
    /// new file before it removes the old one, under the lock).
    ///
    /// `found`: the files a lookup just found (`dealFiles(matching:)`), read instead of looking in
    /// every folder again while each is still there; a vanished one means a writer moved the deal,
    /// and it is looked for again.
    func loadDealFile(id: String, found: [String]? = nil) throws -> DealFile? {
        let known = found.flatMap { $0.isEmpty || $0.contains { AtomicFile.identity($0) == nil } ? nil : $0 }
        do {
            return try readCopies(of: id, at: known)
        } catch DealPlacement.Ambiguous.copies(let error) {
            let again = try lock.whenFree(shared: true, within: Self.writerGrace) { () throws -> DealFile? in
                do { return try readCopies(of: id) } catch DealPlacement.Ambiguous.copies(let error) { throw error }
            }
            guard let again else { throw error }
            return again
        }
    }

    private func readCopies(of id: String, at known: [String]? = nil) throws -> DealFile? {
        var copies: [DealFile] = []
        var firstError: (any Error)?
        for path in try known ?? locate(id: id) {
            do {
                let file = try readDeal(at: path)
                if let problem = DealPlacement.problem(file.deal, at: path, store: self) {
                    throw StoreError.corrupt(path: path, detail: problem)
                }
                copies.append(file)
            } catch {
                firstError = firstError ?? error
            }
        }
        if copies.isEmpty, let firstError { throw firstError }
        guard !copies.isEmpty else { return nil }
        switch DealPlacement.choose(copies, store: self) {
        case .success(let file): return file
        case .failure(let problem): throw DealPlacement.Ambiguous.copies(problem)
        }
    }

    /// One deal by exact id, or nil; `found` as in `loadDealFile(id:found:)`.
    public func loadDeal(id: String, found: [String]? = nil) throws -> Deal? {
        try loadDealFile(id: id, found: found)?.deal
    }

    /// Resolves an id or unique prefix typed by a person.
    public func resolve(_ typed: String) throws -> DealID.Resolution {
        DealID.resolve(typed, among: Set(try dealIDs()))
    }

    // MARK: - Writing

    /// Saves a new deal under the lock; fails if its id is taken anywhere.
    public func insert(_ deal: Deal) throws {
        guard try insertIfFree(deal) else {
            throw StoreError.io(path: try path(id: deal.id, owner: deal.owner), detail: "a deal with this id exists")
        }
    }

    /// Saves a new deal under the lock when its id is free anywhere; false (nothing written)
    /// when it is taken. A new id is drawn at random, so this is how `add` makes sure of it: one
    /// look in the sellers' folders, under the lock, instead of one before it and one in it.
    public func insertIfFree(_ deal: Deal) throws -> Bool {
        try withWriteLock {
            guard try locate(id: deal.id).isEmpty else { return false }
            try writeRecorded(deal, replacing: nil)
            return true
        }
    }

    /// The outcome of a read-modify-write.
    public enum Update {
        case saved(Deal)
        case refused(Refusal)
        case notFound
    }

    /// Re-reads deal `id` under the lock, lets `change` compute its next version from what is
    /// on disk now, and saves it in place of exactly the file read. Nothing is written when
    /// `change` refuses.
    public func update(id: String, _ change: (Deal) -> Result<Deal, Refusal>) throws -> Update {
        try withWriteLock {
            guard let current = try loadDealFile(id: id) else { return .notFound }
            switch change(current.deal) {
            case .failure(let refusal):
                return .refused(refusal)
            case .success(let next):
                try writeRecorded(next, replacing: current)
                return .saved(next)
            }
        }
    }

    /// The outcome of removing a deal.
    public enum Removal: Equatable {
        case removed
        /// The file holds another version than the one to remove: it is left alone.
        case refused(Refusal)
        case notFound
    }

    /// Removes deal `expected.id` under the lock, only while its file still holds exactly
    /// `expected` (an undo of a deal just created); only the file read is removed.
    public func remove(_ expected: Deal) throws -> Removal {
        try withWriteLock {
            guard let current = try loadDealFile(id: expected.id) else { return .notFound }
            guard current.deal == expected else { return .refused(Refusal(.staleDeal(dealTitle: current.deal.title))) }
            // Journaled as a removal: the cache stays believed, no deal read again.
            let removal = try journaled([], removed: [expected.id]) {
                try AtomicFile.remove(current.path, ifStill: current.identity) ? [Self.folder(of: current.path)] : nil
            }
            guard let removal else { return .refused(Refusal(.staleDeal(dealTitle: current.deal.title))) }
            lastWrite = removal
            return .removed
        }
    }

    /// Writes one deal under the lock, notes the fingerprint around the write (`lastWrite`) and
    /// journals it for the cache.
    func writeRecorded(_ deal: Deal, replacing old: DealFile?) throws {
        lastWrite = try journaled([deal]) {
            try write(deal, replacing: old)
            return Set([try path(id: deal.id, owner: deal.owner), old?.path].compactMap { $0 }.map(Self.folder(of:)))
        }
    }

    /// Runs `write` (the caller holds the lock), which changes only the fingerprint's entries at
    /// the paths it returns (folders written into, a file replaced; a folder it makes is a new
    /// entry) or nothing at all (nil); then journals `deals` and `removed` with the fingerprints
    /// before and after it, which it returns (nil: nothing was written, nothing journaled).
    @discardableResult
    func journaled(_ deals: [Deal], removed: [String] = [], _ write: () throws -> Set<String>?) throws -> (before: String, after: String)? {
        let entries = currentEntries()
        guard let touched = try write() else { return nil }
        let afterEntries = entriesAfterWrite(entries, touching: touched)
        if holdingWrite { heldEntries = afterEntries }
        let before = Self.text(of: entries), after = Self.text(of: afterEntries)
        if (try? cache.append(deals, removed: removed, before: before, after: after, foldLater: onJournalFull != nil)) == true {
            onJournalFull?()
        }
        return (before, after)
    }

    /// The fingerprint after a write that changed only `paths` (`fingerprintEntries(after:touching:)`),
    /// or the whole one taken again.
    func fingerprint(after entries: [FingerprintEntry], touching paths: Set<String>) -> String {
        Self.text(of: entriesAfterWrite(entries, touching: paths))
    }

    /// The fingerprint's entries after a write that changed only `paths`, or all taken again.
    func entriesAfterWrite(_ entries: [FingerprintEntry], touching paths: Set<String>) -> [FingerprintEntry] {
        fingerprintEntries(after: entries, touching: paths) ?? fingerprintEntries()
    }

    /// `lock.withLock` for a write about one deal: the fingerprint's entries are taken once for
    /// the hold (`currentEntries`), by the look for the deal and the journal's "before" alike —
    /// no writer comes between them — and after the write they are its "after" (three looks at
    /// every seller's folder were one second of an `edit` at a million deals).
    func withWriteLock<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock {
            holdingWrite = true
            defer { (holdingWrite, heldEntries) = (false, nil) }
            return try body()
        }
    }

    /// The fingerprint's entries: within `withWriteLock`, taken once and kept up to date by each
    /// write; otherwise taken now.
    func currentEntries() -> [FingerprintEntry] {
        guard holdingWrite else { return fingerprintEntries() }
        if let heldEntries { return heldEntries }
        let entries = fingerprintEntries()
        heldEntries = entries
        return entries
    }

    /// The folder a file is in.
    static func folder(of path: String) -> String { (path as NSString).deletingLastPathComponent }

    /// Writes a deal file in place of `old` (the file read under the lock), or where nothing is
    /// (a new deal). When the owner changed, the new file is in place before the old one goes,
    /// and the old one goes only if it is still the file that was read; its quote PDFs follow it.
    func write(_ deal: Deal, replacing old: DealFile?, durable: Bool = true) throws {
        let target = try path(id: deal.id, owner: deal.owner)
        try AtomicFile.makeDirectory((target as NSString).deletingLastPathComponent)
        if let old, old.path == target {
            try writeJSON(StoredFile(body: deal), to: target, replacing: .file(old.identity), durable: durable)
            return
        }
        // A new owner gets the deal's quote PDFs too: copied beside the new owner first, removed
        // from beside the old one once the deal is in its new place.
        let moves = try quotePDFMoves(of: deal, replacing: old)
        let copies = try copyQuotePDFs(moves)
        do {
            try writeJSON(StoredFile(body: deal), to: target, replacing: .nothing, durable: durable)
        } catch {
            for path in copies { unlink(path) }
            throw error
        }
        if let old { try AtomicFile.remove(old.path, ifStill: old.identity) }
        for move in moves { try? AtomicFile.remove(move.from) }
    }

    /// Captures take turns: a capture holds this for its whole run, so its duplicate check sees
    /// every lead an earlier capture wrote (two captures of one lead at once make one deal, the
    /// other logged on it). It is a `flock` on the inbox folder itself (no file of its own), and is
    /// waited for like the writers' lock (`timeout`, `onWait`); the writers' lock stays free.
    public func withCaptureTurn<T>(_ body: () throws -> T) throws -> T {
        try AtomicFile.makeDirectory(inboxDirectory)
        var turn = DataLock(lockingDirectory: inboxDirectory)
        turn.timeout = lock.timeout
        turn.onWait = lock.onWait
        turn.shouldStop = lock.shouldStop
        return try turn.withLock(body)
    }

    /// Writes new deals together under one lock (`capture`: thousands of leads a second): each
    /// file written without a flush of its own, then one `sync` (Linux waits for it to finish)
    /// makes them all durable before this returns, and the cache journals them at once.
    /// Each name must be free (never replaced); the caller chose ids no deal has (`dealIDs`).
    /// When some files could not be written (a full disk), `PartialBatch` says which deals are on
    /// disk, durable, and why the others are not.
    public func insertBatch(_ deals: [Deal]) throws {
        guard !deals.isEmpty else { return }
        try lock.withLock {
            lastWrite = try journaled(deals) {
                let (folders, failures) = try writeNewDealFilesReporting(deals)
                if let cause = failures.lazy.compactMap({ $0 }).first {
                    throw PartialBatch(written: zip(deals, failures).filter { $0.1 == nil }.map(\.0.id), cause: cause)
                }
                for folder in folders { try AtomicFile.syncDirectory(folder) }
                return folders
            }
        }
    }

    /// Writes the files of new deals (each name must be free) on every core, without a flush of
    /// their own, then one `sync` (Linux waits for it to finish); returns the folders written to.
    /// The caller holds the lock.
    func writeNewDealFiles(_ deals: [Deal]) throws -> Set<String> {
        let (folders, failures) = try writeNewDealFilesReporting(deals)
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return folders
    }

    /// As `writeNewDealFiles`, with why each file could not be written (nil: it is on disk).
    func writeNewDealFilesReporting(_ deals: [Deal]) throws -> (folders: Set<String>, failures: [StoreError?]) {
        let files = try deals.map { try path(id: $0.id, owner: $0.owner) }
        let folders = Set(files.map { ($0 as NSString).deletingLastPathComponent })
        for folder in folders { try AtomicFile.makeDirectory(folder) }
        let failures = parallelMap(Array(zip(deals, files))) { deal, file -> StoreError? in
            do {
                let data = try FunnelJSON.encode(StoredFile(body: deal))
                try AtomicFile.write(data + Data("\n".utf8), to: file, mode: nil, replacing: .nothing, durable: false)
                return nil
            } catch let error as StoreError {
                return error
            } catch {
                return StoreError.io(path: file, detail: "could not encode: \(error)")
            }
        }
        sync()
        return (folders, failures)
    }

    /// Writes many new deals at once (demo data, imports): no fsync per file, one sync at the end.
    public func insertBulk(_ deals: [Deal]) throws {
        try lock.withLock {
            let wasEmpty = try dealPaths().isEmpty
            if isShared {
                // no cache in a shared directory
                _ = try writeNewDealFiles(deals)
            } else if wasEmpty, deals.count >= Self.cacheThreshold {
                _ = try writeNewDealFiles(deals)
                try? cache.write(deals, fingerprint: fingerprint())
            } else {
                try journaled(deals) { try writeNewDealFiles(deals) }
            }
        }
    }

    /// Re-reads the team under the lock, applies `change`, and saves it.
    public func updateTeam(_ change: (inout Team) throws -> Void) throws -> Team {
        try lock.withLock {
            var team = try loadTeam()
            try change(&team)
            try journaled([]) {
                try writeJSON(StoredFile(body: team.users), to: teamPath)
                return [teamPath]
            }
            return team
        }
    }

    /// Writes a funnel JSON file atomically. The pipeline and the team (in the data directory
    /// itself) are 0600, or 0640 in a team's shared directory, where only managers may change them.
    func writeJSON<T: Encodable>(
        _ value: T, to path: String, replacing: AtomicFile.Replacing = .anything,
        durable: Bool = true
    ) throws {
        let data: Data
        do {
            data = try FunnelJSON.encode(value)
        } catch {
            throw StoreError.io(path: path, detail: "could not encode: \(error)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let settings = folder == root || folder == pipelinesDirectory
        let mode: mode_t? = settings ? (isShared ? AtomicFile.sharedSettingsMode : AtomicFile.newFileMode) : nil
        try AtomicFile.write(data + Data("\n".utf8), to: path, mode: mode, replacing: replacing, durable: durable)
    }
}
