import Foundation
import Testing

/// The benchmark's reduced run (1,000 and 10,000 deals) as CI's smoke test: it fails on a crash
/// or a wrong result (deals lost, a move not on disk, report totals off), never on a timing.
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
    }
}
