import Foundation

/// What one `funnel sync` did; paths are relative to the data directory.
public struct SyncReport: Sendable, Equatable {
    /// The remote's URL as configured.
    public var remote: String = ""
    public var branch: String = ""
    /// Local changes committed by this sync.
    public var committed: [String] = []
    /// Files the remote gained from this clone (this sync's changes and any left unsent before).
    public var sent: [String] = []
    /// Files this clone gained from the remote.
    public var received: [String] = []
    /// Values both sides changed, settled and kept (deal notes), in words.
    public var conflicts: [String] = []
    /// Files changed on both sides that could not be merged: one version kept, the other in the
    /// history (noted for `funnel doctor`).
    public var unmerged: [UnmergedFile] = []
    /// Local files not sent because they cannot be read (funnel doctor explains them).
    public var held: [String] = []
    /// Files a teammate committed that funnel never writes into a data directory.
    public var ignored: [String] = []
    /// The quote series this clone was given by this run (`sync init`, or the first sync of a
    /// clone made before series existed); nil when it had one already.
    public var quoteSeries: String?
    /// The paths of `held` (each entry is `path: problem`).
    public var heldPaths: Set<String> { Set(held.map { String($0.prefix { $0 != ":" }) }) }
    /// How many times the fetch-merge-push ran (more than one: someone pushed in between).
    public var attempts: Int = 0

    public init() {}

    /// Whether something needs a person: a file held back or ignored.
    public var needsAttention: Bool { !held.isEmpty || !ignored.isEmpty }
}

/// Why a sync could not run or finish.
public enum SyncError: Error, Equatable, CustomStringConvertible {
    /// The remote could not be reached; local data is unchanged and the next sync sends it.
    case offline(remote: String, detail: String)
    /// The data directory is not a sync repository.
    case notSetUp(path: String)
    /// A setup that would mix or lose data, refused with why.
    case refused(String)
    /// No git on this machine.
    case noGit

    public var description: String {
        switch self {
        case .offline(let remote, let detail):
            return "cannot reach \(remote): \(detail); your data is unchanged and usable, the next funnel sync sends it"
        case .notSetUp(let path):
            return "\(path) is not synced: run funnel sync init REMOTE first (docs/sync.md)"
        case .refused(let why): return why
        case .noGit: return "funnel sync needs the git command: install git (README)"
        }
    }
}
