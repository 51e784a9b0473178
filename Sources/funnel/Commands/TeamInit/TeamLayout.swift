import Foundation
import FunnelCore
import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// The owners, groups, modes and ACLs of a team's data directory, as docs/team.md describes
/// them. Runs as root in folders reps may write, so every change is made on a descriptor opened
/// without following a symbolic link (`SafeNode`), and only on the files and folders funnel
/// itself names; anything else is listed in `untouched` and left as it is.
struct TeamLayout {
    let team: Team
    let gid: gid_t
    /// What was found and deliberately not changed, for the person running team-init.
    private(set) var untouched: [Untouched] = []

    init(team: Team, gid: gid_t) {
        self.team = team
        self.gid = gid
    }

    var managers: [String] { team.managers.map(\.account) }

    /// Applies the whole layout under `root`.
    mutating func apply(root path: String) throws {
        // Stale caches would hold every deal in one file.
        var info = stat()
        if lstat(path + "/cache", &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            try? FileManager.default.removeItem(atPath: path + "/cache")
        }
        let root = try SafeNode.openRoot(path)
        // The directory itself: members read the pipeline and team; managers also write them.
        try root.set(owner: 0, group: gid, mode: 0o2750)
        try SetFacl.modify([root], with: managers.map { "u:\($0):rwx" } + ["m::rwx"])
        for name in ["pipeline.json", "team.json", "goals.json"] {
            try open(name, in: root, as: .file)?.set(owner: 0, group: gid, mode: 0o640)
        }
        try root.makeFile(".lock", mode: 0o660)
        try open(".lock", in: root, as: .file)?.set(owner: 0, group: gid, mode: 0o660)
        try applyInbox("inbox", in: root, files: StorePaths.isDealFileName)
        try applyDeals("deals", in: root, files: StorePaths.isDealFileName)
        try applyQuotes(root)
        try applyQuarantine(root)
        try applyPipelines(root)
        try restrict(root, skipping: ["pipeline.json", "team.json", "goals.json", ".lock", "inbox", "deals", "quotes", "quarantine", "pipelines"])
    }

    /// `pipelines/`, the pipelines besides the first (`pipelines/ID.json`): like the directory
    /// itself, members read, managers also write; each file root:GROUP 0640 like pipeline.json.
    private mutating func applyPipelines(_ root: SafeNode) throws {
        try root.makeDirectory("pipelines", mode: 0o2750)
        guard let folder = open("pipelines", in: root, as: .directory) else { return }
        try folder.set(owner: 0, group: gid, mode: 0o2750)
        try SetFacl.modify([folder], with: managers.map { "u:\($0):rwx" } + ["m::rwx"])
        for name in try folder.names() {
            let isPipelineFile = { (name: String) in name.hasSuffix(".json") && PipelineSet.isValidID(String(name.dropLast(5))) }
            guard let file = openFunnelFile(name, in: folder, isPipelineFile) else { continue }
            try file.set(owner: 0, group: gid, mode: 0o640)
        }
    }

    /// `quarantine/`, where `doctor --repair` moved what it would not keep: whatever is in it
    /// was refused once already, so it is not walked again; the folder itself is kept from
    /// members' writes (a rep who could write there could plant a link for the next repair).
    private mutating func applyQuarantine(_ root: SafeNode) throws {
        guard let quarantine = open("quarantine", in: root, as: .directory) else { return }
        try quarantine.set(owner: 0, group: gid, mode: 0o750)
        try SetFacl.replace([quarantine], with: managers.map { "u:\($0):rwx" } + ["g::r-x", "o::---", "m::rwx"])
    }

    /// The inbox (`inbox/`, or `quotes/inbox/` for its quotes): every member reads and writes.
    mutating func applyInbox(_ name: String, in parent: SafeNode, files isFunnelName: (String) -> Bool) throws {
        try parent.makeDirectory(name, mode: 0o2770)
        guard let inbox = open(name, in: parent, as: .directory) else { return }
        try inbox.set(owner: 0, group: gid, mode: 0o2770)
        var files: [SafeNode] = []
        for name in try inbox.names() {
            guard let file = openFunnelFile(name, in: inbox, isFunnelName) else { continue }
            try file.set(owner: 0, group: gid, mode: 0o660)
            files.append(file)
            if files.count == SetFacl.batchSize {
                try SetFacl.removeAll(files)
                files.removeAll()
            }
        }
        try SetFacl.removeAll(files)
    }

