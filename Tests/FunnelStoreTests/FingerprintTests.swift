import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// The data directory's fingerprint is written byte by byte (`FingerprintBytes`), and reads as
/// the text it always was: a snapshot recorded before it stays trusted.
@Suite struct FingerprintTests {
    /// The fingerprint as it was first written: each entry's text interpolated, joined by "|".
    static func reference(_ store: FunnelStore) -> String {
        var parts: [String] = []
        func add(_ path: String) {
            var info = stat()
            if lstat(path, &info) == 0 {
                parts.append("\(path):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_size):\(info.st_ino)")
            } else {
                parts.append("\(path):-")
            }
        }
        add(store.pipelinePath)
        add(store.teamPath)
        add(store.inboxDirectory)
        add(store.dealsDirectory)
        let list = { (folder: String) in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }
        for name in list(store.pipelinesDirectory) where !name.hasPrefix(".") { add("\(store.pipelinesDirectory)/\(name)") }
        for owner in list(store.dealsDirectory) where !owner.hasPrefix(".") { add("\(store.dealsDirectory)/\(owner)") }
        return parts.joined(separator: "|")
    }

    @Test func theBytesReadAsTheTextItAlwaysWas() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        #expect(store.fingerprint() == Self.reference(store))
        try store.insert(SFx.deal("aaaa1111"))
        try store.insert(SFx.deal("bbbb2222", owner: "sam"))
        try store.insert(SFx.deal("cccc3333", owner: nil))
        try FileManager.default.createDirectory(atPath: store.dealsDirectory + "/.hidden", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: store.dealsDirectory + "/zoë", withIntermediateDirectories: true)
        #expect(symlink("/tmp", store.dealsDirectory + "/linked") == 0)
        try FileManager.default.createDirectory(atPath: store.pipelinesDirectory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: store.pipelinesDirectory + "/b2b.json", contents: Data("{}".utf8)))
        let fingerprint = store.fingerprint()
        #expect(fingerprint == Self.reference(store))
        #expect(fingerprint.contains("/deals/zoë:") && fingerprint.contains("/deals/linked:") && !fingerprint.contains(".hidden"))
        try FileManager.default.removeItem(atPath: store.teamPath)
        #expect(store.fingerprint() == Self.reference(store))
        #expect(store.fingerprint().contains("/team.json:-|"))
    }

    /// After each kind of write the fingerprint taken from the folders it touched is the whole
    /// one (nothing else changed), and the cache's journal is believed.
    @Test func theFingerprintAfterAWriteIsTheWholeOne() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        try store.insertBulk((0..<600).map { SFx.deal(String(format: "d%07x", $0)) })
        #expect(try store.loadDealMap().count == 600)
        // `lastWrite` is the board's: the writes of deals note it; a bulk insert and the team's do not.
        func check(notes: Bool = true, _ write: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
            Thread.sleep(forTimeInterval: 0.02)
            try write()
            if notes { #expect(store.lastWrite?.after == store.fingerprint(), sourceLocation: sourceLocation) }
            #expect(store.cache.load(fingerprint: store.fingerprint()) != nil, "the journal is believed", sourceLocation: sourceLocation)
        }
        func change(_ id: String, _ body: @escaping (inout Deal) -> Void) throws {
            _ = try store.update(id: id) { deal in
                var deal = deal
                body(&deal)
                return .success(deal)
            }
        }
        try check { try change("d0000001") { $0.notes = "edited" } }
        try check { try change("d0000002") { $0.owner = "sam" } }  // sam's first deal: a new folder
        try check { try change("d0000003") { $0.owner = "sam" } }  // into sam's folder, out of rita's
        try check { try change("d0000004") { $0.owner = nil } }  // into the inbox
        try check { try store.insertBatch([SFx.deal("n0000001"), SFx.deal("n0000002", owner: nil)]) }
        try check(notes: false) { try store.insertBulk([SFx.deal("n0000003", owner: "sam")]) }
        try check(notes: false) { _ = try store.updateTeam { $0.users.append(User(account: "tal", name: "Tal", role: .rep)) } }
    }

    /// A change another program made in another folder while funnel wrote is not taken into the
    /// fingerprint funnel records after its write: the cache is not believed over it.
    @Test func aChangeElsewhereDuringAWriteStaysUnrecorded() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        try store.insert(SFx.deal("aaaa1111"))
        try store.insert(SFx.deal("bbbb2222", owner: "sam"))
        let entries = store.fingerprintEntries()
        Thread.sleep(forTimeInterval: 0.02)
        // Another program's file appears in sam's folder; funnel's write was in rita's.
        #expect(FileManager.default.createFile(atPath: store.dealsDirectory + "/sam/cccc3333.json", contents: Data()))
        let after = store.fingerprint(after: entries, touching: [store.dealsDirectory + "/rita"])
        #expect(after != store.fingerprint())
        #expect(store.fingerprint(after: entries, touching: [store.dealsDirectory + "/sam"]) == store.fingerprint())
        #expect(store.fingerprint(after: entries, touching: [store.dealsDirectory + "/new"]) == store.fingerprint())
    }
}
