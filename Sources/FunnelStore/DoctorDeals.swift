import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// `Doctor`'s checks of every deal file: readable, in a known stage, owned by a member, filed
/// where its owner says, present once, private.
struct DealExamination {
    typealias Finding = Doctor.Finding

    let store: FunnelStore
    let pipeline: Pipeline?
    /// Every pipeline, when they could all be read: a deal's stage is looked for in its own.
    var pipelines: PipelineSet?
    let team: Team?
    let repair: Bool
    let quarantine: Quarantine
    private(set) var findings: [Finding] = []
    /// The copy kept so far of each deal, and whether it is filed where its owner says.
    private var seen: [String: (path: String, deal: Deal, filedRight: Bool)] = [:]

    init(store: FunnelStore, pipeline: Pipeline?, team: Team?, repair: Bool, quarantine: Quarantine) {
        self.store = store
        self.pipeline = pipeline
        self.team = team
        self.repair = repair
        self.quarantine = quarantine
    }

    mutating func run() throws {
        for path in try store.dealPaths() {
            let deal: Deal
            do {
                deal = try store.readDeal(at: path).deal
            } catch {
                note(path, "\(error)", repair ? quarantine.moveAside(path) : .toDo("--repair moves it to quarantine/; restore it from a backup"))
                continue
            }
            checkStageAndOwner(deal, at: path)
            guard let place = try checkPlace(deal, at: path) else { continue }
            guard try checkDuplicate(deal, at: place.path, filedRight: place.filedRight) else { continue }
            try checkMode(place.path)
            checkLinks(place.path)
        }
    }

    private mutating func note(_ path: String, _ problem: String, _ remedy: Doctor.Remedy) {
        findings.append(Finding(path: path, problem: problem, remedy: remedy))
    }

    private mutating func checkStageAndOwner(_ deal: Deal, at path: String) {
        if let pipeline = pipelines?.entry(for: deal).pipeline ?? pipeline, pipeline.stage(id: deal.stage) == nil {
            findings.append(
                Finding(
                    path: path, problem: "deal \(deal.id) is in stage “\(deal.stage)”, which the pipeline does not have",
                    action: "move it: funnel move \(deal.id) \(pipeline.firstOpenStage.id) (or another stage); "
                        + "or add the stage back: funnel stages add NAME --id \(StageIdentifier.isValid(deal.stage) ? deal.stage : "ID")"))
        }
        if let team, let owner = deal.owner, User.isValidAccount(owner), team.user(owner) == nil {
            findings.append(
                Finding(
                    path: path, problem: "deal \(deal.id) belongs to \(owner), who is not on the team",
                    action: "funnel team add \(owner) --role rep, or funnel assign \(deal.id) USER"))
        }
    }

    /// Whether the deal counts where it is (`DealPlacement`: an owned deal only in its owner's
    /// folder, an unowned lead only in the inbox). A name that is not valid is never made into a
    /// path. A misplaced file is never refiled — its content is what a rep wrote, and filing it
    /// into the folder it names would let a rep place deals in another's folder — so repair moves
    /// it to quarantine. Nil when the file was moved aside.
    private mutating func checkPlace(_ deal: Deal, at path: String) throws -> (path: String, filedRight: Bool)? {
        do {
            try StorePaths.checkID(deal.id)
        } catch {
            note(path, "\(error); funnel cannot save it", repair ? quarantine.moveAside(path) : .toDo("--repair moves it to quarantine/"))
            return nil
        }
        if let owner = deal.owner, !User.isValidAccount(owner) {
            note(
                path, "deal \(deal.id): \(StorePaths.InvalidName(kind: "owner", name: owner))",
                repair ? quarantine.moveAside(path) : .toDo("refused to build a path from it; --repair moves it to quarantine/"))
            return repair ? nil : (path, false)
        }
        guard let problem = DealPlacement.problem(deal, at: path, store: store) else { return (path, true) }
        note(
            path, "deal \(deal.id): \(problem)",
            repair
                ? quarantine.moveAside(path)
                : .toDo("--repair moves it to quarantine/ (it is never refiled: a person restores it with funnel add or assign)"))
        return repair ? nil : (path, false)
    }

    /// A deal in two places: the copy filed where its owner says beats one that is not, then the
    /// newer revision wins (an interrupted reassignment). In a team's shared directory, two
    /// copies in different folders are left for a person: a rep can write a copy with any
    /// revision into their own folder or the inbox. False when the current copy was moved aside.
    private mutating func checkDuplicate(_ deal: Deal, at path: String, filedRight: Bool) throws -> Bool {
        guard let other = seen[deal.id] else {
            seen[deal.id] = (path, deal, filedRight)
            return true
        }
        let inbox = store.inboxDirectory
        let inInbox = { (path: String) in (path as NSString).deletingLastPathComponent == inbox }
        let keepOther: Bool
        let why: String
        if other.filedRight != filedRight {
            (keepOther, why) = (other.filedRight, "where it belongs")
        } else if inInbox(path) != inInbox(other.path) {
            // The owner's copy beats an inbox copy, as every load decides (`DealPlacement`).
            (keepOther, why) = (inInbox(path), "in its owner's folder, which counts over the inbox")
        } else {
            (keepOther, why) = (other.deal.revision >= deal.revision, "with a newer revision (an interrupted reassignment)")
        }
        let (loser, winner) = keepOther ? (path, other.path) : (other.path, path)
        let problem = "deal \(deal.id) is also at \(winner) \(why)"
        let folders = Set([path, other.path].map { ($0 as NSString).deletingLastPathComponent })
        if store.isShared, folders.count > 1, !(inInbox(path) != inInbox(other.path)) {
            note(
                loser, problem,
                .toDo(
                    "not chosen by revision in a shared directory: a manager moves the wrong copy out of the data directory (mv it into quarantine/); the other then counts"
                ))
            return true
        }
        note(loser, problem, repair ? quarantine.moveAside(loser) : .toDo("--repair keeps the other and moves this to quarantine/"))
        if !keepOther { seen[deal.id] = (path, deal, filedRight) }
        return !keepOther || !repair
    }

    /// A deal file readable by everyone: made private on repair, on a descriptor opened without
    /// following a link, and only when it is a regular file with a single link.
    private mutating func checkMode(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o004 != 0 else { return }
        guard repair else {
            note(path, "the file is readable by everyone on this machine", .toDo("--repair removes the access for others"))
            return
        }
        var remedy = Doctor.Remedy.toDo("could not change its mode")
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1,
                fchmod(fd, info.st_mode & 0o7770) == 0
            {
                remedy = .repaired("made it private")
            }
        }
        note(path, "the file is readable by everyone on this machine", remedy)
    }

    /// A deal file with other names (hard links, in the rep's folder or anywhere else): repair
    /// writes it again as a file of its own (same bytes, a new inode), so the other names no
    /// longer reach the deal and `team-init` can set it up.
    private mutating func checkLinks(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink > 1 else { return }
        let problem = "the file has \(info.st_nlink) names (hard links): another name elsewhere is the same file"
        guard repair else {
            note(path, problem, .toDo("--repair writes it again as a file of its own (the other names keep the old one)"))
            return
        }
        do {
            guard let (data, identity) = try AtomicFile.readFile(path, limit: FunnelStore.maximumFileBytes) else { return }
            try AtomicFile.write(data, to: path, replacing: .file(identity))
            note(path, problem, .repaired("made it a file of its own (the other names keep the old copy)"))
        } catch {
            note(path, problem, .toDo("could not write it again (\(error)); a person removes the other names"))
        }
    }
}
