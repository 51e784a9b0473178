import Foundation
import FunnelTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A command whose write fills the cache's journal leaves its fold into a new snapshot to a
/// process of its own (`funnel fold-journal`), and what every command reads after is what the
/// deal files say.
@Suite("The journal folded off the writers' path")
struct JournalFoldCommandTests {
    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    static func folds(of dataDir: String) throws -> Bool {
        let run = try runProgram("/usr/bin/pgrep", ["-f", "fold-journal --data-dir \(dataDir)$"], environment: [:], scratch: dataDir + "/..")
        return run.ok
    }

    @Test func aCaptureThatFillsTheJournalHasItFoldedByAProcessOfItsOwn() throws {
        let s = try Sandbox(user: "boss")
        defer { s.remove() }
        try s.initialize()
        let note = String(repeating: "a note of some length ", count: 16)
        func leads(_ range: Range<Int>) throws -> String {
            let csv = s.root + "/leads-\(range.lowerBound).csv"
            let lines = ["name,phone,note"] + range.map { "Lead \($0),050-\(4_000_000 + $0),\(note)" }
            try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
            return csv
        }
        // 600 deals: the cache is kept from 500 on.
        _ = try s.ok("capture", try leads(0..<600))
        #expect(try s.list("--all").count == 600)
        let snapshot = s.dataDir + "/cache/snapshot.bin", journal = s.dataDir + "/cache/journal.bin"
        let first = try #require(Self.inode(snapshot))
        // About 500 bytes a lead: past the journal's megabyte.
        _ = try s.ok("capture", try leads(600..<3_000))
        var waited = 0
        while try Self.inode(snapshot) == first || Self.folds(of: s.dataDir), waited < 600 {
            usleep(100_000)
            waited += 1
        }
        #expect(Self.inode(snapshot) != first, "a new snapshot")
        #expect(try !Self.folds(of: s.dataDir), "the fold has ended")
        let size = try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int ?? 0
        #expect(size < 1 << 20)
        #expect(!FileManager.default.fileExists(atPath: s.dataDir + "/cache/snapshot.next"))
        let cached = try s.ok("list", "--all", "--json").stdout
        try FileManager.default.removeItem(atPath: s.dataDir + "/cache")
        let fromFiles = try s.ok("list", "--all", "--json").stdout
        #expect(cached == fromFiles)
        #expect(try s.list("--all").count == 3_000)
    }
}
