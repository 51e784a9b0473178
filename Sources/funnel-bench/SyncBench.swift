import Foundation
import FunnelCore
import FunnelStore

/// `funnel-bench --sync`: `funnel sync` against a bare repository on this machine (docs/sync.md,
/// docs/performance.md): a sync with nothing to do, 1,000 changed deals sent and received, and
/// 1,000 deals changed on both sides merged. Milliseconds.
struct SyncFigures {
    var deals: Int
    var noOp: (median: Double, p99: Double)
    var send: Double
    var receive: Double
    var merge: Double
}

enum SyncBench {
    static func run(size: Int, repetitions: Int) throws -> SyncFigures {
        let root = FileManager.default.temporaryDirectory.path + "/funnel-bench-sync-\(getpid())-\(size)"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let environment = ProcessInfo.processInfo.environment
        guard let git = Git.find(environment: environment) else { throw WrongResult(description: "no git on PATH") }
        let env = Git.environment(base: environment, author: DemoData.manager, email: "bench@funnel.invalid")
        func repository(_ name: String) -> SyncRepository {
            let store = FunnelStore(root: "\(root)/\(name)")
            store.lock.timeout = 600
            return SyncRepository(store: store, git: Git(directory: "\(root)/\(name)", environment: env, executable: git))
        }
        try Git(directory: root, environment: env, executable: git).check(["init", "-q", "--bare", "\(root)/remote.git"])
        try generate(size: size, root: "\(root)/a")
        let a = repository("a"), b = repository("b")
        _ = try a.share(to: "\(root)/remote.git", author: DemoData.manager)
        _ = try b.join("\(root)/remote.git", account: DemoData.manager)
        _ = try a.sync(author: DemoData.manager)
        var times: [Double] = []
        for _ in 0..<repetitions { times.append(try Measure.time { _ = try a.sync(author: DemoData.manager) }) }
        try change(a.store, field: "notes")
        let send = try Measure.time { _ = try a.sync(author: DemoData.manager) }
        let receive = try Measure.time {
            let report = try b.sync(author: DemoData.manager)
            try check(Set(report.received.compactMap(SyncFiles.dealID)).count == 1_000, "received \(report.received.count) files, not 1,000 deals")
        }
        try change(a.store, field: "notes")
        try change(b.store, field: "title")
        _ = try a.sync(author: DemoData.manager)
        let merge = try Measure.time { _ = try b.sync(author: DemoData.manager) }
        let merged = try b.store.loadDealMap().values.filter { $0.title.hasSuffix("+") && $0.notes.hasSuffix("+ +") }
        try check(merged.count == 1_000, "\(merged.count) deals carry both sides' changes, not 1,000")
        return SyncFigures(deals: size, noOp: Measure.summary(times), send: send * 1000, receive: receive * 1000, merge: merge * 1000)
    }

    /// Changes `field` of the first 1,000 deals (by id) through the domain and the store, as the
    /// demo's manager running funnel edit would.
    static func change(_ store: FunnelStore, field: String) throws {
        let funnel = try store.loadFunnel()
        let pipelines = try store.loadPipelineSet()
        guard let manager = funnel.team.user(DemoData.manager) else { throw WrongResult(description: "no \(DemoData.manager) on the team") }
        let now = Date()
        for id in try store.dealIDs().sorted().prefix(1_000) {
            _ = try store.update(id: id) { deal in
                var edit = DealEdit()
                if field == "title" { edit.title = deal.title + " +" } else { edit.notes = deal.notes + " +" }
                return funnel.on(pipelines.entry(for: deal)).apply(.edit(edit), to: deal, by: manager, now: now)
            }
        }
    }

    static func table(_ figures: [SyncFigures]) -> String {
        var lines = ["| deals | no-op sync | 1,000 changed: send | receive | 1,000 changed on both sides: merge |", "|---|---|---|---|---|"]
        for r in figures {
            lines.append("| \(r.deals) | \(pair(r.noOp)) | \(f(r.send)) | \(f(r.receive)) | \(f(r.merge)) |")
        }
        return lines.joined(separator: "\n")
    }
}
