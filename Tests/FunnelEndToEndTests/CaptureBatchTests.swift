import Foundation
import FunnelTestSupport
import Testing

/// `capture` writes new leads in batches (one flush to disk for many files): every id it prints
/// is a deal on disk, and a lead repeating an earlier line of the same input (still in a batch)
/// is logged on that deal, never a second card.
@Suite("Capturing many leads")
struct CaptureBatchTests {
    @Test func moreThanABatchEveryPrintedIdOnDiskAndRepeatsAttached() throws {
        let s = try Sandbox(user: "boss")
        defer { s.remove() }
        try s.initialize()
        var lines = ["name,company,phone,email"]
        for i in 0..<1_200 { lines.append("Lead \(i),Co \(i),050-\(1_000_000 + i),lead\(i)@example.com") }
        // Line 1,202 repeats the lead of line 2 (same phone), in the same batch as nothing else.
        lines.append("Again,Co 0,050-1000000,")
        let csv = s.root + "/leads.csv"
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let result = try s.run("capture", csv)
        #expect(result.ok, "\(result)")
        let ids = result.stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 1_200 && Set(ids).count == 1_200)
        #expect(result.stderr.contains("line 1202: matches deal \(ids[0]); logged on it"), "\(result.stderr)")
        #expect(result.stderr.contains("captured 1200 new, 1 attached to existing deals, 0 skipped"))
        #expect(!result.stderr.contains(" leads\u{1B}[K"), "no progress line into a pipe")
        let inbox = try FileManager.default.contentsOfDirectory(atPath: s.dataDir + "/inbox").filter { $0.hasSuffix(".json") }
        #expect(Set(inbox.map { String($0.dropLast(5)) }) == Set(ids))
        let all = try s.list("--all")
        #expect(all.count == 1_200)
        let first = try jsonObject(try s.ok("show", ids[0], "--json").stdout)
        #expect((first["activities"] as? [Any])?.count == 1, "the repeat is logged on the first lead")
    }

    @Test func onATerminalAProgressLineFollowsTheBatches() throws {
        let s = try Sandbox(user: "boss")
        defer { s.remove() }
        try s.initialize()
        let lines = ["name,phone"] + (0..<1_100).map { "Lead \($0),050-\(2_000_000 + $0)" }
        let csv = s.root + "/leads.csv"
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        // `script` gives the command a terminal for stdout and stderr alike.
        let log = s.root + "/typescript"
        let run = try runProgram(
            "/usr/bin/script", ["-qec", "\(FunnelBinary.path) capture \(csv)", log], environment: s.environment(), scratch: s.root)
        #expect(run.ok, "\(run)")
        let terminal = String(decoding: try Data(contentsOf: URL(fileURLWithPath: log)), as: UTF8.self)
        #expect(terminal.contains("captured 500 of 1100 leads\u{1B}[K"), "\(terminal.suffix(300))")
        #expect(terminal.contains("captured 1000 of 1100 leads\u{1B}[K"))
        #expect(try s.list("--all").count == 1_100)
    }

    @Test func twoCapturesOfTheSameLeadsAtOnceMakeEachDealOnce() throws {
        let s = try Sandbox(user: "boss")
        defer { s.remove() }
        try s.initialize()
        let lines = ["name,phone"] + (0..<300).map { "Lead \($0),050-\(3_000_000 + $0)" }
        let csv = s.root + "/leads.csv"
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        // Both wait for the go file, then capture the same file at the same moment.
        let script = "while [ ! -e \"$1\" ]; do sleep 0.01; done; exec \(FunnelBinary.path) capture \(csv)"
        var programs: [String: ProgramRun] = [:]
        for name in ["first", "second"] {
            programs[name] = ProgramRun("/bin/sh", ["-c", script, "sh", s.root + "/go"], environment: s.environment())
        }
        let outcomes = runAtOnce(programs, go: s.root + "/go", scratch: s.root, timeLimit: 50)
        #expect(outcomes.failures.isEmpty, "\(outcomes.failures)")
        let runs = try ["first", "second"].map { try #require(outcomes.results[$0]) }
        #expect(runs.allSatisfy { $0.ok }, "\(runs)")
        // One of them made the 300 deals, the other logged every lead on them.
        let made = runs.map { $0.stdout.split(separator: "\n").count }.sorted()
        #expect(made == [0, 300], "\(runs)")
        #expect(runs.contains { $0.stderr.contains("captured 0 new, 300 attached to existing deals, 0 skipped") })
        let all = try s.list("--all")
        #expect(all.count == 300)
    }
}
