import Foundation
import Testing

@Suite("Damaged and newer data: exit 4, the file named, never overwritten")
struct DataErrorTests {
    @Test func aTruncatedDealFileIsSkippedByListStopsItsOwnCommandsAndStaysByteForByte() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        let healthy = try s.add("Healthy", "--owner", "rita")
        let file = try #require(s.dealFile(id))
        let full = try #require(s.bytes(file))
        let truncated = full.prefix(full.count / 2)
        try truncated.write(to: URL(fileURLWithPath: file))

        // The team's list skips it with one warning naming it; the rest still lists.
        let list = try s.run("list", "--all")
        #expect(list.status == Exit.ok, "\(list)")
        #expect(list.stdout.contains("Healthy") && !list.stdout.contains("Solar"), "\(list)")
        #expect(list.stderr.contains(file) && list.stderr.contains("skipped"), "\(list)")
        let json = try s.run("list", "--all", "--json")
        #expect(json.status == Exit.ok && json.stderr.contains(file), "\(json)")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil, "stdout is still valid JSON")
        // A command about that one deal stops with exit 4, naming it.
        for words in [["show", id], ["move", id, "meeting"], ["edit", id, "--title", "Fixed?"], ["assign", id, "sam"]] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.status == Exit.data, "\(result)")
            #expect(result.stderr.contains(file), "\(result)")
        }
        #expect(s.bytes(file) == truncated)
        #expect(s.dealFile(id) == file)
        // Nothing was written beside it either.
        let dir = (file as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["\(id).json"])
        // Other deals are still reachable one by one.
        try s.ok("move", healthy, "meeting", user: "rita")
    }

    @Test func aNewerPipelineIsReportedAndKept() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        _ = try s.add("Solar")
        let path = s.dataDir + "/pipeline.json"
        try editJSON(path) { $0["schema"] = 99 }
        let before = s.bytes(path)
        for words in [["list"], ["stages"], ["add", "More"], ["init"]] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.status == Exit.data, "\(result)")
            #expect(result.stdout.isEmpty)
            if words != ["init"] {
                #expect(result.stderr.contains("newer"), "\(result)")
                #expect(result.stderr.contains(path), "\(result)")
            }
        }
        #expect(s.bytes(path) == before)
    }

    @Test func aNewerDealFileIsReportedAndKept() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        let file = try #require(s.dealFile(id))
        try editJSON(file) { $0["schema"] = 2 }
        let before = s.bytes(file)
        let list = try s.run("list")
        #expect(list.status == Exit.ok && list.stderr.contains("newer") && list.stderr.contains(file), "\(list)")
        let move = try s.run("move", id, "meeting")
        #expect(move.status == Exit.data, "\(move)")
        #expect(s.bytes(file) == before)
    }

    @Test func aLargeAcceptedValueCanBeReadBack() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        // --value accepts up to 20 characters; whatever add accepts must be listable afterwards.
        let id = try s.add("Enormous", "--value", "99999999999999999.99")
        let list = try s.run("list", "--json")
        let show = try s.run("show", id, "--json")
        let value = show.ok ? try jsonObject(show.stdout).string("value") : nil
        #expect(list.status == Exit.ok, "\(list)")
        #expect(value == "99999999999999999.99", "\(show)")
    }
}

@Suite("A folder of deals that is a symbolic link")
struct LinkedDealFolderTests {
    @Test func aLinkedOwnersFolderIsNeverFollowedForReadingOrWriting() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Roof", "--owner", "rita")
        let elsewhere = s.root + "/elsewhere"
        try FileManager.default.moveItem(atPath: s.dataDir + "/deals/rita", toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: s.dataDir + "/deals/rita", withDestinationPath: elsewhere)
        let before = try FileManager.default.contentsOfDirectory(atPath: elsewhere).sorted()
        let list = try s.run("list", "--json")
        #expect(list.ok && !list.stdout.contains(id) && list.stderr.contains("skipped"), "\(list)")
        let added = try s.run("add", "Second", "--owner", "rita")
        #expect(added.status == Exit.data && added.stderr.contains("symbolic link"), "\(added)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).sorted() == before, "nothing written through the link")
        let doctor = try s.run("doctor")
        #expect(doctor.status == Exit.data && doctor.stdout.contains("is a symbolic link"), "\(doctor)")
    }
}
