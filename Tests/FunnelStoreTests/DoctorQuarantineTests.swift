import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// `doctor --repair`'s quarantine: it never follows a link planted in `quarantine/`, never uses a
/// `quarantine/` others may write, and a move that fails is reported without stopping the repair.
@Suite("Doctor's quarantine") struct DoctorQuarantineTests {
    @Test func aLinkPlantedInQuarantineIsNeverFollowed() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let outside = tmp.path + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: store.root + "/deals/rita", withIntermediateDirectories: true)
        try Data("left".utf8).write(to: URL(fileURLWithPath: store.root + "/deals/rita/.x.json.1.2.tmp"))
        // Every folder name the next two minutes' repairs could use, each leading outside.
        let now = Date()
        for second in 0..<120 {
            let stamp = Timestamp.format(now.addingTimeInterval(Double(second))).replacingOccurrences(of: ":", with: "-")
            let folder = store.root + "/quarantine/\(stamp)/deals"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            #expect(symlink(outside, folder + "/rita") == 0)
        }
        let findings = try Doctor(store: store).run(repair: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty, "nothing was moved outside")
        let moved = try #require(findings.first { $0.path.hasSuffix(".x.json.1.2.tmp") })
        #expect(moved.action.hasPrefix("moved to \(store.root)/quarantine/"), "\(moved.action)")
        #expect(moved.action.hasSuffix("-2/deals/rita/.x.json.1.2.tmp"), "a folder of its own: \(moved.action)")
        #expect(moved.outcome == .movedAside && moved.outcome.isRepaired)
    }

    @Test func aQuarantineOthersMayWriteIsMadePrivateByItsOwner() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try FileManager.default.createDirectory(atPath: store.root + "/quarantine", withIntermediateDirectories: true)
        #expect(chmod(store.root + "/quarantine", 0o777) == 0)
        try Data("left".utf8).write(to: URL(fileURLWithPath: store.root + "/inbox/.y.json.1.2.tmp"))
        let findings = try Doctor(store: store).run(repair: true)
        #expect(findings.first?.action.hasPrefix("moved to") == true, "\(findings)")
        #expect(fileMode(store.root + "/quarantine")! & 0o022 == 0)
    }

    @Test func aFailedMoveIsReportedAndTheRepairGoesOn() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        // A file in quarantine's way: quarantine/ is not a folder.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: store.root + "/quarantine"))
        try Data("a".utf8).write(to: URL(fileURLWithPath: store.root + "/inbox/.a.json.1.2.tmp"))
        try Data("b".utf8).write(to: URL(fileURLWithPath: store.root + "/inbox/.b.json.1.2.tmp"))
        let findings = try Doctor(store: store).run(repair: true)
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.action.hasPrefix("could not move it to quarantine/") }, "\(findings)")
        #expect(findings.allSatisfy { $0.outcome == .toDo && !$0.outcome.isRepaired }, "a failed move is left for a person")
    }

    @Test func namesThatAreNotUTF8AreReportedAndNeverStopARepair() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let raw: [UInt8] = Array((store.root + "/inbox/.bad").utf8) + [0xFF, 0xFE] + Array(".tmp".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o600)
        }
        #expect(fd >= 0)
        close(fd)
        try store.insert(SFx.deal("good2345", owner: nil, stage: "unsorted"))
        #expect(try store.loadDealSet().deals.keys.sorted() == ["good2345"])
        let findings = try Doctor(store: store).run(repair: true)
        #expect(findings.contains { $0.problem.contains("not valid UTF-8") }, "\(findings)")
    }

    @Test func aDealFileLargerThanFunnelReadsIsSkippedUnread() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("good2345"))
        let huge = store.root + "/deals/rita/huge2345.json"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, off_t(FunnelStore.maximumFileBytes + 1)) == 0)
        let set = try store.loadDealSet()
        #expect(set.deals.keys.sorted() == ["good2345"])
        #expect(set.unreadable.first?.error.description.contains("more than funnel reads") == true, "\(set.unreadable)")
    }

    @Test func aMalformedIdIsSkippedWithTheOthers() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("good2345"))
        let text = try String(contentsOfFile: store.root + "/deals/rita/good2345.json", encoding: .utf8)
        try text.replacingOccurrences(of: "good2345", with: "a..b").write(
            toFile: store.root + "/deals/rita/a..b.json", atomically: true, encoding: .utf8)
        let set = try store.loadDealSet()
        #expect(set.deals.keys.sorted() == ["good2345"])
        #expect(set.unreadable.map(\.path) == [store.root + "/deals/rita/a..b.json"])
    }

    @Test func aDealFileWithOtherNamesIsMadeAFileOfItsOwn() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("good2345"))
        let path = store.root + "/deals/rita/good2345.json"
        let other = tmp.path + "/elsewhere.json"
        #expect(link(path, other) == 0)
        let look = try Doctor(store: store).run(repair: false)
        #expect(look.contains { $0.problem.contains("hard links") && $0.path == path && $0.outcome == .toDo }, "\(look)")
        let repair = try Doctor(store: store).run(repair: true)
        #expect(repair.contains { $0.action.hasPrefix("made it a file of its own") && $0.outcome == .repaired }, "\(repair)")
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_nlink == 1)
        #expect(bytes(path) == bytes(other), "the same content, a new file")
        #expect(try Doctor(store: store).run(repair: false).isEmpty)
    }
}
