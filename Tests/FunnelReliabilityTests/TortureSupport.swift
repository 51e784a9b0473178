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
    let root: String
    let store: FunnelStore
    static let workers = ["w1", "w2", "w3", "w4"]

    init(deals: Int) throws {
        root = FileManager.default.temporaryDirectory.path + "/funnel-reliability-\(UUID().uuidString)"
        store = FunnelStore(root: root)
        let pipeline = PipelineTemplate.simple.pipeline
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let world = DemoData.world(count: deals, pipeline: pipeline, now: now, seed: 11)
        var users = world.team.users
        users += Self.workers.map { User(account: $0, name: $0, role: .manager) }
        try store.initialize(pipeline: pipeline, team: Team(users: users))
        try store.insertBulk(world.deals)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// The torture executable, built beside the test bundle.
    static var executable: String { FunnelBinary.besideTestBundle("funnel-torture") }

    /// Starts a writer; its stdout goes to `output`.
    func start(seed: UInt64, count: Int, actor: String, output: String) throws -> pid_t {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = [Self.executable, root, String(seed), String(count), actor]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        let env = ["PATH=/usr/bin:/bin", "SWIFT_BACKTRACE=enable=no"]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { for p in cEnv { free(p) } }
        let status = posix_spawn(&pid, Self.executable, &actions, nil, &cArgs, &cEnv)
        guard status == 0 else { throw StoreError.io(path: Self.executable, detail: "spawn failed: \(status)") }
        return pid
    }

    /// Waits for a process; its exit status, or the signal number + 128.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
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
