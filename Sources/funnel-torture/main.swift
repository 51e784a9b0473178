import Foundation
import FunnelCore
import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// funnel-torture DIR SEED COUNT ACTOR
///
/// Makes COUNT random changes (moves, edits, call logs) to the deals in DIR through the same
/// store and domain calls as `funnel`, as ACTOR (a manager). After each change is durably saved
/// it prints one line to stdout, flushed at once:
///
///     ack ID REVISION TOKEN
///
/// where TOKEN is unique to the change and is stored in the deal (an activity's note for a log,
/// the notes for an edit, nothing for a move: "-"). A refused change prints `refused ID`.
/// The reliability tests run several of these at once, or kill one at random moments, and then
/// check that every acknowledged change is on disk.
let arguments = CommandLine.arguments
guard arguments.count == 5, let seed = UInt64(arguments[2]), let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: funnel-torture DIR SEED COUNT ACTOR\n".utf8))
    exit(2)
}
let store = FunnelStore(root: arguments[1])
let actorName = arguments[4]
var rng = SeededGenerator(seed: seed)
/// One line to stdout with one write(2), so a line printed is a line the reader gets.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

do {
    let funnel = try store.loadFunnel()
    guard let actor = funnel.team.user(actorName) else { throw StoreError.io(path: store.root, detail: "\(actorName) is not on the team") }
    let ids = try store.dealIDs().sorted()
    guard !ids.isEmpty else { throw StoreError.io(path: store.root, detail: "no deals") }
    let openStages = funnel.pipeline.stages.filter { $0.kind == .open }
    for n in 0..<count {
        let id = ids.randomElement(using: &rng)!
        let token = "t\(seed)-\(n)"
        let roll = Int.random(in: 0..<3, using: &rng)
        let outcome = try store.update(id: id) { current in
            // The time is read under the lock, so histories stay in time order across writers.
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            let change: DealChange
            switch roll {
            case 0:
                let target = openStages.filter { $0.id != current.stage }.randomElement(using: &rng)!
                change = .move(to: target.id, nextAction: NextAction(date: Day(now, utcOffset: 0).adding(days: 2), text: token))
            case 1:
                var edit = DealEdit()
                edit.notes = token
                change = .edit(edit)
            default:
                change = .log(.call(.noAnswer), note: token)
            }
            return funnel.apply(change, to: current, by: actor, now: now)
        }
        switch outcome {
        case .saved(let deal): say("ack \(deal.id) \(deal.revision) \(roll == 0 ? "-" : token) \(roll)")
        case .refused: say("refused \(id)")
        case .notFound: say("missing \(id)")
        }
    }
} catch {
    FileHandle.standardError.write(Data("funnel-torture: \(error)\n".utf8))
    exit(1)
}
