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
}
