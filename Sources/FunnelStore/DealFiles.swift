import Foundation
import FunnelCore

/// One deal file as read: the deal, where it was, and which file it was (for writes and
/// removals that must touch only the file they read).
public struct DealFile: Sendable {
    public let deal: Deal
    public let path: String
    public let identity: FileIdentity
}

/// A deal file that does not count: unreadable, in a folder its content does not belong in, or
/// one of two copies of an id. Skipped by every load, explained by `funnel doctor`.
public struct UnreadableDeal: Sendable, Equatable {
    public let path: String
    /// What is wrong, naming the file.
    public let error: StoreError

    init(path: String, error: StoreError) {
        self.path = path
        self.error = error
    }

    /// A file that was read but does not count where it is.
    init(path: String, reason: String) {
        self.init(path: path, error: .corrupt(path: path, detail: reason))
    }

    /// An owner's folder this process may not read. For a rep on a team server that is how it
    /// should be (another rep's deals); for a manager, every deal in it is missing.
    init(folder: String) {
        // A link is never followed (its deals are in no list); any other folder cannot be read.
        let linked = StorePaths.isLink(folder)
        let detail =
            linked
            ? "is a symbolic link: funnel never follows one, so its deals are missing — make it a real folder holding the files"
            : "this folder cannot be read (its mode or ACL was changed); its deals are missing — run funnel team-init as root"
        self.init(path: folder, error: .io(path: folder, detail: detail))
        isFolder = true
    }

    /// Whether this is an owner's folder rather than one file.
    public private(set) var isFolder = false
}

/// Every deal that counts, and the files that were skipped.
public struct DealSet: Sendable {
    public var deals: [String: Deal]
    public var unreadable: [UnreadableDeal]
    /// The heads of deals wanted but held back unread (`FunnelStore.loadDealSet(where:holding:)`).
    public var held: [DealHead] = []
    /// The deals wanted but put off unread (`FunnelStore.loadDealSet(where:holding:deferring:)`);
    /// nil when none was (nor from the files, which come decoded).
    public var deferred: DeferredDeals?

    public init(deals: [String: Deal], unreadable: [UnreadableDeal], held: [DealHead] = []) {
        self.deals = deals
        self.unreadable = unreadable
        self.held = held
    }

    /// The same set with only the deals whose head `wanted` accepts; of those, the ones `holding`
    /// accepts as heads alone.
    func keeping(_ wanted: @Sendable (DealHead) -> Bool, holding: (@Sendable (DealHead) -> Bool)? = nil) -> DealSet {
        var kept = DealSet(deals: [:], unreadable: unreadable)
        kept.deals.reserveCapacity(deals.count)
        for (id, deal) in deals {
            let head = DealHead(deal)
            guard wanted(head) else { continue }
            if let holding, holding(head) { kept.held.append(head) } else { kept.deals[id] = deal }
        }
        return kept
    }

    /// One line about the skipped files, or nil when none was. Only a manager is told which
    /// files (a rep may not know which deals exist outside their own).
    public func skippedWarning(toManager manager: Bool) -> String? {
        // A folder a rep may not read is another rep's: nothing to warn a rep about.
        let unreadable = manager ? self.unreadable : self.unreadable.filter { !$0.isFolder }
        guard !unreadable.isEmpty else { return nil }
        let count = unreadable.count == 1 ? "1 deal file was" : "\(unreadable.count) deal files were"
        guard manager else { return "\(count) skipped (unreadable or misplaced); a manager can run funnel doctor" }
        if unreadable.count == 1 { return "\(count) skipped: \(unreadable[0].error.description); funnel doctor explains" }
        let named = unreadable.prefix(3).map(\.path).joined(separator: ", ")
        let more = unreadable.count > 3 ? " and \(unreadable.count - 3) more" : ""
        return "\(count) skipped: \(named)\(more); funnel doctor explains"
    }
}

/// Deals a load put off: where the snapshot it read keeps them (`FunnelStore.loadDeferred`).
public struct DeferredDeals: Sendable {
    let spans: SnapshotReader.Heads