    /// `deals/` (or `quotes/deals/`) lists the owners; each owner's folder is the owner's and
    /// the managers' only.
    mutating func applyDeals(_ name: String, in parent: SafeNode, files isFunnelName: (String) -> Bool) throws {
        try parent.makeDirectory(name, mode: 0o2750)
        guard let deals = open(name, in: parent, as: .directory) else { return }
        try deals.set(owner: 0, group: gid, mode: 0o2750)
        try SetFacl.modify([deals], with: managers.map { "u:\($0):rwx" } + ["m::rwx"])
        for user in team.users {
            guard let account = getpwnam(user.account)?.pointee.pw_uid else { continue }
            try deals.makeDirectory(user.account, mode: 0o2770)
            guard let folder = open(user.account, in: deals, as: .directory) else { continue }
            try applyOwnerFolder(folder, account: user.account, uid: account, files: isFunnelName)
        }
        try restrict(deals, skipping: Set(team.users.map(\.account)))
    }

    /// One owner's folder and the deal files in it. The folder belongs to root, not to the rep,
    /// so a rep cannot change its mode or ACL to hide their deals from the managers; the ACL
    /// gives the rep and the managers access.
    private mutating func applyOwnerFolder(
        _ folder: SafeNode, account: String, uid: uid_t,
        files isFunnelName: (String) -> Bool
    ) throws {
        let people = Set(managers + [account]).sorted()
        try folder.set(owner: 0, group: 0, mode: 0o2770)
        try SetFacl.replace([folder], with: people.map { "u:\($0):rwx" } + ["g::---", "o::---", "m::rwx"])
        let access = people.map { "u:\($0):rw-" } + ["g::---", "o::---", "m::rw-"]
        // By default, the same for every file made later.
        try SetFacl.modify([folder], with: people.map { "d:u:\($0):rwx" } + ["d:g::---", "d:o::---", "d:m::rwx"])
        // (A new file's mask is its create mode's group bits: 0660 gives rw-, never x.)
        var files: [SafeNode] = []
        for name in try folder.names() {
            guard let file = openFunnelFile(name, in: folder, isFunnelName) else { continue }
            try file.set(owner: uid, group: 0, mode: 0o660)
            files.append(file)
            if files.count == SetFacl.batchSize {
                try SetFacl.replace(files, with: access)
                files.removeAll()
            }
        }
        if !files.isEmpty { try SetFacl.replace(files, with: access) }
    }

    /// Anything else (quarantine, folders of people no longer on the team, files left from
    /// before): made unreadable outside the group, walking without following links.
    mutating func restrict(_ directory: SafeNode, skipping: Set<String>) throws {
        for name in try directory.names() where !skipping.contains(name) {
            guard let node = open(name, in: directory, as: nil) else { continue }
            if node.mode & 0o007 != 0 { try node.set(mode: node.mode & ~0o007) }
            if node.kind == .directory { try restrict(node, skipping: []) }
        }
    }

    /// A file funnel names (a deal file, a quote PDF: `isFunnelName`) or a temporary file of
    /// funnel's in an inbox or owner's folder; anything else there is noted and left alone.
    private mutating func openFunnelFile(_ name: String, in folder: SafeNode, _ isFunnelName: (String) -> Bool) -> SafeNode? {
        guard isFunnelName(name) || StorePaths.isTempFileName(name) else {
            untouched.append(Untouched(path: folder.path + "/" + name, reason: "not a name funnel uses"))
            return nil
        }
        return open(name, in: folder, as: .file)
    }

    /// Opens a child safely; a refusal is noted, a missing entry is nil.
    mutating func open(_ name: String, in directory: SafeNode, as kind: SafeNode.Kind?) -> SafeNode? {
        switch directory.child(name, expect: kind) {
        case .node(let node): return node
        case .missing: return nil
        case .refused(let reason):
            untouched.append(reason)
            return nil
        }
    }
}
