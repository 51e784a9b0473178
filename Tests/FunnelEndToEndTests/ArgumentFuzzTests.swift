import Foundation
import FunnelCore
import Testing

/// Random command lines: never a crash, always a documented exit code and, on failure, a message.
@Suite("Argument fuzz") struct ArgumentFuzzTests {
    static let runs = 150

    @Test func randomCommandLinesNeverCrash() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Existing deal", "--value", "100")
        let words = [
            "add", "list", "show", "move", "edit", "log", "today", "capture", "report", "stages", "team", "demo",
            "--json", "--all", "--owner", "--stage", "--value", "--next", "--what", "--reason", "--period", "--from",
            "--to", "--format", "--deals", "--flag", "--sort", "--", "-", "-5", "1e9", "99999999999999999999999",
            "+99999d", "--value=", "=", "new", "customer", "not-relevant", "rita", "nobody", id, String(id.prefix(2)),
            "שלום", "مرحبا", "😀", "\u{1b}[2J", "", " ", "csv", "json", "month", "2026-02-30", "tomorrow",
        ]
        var rng = SeededGenerator(seed: 99)
        var codes: [Int32: Int] = [:]
        for _ in 0..<Self.runs {
            let argv = (0..<Int.random(in: 1...6, using: &rng)).map { _ in words.randomElement(using: &rng)! }
            // demo with a huge count would only be slow, not wrong: keep it small.
            let safe = argv.contains("demo") ? argv.filter { $0 != "99999999999999999999999" } + ["--deals", "1"] : argv
            let result = try runProgram(FunnelBinary.path, safe, environment: s.environment(), scratch: s.root, timeLimit: 30)
            #expect(!result.signaled, "funnel \(safe) crashed: \(result)")
            #expect([0, 2, 3, 4, 5].contains(result.status), "undocumented exit code: \(result)")
            if result.status != 0 { #expect(!result.stderr.isEmpty, "no message: \(result)") }
            codes[result.status, default: 0] += 1
        }
        #expect(codes[2, default: 0] > 0)
    }
}