    /// How many deals were put off.
    public var count: Int { spans.spans.count }
}

/// Deals in a list rather than by id (`FunnelStore.loadCountedDeals`), and the files skipped.
public struct DealList: Sendable {
    public var deals: [Deal]
    public var unreadable: [UnreadableDeal]

    /// One line about the skipped files, or nil (`DealSet.skippedWarning`).
    public func skippedWarning(toManager manager: Bool) -> String? {
        DealSet(deals: [:], unreadable: unreadable).skippedWarning(toManager: manager)
    }
}

/// Which deal files count. A file counts only where its content says it belongs — an owned deal
/// in `deals/OWNER/`, an unowned lead in `inbox/` — since every member may write the inbox and
/// each rep their own folder. An id found in two places is not settled by "highest revision
/// wins": a copy in its owner's folder beats a copy in the inbox (a reassignment interrupted
/// between its two steps, or a copy planted in the inbox); two owners' copies count for neither.
enum DealPlacement {
    /// Copies of one deal in two owners' folders: the error to report, unless a second look
    /// (after a writer finishes) finds one.
    enum Ambiguous: Error {
        case copies(StoreError)
    }

    /// Why a deal read from `path` does not count there, or nil when it belongs there.
    static func problem(_ deal: Deal, at path: String, store: FunnelStore) -> String? {
        let folder = AtomicFile.folder(of: path)
        if folder == store.inboxDirectory {
            guard let owner = deal.owner else { return nil }
            return "an owned deal (of \(owner)) in the inbox, where every member may write; it does not count here"
        }
        let folderOwner = AtomicFile.name(of: folder)
        guard AtomicFile.folder(of: folder) == store.dealsDirectory else {
            return "not in a folder funnel reads deals from"
        }
        if deal.owner == folderOwner { return nil }
        return "the deal says its owner is \(deal.owner ?? "nobody (the inbox)") but it is in \(folderOwner)'s folder; it does not count here"
    }

    /// The copy of one id that counts, or why none does.
    static func choose(_ copies: [DealFile], store: FunnelStore) -> Result<DealFile, StoreError> {
        if copies.count == 1 { return .success(copies[0]) }
        let owned = copies.filter { AtomicFile.folder(of: $0.path) != store.inboxDirectory }
        if owned.count == 1 { return .success(owned[0]) }
        let paths = copies.map(\.path).sorted()
        return .failure(
            .corrupt(
                path: paths[0],
                detail:
                    "deal \(copies[0].deal.id) is stored in \(paths.count) owners' folders (\(paths.joined(separator: ", "))); none counts until a manager keeps one (funnel doctor explains)"
            ))
    }

    /// Sorts read files into deals that count and files that do not; beside them, the ids found
    /// in two owners' folders with the problem to report if a second look does not settle them.
    static func settle(_ files: [DealFile], skipped: [UnreadableDeal], store: FunnelStore)
        -> (set: DealSet, ambiguous: [String: UnreadableDeal])
    {
        var unreadable = skipped
        var byID: [String: [DealFile]] = [:]
        for file in files {
            if let problem = problem(file.deal, at: file.path, store: store) {
                unreadable.append(UnreadableDeal(path: file.path, reason: problem))
            } else {
                byID[file.deal.id, default: []].append(file)
            }
        }
        var deals: [String: Deal] = [:]
        var ambiguous: [String: UnreadableDeal] = [:]
        deals.reserveCapacity(byID.count)
        for (id, copies) in byID {
            switch choose(copies, store: store) {
            case .success(let file):
                deals[id] = file.deal
                for other in copies where other.path != file.path {
                    unreadable.append(
                        UnreadableDeal(path: other.path, reason: "a second copy of deal \(id), in the inbox; the one at \(file.path) counts"))
                }
            case .failure(let problem):
                ambiguous[id] = UnreadableDeal(path: copies.map(\.path).min() ?? "", error: problem)
            }
        }
        return (DealSet(deals: deals, unreadable: unreadable.sorted { $0.path < $1.path }), ambiguous)
    }
}
