import Foundation
import Testing

/// A deal typed by a prefix is read the way a whole id is: never through a link planted for a
/// seller's folder (found by a hostile-teammate review after commands began reading the files a
/// lookup found).
@Suite("A prefix finds only what a whole id finds") struct PrefixThroughLinkTests {
    @Test func aLinkedSellersFolderIsNotReadThroughAPrefix() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("team", "add", "alice", "--role", "rep")
        let id = try s.add("Link deal", "--owner", "alice")
        let elsewhere = s.root + "/elsewhere"
        try FileManager.default.moveItem(atPath: s.dataDir + "/deals/alice", toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: s.dataDir + "/deals/alice", withDestinationPath: elsewhere)
        let whole = try s.run("show", id)
        let prefix = try s.run("show", String(id.prefix(4)))
        #expect(whole.status == Exit.notFound, "\(whole)")
        #expect(prefix.status == Exit.notFound, "\(prefix)")
        #expect(!prefix.stdout.contains("Link deal"))
        // A real folder again: both find it.
        try FileManager.default.removeItem(atPath: s.dataDir + "/deals/alice")
        try FileManager.default.moveItem(atPath: elsewhere, toPath: s.dataDir + "/deals/alice")
        #expect(try s.run("show", String(id.prefix(4))).stdout.contains("Link deal"))
    }
}
