import Foundation
import FunnelTestSupport
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// A write killed midway leaves its temporary file; sync's recovery removes those whose writer
/// is gone, and nothing else.
struct AbandonedTemporaryFilesTests {
    /// The id of a process that has ended.
    static func endedProcess() throws -> pid_t {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        return child.processIdentifier
    }

    @Test func onlyTheTemporaryFilesOfEndedWritersGo() throws {
        let folder = try TemporaryFolder("funnel-abandoned-temps")
        defer { folder.remove() }
        let ended = try Self.endedProcess(), alive = getpid()
        let names = [
            "gone": ".abcd2345.json.\(ended).12345.tmp", "mine": ".abcd2345.json.\(alive).12345.tmp",
            "deal": "abcd2345.json", "odd": ".notes.tmp", "link": ".efgh2345.json.\(ended).9.tmp",
            "folder": ".ijkm2345.json.\(ended).9.tmp",
        ]
        for key in ["gone", "mine", "deal", "odd"] { try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path + "/" + names[key]!)) }
        #expect(symlink(folder.path + "/" + names["deal"]!, folder.path + "/" + names["link"]!) == 0)
        #expect(mkdir(folder.path + "/" + names["folder"]!, 0o700) == 0)
        AtomicFile.removeAbandonedTemporaryFiles(in: folder.path)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == Set(names.filter { $0.key != "gone" }.values))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/" + names["deal"]!), "the link's target stays")
    }
}
