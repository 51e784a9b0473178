import Foundation
import Testing

@Suite("Several funnel processes at once")
struct ConcurrencyTests {
    /// Each worker waits for the start signal, then adds its own deals one by one and moves each
    /// twice; every call is a separate funnel process. Prints the ids it made.
    static let script = """
        go="$1"; label="$2"; count="$3"
        while [ ! -e "$go" ]; do sleep 0.005; done
        i=1
        while [ "$i" -le "$count" ]; do
          id=$("$FUNNEL_BIN" add "$label deal $i") || exit 10
          "$FUNNEL_BIN" move "$id" meeting > /dev/null || exit 11
          "$FUNNEL_BIN" move "$id" follow-up --next +2d > /dev/null || exit 12
          echo "$id"
          i=$((i + 1))
        done
        """

    @Test func twoProcessesAddingAndMovingDifferentDealsLoseNothing() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let scriptPath = s.root + "/worker.sh"
        try Self.script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let workers = ["rita", "sam"]
        let perWorker = 15
        var programs: [String: ProgramRun] = [:]
        for user in workers {
            programs[user] = ProgramRun(
                "/bin/sh", [scriptPath, s.root + "/go", user, String(perWorker)], environment: s.environment(user: user))
        }
        // Both workers wait for the go file; they start at the same moment.
        let outcomes = runAtOnce(programs, go: s.root + "/go", scratch: s.root, timeLimit: 50)

        #expect(outcomes.failures.isEmpty, "\(outcomes.failures)")
        var made: [String: String] = [:]
        for user in workers {
            let result = try #require(outcomes.results[user])
            #expect(result.ok, "\(result)")
            let ids = result.output.split(separator: "\n").map(String.init)
            #expect(ids.count == perWorker, "\(user) made \(ids.count) deals: \(result)")
            for id in ids { made[id] = user }
        }
        #expect(made.count == workers.count * perWorker, "ids are unique")
        try Self.expectEveryDealWhole(s, made: made)
    }

    /// Every deal made (id → its maker) is there, moved, with its whole history, and nothing stray is left.
    static func expectEveryDealWhole(_ s: Sandbox, made: [String: String]) throws {
        let all = try s.list("--all")
        #expect(all.count == made.count)
        for deal in all {
            let id = try #require(deal.string("id"))
            #expect(made[id] == deal.string("owner"), "\(id)")
            #expect(deal.string("stage") == "follow-up", "\(id) lost a move")
            #expect(deal.string("next_action_date") == "2026-11-26")
            #expect(deal["revision"] as? Int == 3)
        }
        for (id, user) in made {
            let history = try #require(try s.deal(id)["history"] as? [[String: Any]])
            #expect(history.map { $0.string("to") ?? "" } == ["new", "meeting", "follow-up"], "\(id)")
            #expect(history.allSatisfy { $0.string("by") == user })
        }
        // No temp files or strays left anywhere in the data directory.
        let strays = try FileManager.default.subpathsOfDirectory(atPath: s.dataDir)
            .filter { $0.hasSuffix(".tmp") || ($0.contains("/.") && !$0.hasSuffix("/.lock")) }
        #expect(strays.isEmpty, "\(strays)")
    }
}
