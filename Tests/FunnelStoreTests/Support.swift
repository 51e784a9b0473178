import Foundation
import FunnelCore
@_exported import FunnelTestSupport
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under the system's temporary directory (never the home).
final class TempDir {
    let folder: TemporaryFolder
    var path: String { folder.path }

    init() throws { folder = try TemporaryFolder("funnel-store-tests") }

    /// Removes the directory; call it in a `defer` right after making the TempDir.
    func remove() { folder.remove() }

    /// A store in a not-yet-existing subdirectory, initialised with `template` and the test team.
    func store(template: PipelineTemplate = .simple, initialized: Bool = true) throws -> FunnelStore {
        let store = FunnelStore(root: path + "/data")
        if initialized { try store.initialize(pipeline: template.pipeline, team: SFx.team) }
        return store
    }
}

enum SFx {
    static let manager = User(account: "mia", name: "Mia", role: .manager)
    static let rita = User(account: "rita", name: "רִיטָה", role: .rep)
    static let sam = User(account: "sam", name: "Sam", role: .rep)
    static let team = Team(users: [manager, rita, sam])
    static let now = FixedClock.now
    static let funnel = Funnel(pipeline: PipelineTemplate.simple.pipeline, team: team)

    static func deal(_ id: String, owner: String? = "rita", stage: String = "new", title: String = "שלום Solar") -> Deal {
        Deal(
            id: id, title: title, company: "شركة النور", contact: "Ahmad", phone: "050-1234567", email: "a@example.com",
            value: Decimal(string: "12500.50"), currency: "ILS", owner: owner, stage: stage, created: now,
            stageEntered: now, nextAction: NextAction(date: Day(iso: "2026-11-26")!, text: "Call back"),
            notes: "line one\nline two", history: [StageChange(at: now, by: owner ?? "mia", from: nil, to: stage)])
    }

    static func later(_ hours: Double) -> Date { now.addingTimeInterval(hours * 3_600) }
}

func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

/// The error `body` throws, as a StoreError (nil when it threw none or another kind).
func storeError<T>(_ body: () throws -> T) -> StoreError? {
    do {
        _ = try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}

/// Rewrites a JSON file's top-level "schema" number, as a newer funnel would have written it.
func setSchema(_ schema: Int, in path: String) throws {
    try editJSON(path) { $0["schema"] = schema }
}

/// `pipeline` as the store writes its file.
func pipelineFile(_ pipeline: Pipeline) throws -> Data { try FunnelJSON.encoder().encode(StoredFile(body: pipeline)) }

/// `base` changed apart: ours renames its second stage to `renamed`, theirs adds the lost reason
/// `reason`; the pipeline `FileMerge` makes of them as `path`, read back by the store's reader.
func mergedPipeline(_ base: Pipeline, renaming renamed: String, addingReason reason: String, path: String) throws -> Pipeline {
    var ours = base
    ours.stages[1].name = renamed
    var theirs = base
    theirs.lostReasons.append(reason)
    let outcome = try FileMerge.merge(
        base: try pipelineFile(base), ours: try pipelineFile(ours), theirs: try pipelineFile(theirs), path: path)
    return try FunnelJSON.decode(StoredFile<Pipeline>.self, from: outcome.data, path: path).body
}

/// A thread-safe list, for collecting outcomes from concurrent work.
final class Collected<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []
    func append(_ item: T) { lock.lock(); items.append(item); lock.unlock() }
    var all: [T] { lock.lock(); defer { lock.unlock() }; return items }
}

/// Runs `work` on `count` threads of their own, released together, and waits for all of them.
/// (Not DispatchQueue.concurrentPerform: on a busy pool it may run the iterations one after another.)
func onThreads(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) {
    let ready = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
    for index in 0..<count {
        let thread = Thread {
            ready.signal()
            go.wait()
            work(index)
            done.signal()
        }
        thread.start()
    }
    for _ in 0..<count { ready.wait() }
    for _ in 0..<count { go.signal() }
    for _ in 0..<count { done.wait() }
}
