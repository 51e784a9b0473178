import Foundation
import FunnelTestSupport
import Testing

/// The first command after the cache is gone reads every deal file, on every core; on a
/// terminal it says so once that takes half a second, and never into a pipe.
@Suite("Reading every deal file")
struct ReadingProgressTests {
    @Test func aTerminalSeesTheProgressLineAPipeDoesNot() throws {
        let s = try Sandbox(user: "dana")
        defer { s.remove() }
        try s.ok("demo", "--deals", "50000", "--seed", "2")
        let expected = try s.ok("list", "--all").stdout
        try FileManager.default.removeItem(atPath: s.dataDir + "/cache")
        // `script` gives the command a terminal; its output is what the terminal was sent.
        let log = s.root + "/typescript"
        let started = Date()
        let onTerminal = try runProgram(
            "/usr/bin/script", ["-qec", "\(FunnelBinary.path) list --all > \(s.root)/list.txt", log],
            environment: s.environment(), scratch: s.root)
        #expect(onTerminal.ok, "\(onTerminal)")
        let terminal = String(decoding: try Data(contentsOf: URL(fileURLWithPath: log)), as: UTF8.self)
        #expect(
            terminal.contains("reading every deal file (the cache is rebuilt): "),
            "\(terminal) \(onTerminal) after \(Date().timeIntervalSince(started)) s")
        let last = terminal.range(of: "reading every deal file", options: .backwards)?.upperBound ?? terminal.startIndex
        #expect(terminal[last...].contains("\u{1B}[K\r\u{1B}[K"), "the line is cleared at the end")
        // Percentages only go up.
        let percents = terminal.split(separator: "(").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(!percents.isEmpty && percents == percents.sorted(), "\(percents)")
        #expect(try String(contentsOfFile: s.root + "/list.txt", encoding: .utf8) == expected)
        #expect(FileManager.default.fileExists(atPath: s.dataDir + "/cache/snapshot.bin"))
        try FileManager.default.removeItem(atPath: s.dataDir + "/cache")
        let piped = try s.ok("list", "--all")
        #expect(piped.stdout == expected)
        #expect(!piped.stderr.contains("reading every deal file"))
    }
}
