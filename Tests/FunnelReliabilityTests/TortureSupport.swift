import Foundation
import FunnelCore
import FunnelStore
import FunnelTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A data directory of demo deals and the `funnel-torture` writers that change it.
struct TortureWorld {
    let folder: TemporaryFolder
    let root: String
    let store: FunnelStore
    static let workers = ["w1", "w2", "w3", "w4"]

    init(deals: Int) throws {
        folder = try TemporaryFolder("funnel-reliability")
        root = folder.path + "/data"
        store = FunnelStore(root: root)
        let pipeline = PipelineTemplate.simple.pipeline
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let world = DemoData.world(count: deals, pipeline: pipeline, now: now, seed: 11)
        var users = world.team.users
        users += Self.workers.map { User(account: $0, name: $0, role: .manager) }
        try store.initialize(pipeline: pipeline, team: Team(users: users))
        try store.insertBulk(world.deals)
    }

    func remove() { folder.remove() }

    /// The torture executable, built beside the test bundle.
    static var executable: String { FunnelBinary.besideTestBundle("funnel-torture") }

    /// Starts a writer; its stdout goes to `output`, its stderr beside it (`output.stderr`).
    func start(seed: UInt64, count: Int, actor: String, output: String) throws -> pid_t {
        try Spawn.start(
            Self.executable, [root, String(seed), String(count), actor],
            environment: ["PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no"], stdout: output,
            stderr: output + ".stderr")
    }

    /// Waits for a process; its exit status, or the signal number + 128.
    static func wait(_ pid: pid_t) -> Int32 { Spawn.wait(pid).shellStatus }

    /// What a writer started with `output` wrote to its stderr.
    static func complaints(_ output: String) -> String {
        (try? String(contentsOfFile: output + ".stderr", encoding: .utf8)) ?? ""
    }

    /// The acknowledged changes a writer printed (complete lines only).
    static func acks(_ output: String) -> [(id: String, revision: Int, token: String, kind: Int)] {
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 5, parts[0] == "ack", let revision = Int(parts[2]), let kind = Int(parts[4]) else { return nil }
            return (String(parts[1]), revision, String(parts[3]), kind)
        }
    }
}

/// Checks that every deal file reads back and every deal's history is consistent; returns the deals.
func verifiedDeals(_ world: TortureWorld, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Deal] {
    // Every file on disk is whole JSON that the store reads (no half-written file).
    var byID: [String: Deal] = [:]
    for path in try world.store.dealPaths() {
        let data = try #require(FileManager.default.contents(atPath: path), sourceLocation: sourceLocation)
        #expect(!data.isEmpty, "\(path) is empty", sourceLocation: sourceLocation)
    }
    let deals = try world.store.loadDealMap()
    for (id, deal) in deals {
        byID[id] = deal
        var stage: String?
        var last = Date.distantPast
        for change in deal.history {
            #expect(
                change.from == stage, "\(id): history jumps from \(stage ?? "nil") to a change from \(change.from ?? "nil")",
                sourceLocation: sourceLocation)
            #expect(change.at >= last, "\(id): history goes back in time", sourceLocation: sourceLocation)
            stage = change.to
            last = change.at
        }
        #expect(
            stage == deal.stage, "\(id): the history ends in \(stage ?? "nil"), the deal is in \(deal.stage)",
            sourceLocation: sourceLocation)
    }
    return byID
}
