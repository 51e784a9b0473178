import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// Paths built from file content stay in the data directory; the no-follow walker never crosses
/// a link and never blocks (the root-only attacks are in HostileTeammateTests).
@Suite("Store: paths from file content, the no-follow walker") struct StorePathsTests {
    @Test func onlyValidNamesBecomePaths() throws {
        #expect(try StorePaths.dealFile(root: "/d", id: "abcd2345", owner: "rita") == "/d/deals/rita/abcd2345.json")
        #expect(try StorePaths.dealFile(root: "/d", id: "abcd2345", owner: nil) == "/d/inbox/abcd2345.json")
        for owner in ["../../x", "rita/../../x", "..", ".", ".hidden", "", "a/b", "x\u{0}y", String(repeating: "a", count: 40)] {
            #expect(throws: StoreError.self) { try StorePaths.dealFile(root: "/d", id: "abcd2345", owner: owner) }
        }
        for id in ["../x", "a/b", "..", "a..b", ".json", "", "ab cd", "é"] {
            #expect(throws: StoreError.self) { try StorePaths.dealFile(root: "/d", id: id, owner: nil) }
        }
    }

    @Test func aHandEditedOwnerNeverLeadsAWriteOutside() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        for owner in ["../../x", "rita/../../../y"] {
            #expect(throws: StoreError.self) { try store.insert(SFx.deal("abcd2345", owner: owner)) }
        }
        #expect(throws: StoreError.self) { try store.insert(SFx.deal("../../z")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["data"])
        #expect(try store.dealPaths().isEmpty)
    }

    @Test func theWalkerRefusesLinksFIFOsAndHardLinksWithoutBlocking() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let root = try SafeNode.openRoot(tmp.path)
        try Data("x".utf8).write(to: URL(fileURLWithPath: tmp.path + "/plain.json"))
        try Data("y".utf8).write(to: URL(fileURLWithPath: tmp.path + "/target"))
        symlink(tmp.path + "/target", tmp.path + "/link.json")
        link(tmp.path + "/target", tmp.path + "/hard.json")
        mkfifo(tmp.path + "/fifo.json", 0o600)
        try root.makeDirectory("folder", mode: 0o700)
        func reason(_ name: String, _ kind: SafeNode.Kind?) -> String? {
            if case .refused(let untouched) = root.child(name, expect: kind) { return untouched.reason }
            return nil
        }
        guard case .node(let plain) = root.child("plain.json", expect: .file) else { Issue.record("plain file refused"); return }
        #expect(plain.kind == .file)
        #expect(reason("link.json", .file) == "a symbolic link")
        #expect(reason("hard.json", .file)?.contains("hard links") == true)
        #expect(reason("fifo.json", .file) == "a FIFO (named pipe)")
        #expect(reason("folder", .file) == "a directory where a file belongs")
        #expect(reason("plain.json", .directory) == "a file where a directory belongs")
        #expect(reason("..", nil) == "not a name")
        if case .missing = root.child("absent.json") {} else { Issue.record("a missing entry is .missing") }
        #expect(try root.names() == ["fifo.json", "folder", "hard.json", "link.json", "plain.json", "target"])
    }

    @Test func readingAFIFOOrAFolderFailsAtOnce() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        mkfifo(tmp.path + "/fifo.json", 0o600)
        mkdir(tmp.path + "/folder.json", 0o700)
        #expect(throws: StoreError.self) { try AtomicFile.read(tmp.path + "/fifo.json") }
        #expect(throws: StoreError.self) { try AtomicFile.read(tmp.path + "/folder.json") }
    }
}
