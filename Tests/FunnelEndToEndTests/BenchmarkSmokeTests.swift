import Foundation
import Testing

/// The benchmark's reduced run (1,000 and 10,000 deals, and every command of issue #15 at 1,000
/// as a whole process) as CI's smoke test: it fails on a crash or a wrong result (deals lost, a
/// move not on disk, report totals off, a command that exits non-zero, captured leads missing),
/// never on a timing.
@Suite("Benchmark smoke run") struct BenchmarkSmokeTests {
    @Test func smokeRunCompletesWithCorrectResults() throws {
        let bench = URL(fileURLWithPath: FunnelBinary.path).deletingLastPathComponent().appendingPathComponent("funnel-bench").path
        try #require(FileManager.default.isExecutableFile(atPath: bench), "funnel-bench is not built at \(bench)")
        let folder = try TemporaryFolder("funnel-bench-smoke")
        defer { folder.remove() }
        let scratch = folder.path
        let result = try runProgram(
            bench, ["--smoke", "--json", scratch + "/bench.json"],
            environment: ["PATH": "/usr/bin:/bin", "HOME": scratch, "TMPDIR": scratch, "LANG": "C.UTF-8"],
            scratch: scratch, timeLimit: 600)
        #expect(result.ok, "\(result)")
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("1000 |") || $0.hasPrefix("10000 |") }
        #expect(rows.count == 2, "\(result.stdout)")
        let json = try #require(FileManager.default.contents(atPath: scratch + "/bench.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["deals"] as? Int } == [1_000, 10_000])
        for key in [
            "load", "open", "columns_after_open", "search_after_open", "archive_read", "navigate", "filter", "move", "sort", "save", "report",
            "outside_change",
        ] {
            #expect(results.allSatisfy { ($0[key] as? [String: Any])?["median_ms"] is Double }, "\(key) is not measured")
        }
        try checkCommands(object, stdout: result.stdout)
    }

    /// The command rows at 1,000 deals: every one timed, taskwarrior's beside `list`, `add` and
    /// `edit` exactly when `task` is on the PATH the bench ran with.
    func checkCommands(_ object: [String: Any], stdout: String) throws {
        let commands = try #require(object["commands"] as? [[String: Any]])
        #expect(commands.compactMap { $0["deals"] as? Int } == [1_000])
        let rows = try #require(commands.first?["rows"] as? [[String: Any]])
        let names = rows.compactMap { $0["command"] as? String }
        for expected in [
            "show ID", "edit ID --notes x", "add probe --value 5", "list", "today", "report", "list --all", "list --all --json",
            "list, cache/ removed (cold start)", "capture 200 leads", "demo --deals 1000",
        ] {
            #expect(names.contains(expected), "\(expected) not in \(names)")
        }
        #expect(names.contains { $0.hasPrefix("list (rep ") }, "\(names)")
        for row in rows {
            let funnel = try #require(row["funnel"] as? [String: Any])
            #expect((number(funnel["runs"]) ?? 0) >= 1 && (number(funnel["peak_memory_mb"]) ?? 0) > 0, "\(row)")
        }
        let task = ["/usr/bin/task", "/bin/task"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        let compared = rows.filter { number($0["ratio"]) != nil }.compactMap { $0["command"] as? String }
        #expect(compared == (task ? ["edit ID --notes x", "add probe --value 5", "list"] : []), "\(rows)")
        #expect(stdout.contains("taskwarrior: not installed") == !task, "\(stdout)")
        #expect(stdout.contains("1000 deals — whole processes of the release funnel"), "\(stdout)")
    }

    /// A JSON number as a Double, nil for null or anything else.
    func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue ?? (value as? Double) ?? (value as? Int).map(Double.init)
    }
}
