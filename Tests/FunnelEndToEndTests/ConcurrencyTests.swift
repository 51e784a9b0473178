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
        let outcomes = Self.runTogether(s, script: scriptPath, workers: workers, perWorker: perWorker)

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

    /// Runs the worker script once per worker, each as that user, all started at the same moment.
    static func runTogether(_ s: Sandbox, script scriptPath: String, workers: [String], perWorker: Int) -> Outcomes {
        let go = s.root + "/go"
        let outcomes = Outcomes()
        let group = DispatchGroup()
        for user in workers {
            let env = s.environment(user: user)
            let root = s.root
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                do {
                    let result = try runProgram(
                        "/bin/sh", [scriptPath, go, user, String(perWorker)], environment: env,
                        scratch: root, timeLimit: 50)
                    outcomes.add(user, result)
                } catch {
                    outcomes.fail("\(user): \(error)")
                }
            }
        }
        // Both workers are waiting; start them at the same moment.
        Thread.sleep(forTimeInterval: 0.1)
        _ = FileManager.default.createFile(atPath: go, contents: nil)
        group.wait()
        return outcomes
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

/// Results gathered from worker threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var _results: [String: RunResult] = [:]
    private var _failures: [String] = []
    func add(_ user: String, _ result: RunResult) { lock.lock(); _results[user] = result; lock.unlock() }
    func fail(_ text: String) { lock.lock(); _failures.append(text); lock.unlock() }
    var results: [String: RunResult] { lock.lock(); defer { lock.unlock() }; return _results }
    var failures: [String] { lock.lock(); defer { lock.unlock() }; return _failures }
}
