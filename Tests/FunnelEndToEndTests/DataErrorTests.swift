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
        #expect(list.stderr.contains("is a symbolic link") && !list.stderr.contains("mode or ACL"), "the warning says why: \(list)")
        let added = try s.run("add", "Second", "--owner", "rita")
        #expect(added.status == Exit.data && added.stderr.contains("symbolic link"), "\(added)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).sorted() == before, "nothing written through the link")
        let doctor = try s.run("doctor")
        #expect(doctor.status == Exit.data && doctor.stdout.contains("is a symbolic link"), "\(doctor)")
    }
}

/// A link planted where one of the data directory's own folders belongs (`deals/`, `inbox/`,
/// `pipelines/`, `cache/`) or at the cache's journal: every command refuses it, naming it, and
/// nothing is read from or written to where it points.
@Suite("The data directory's folders as symbolic links")
struct LinkedTopFolderTests {
    /// Moves `name` out of the data directory and puts a link to it in its place; the files
    /// there as they were.
    private func plantLink(_ s: Sandbox, _ name: String) throws -> (target: String, before: [String]) {
        let target = s.root + "/elsewhere-" + name.replacingOccurrences(of: "/", with: "-")
        try FileManager.default.moveItem(atPath: s.dataDir + "/" + name, toPath: target)
        try FileManager.default.createSymbolicLink(atPath: s.dataDir + "/" + name, withDestinationPath: target)
        return (target, try Self.snapshot(target))
    }

    /// Every file under `folder` with its size and content digest.
    static func snapshot(_ folder: String) throws -> [String] {
        let names = FileManager.default.subpaths(atPath: folder) ?? []
        let files = names.sorted().map { name in
            let data = FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
            return "\(name):\(data.count):\(data.hashValue)"
        }
        return files + [try FileManager.default.contentsOfDirectory(atPath: folder).sorted().joined(separator: ",")]
    }

    @Test(arguments: ["deals", "inbox"])
    func aLinkedDealsOrInboxFolderIsRefusedByEveryReaderAndWriter(_ folder: String) throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Roof", "--owner", "rita")
        let lead = try s.add("Lead", "--stage", "unsorted")
        let (target, before) = try plantLink(s, folder)
        let where_ = s.dataDir + "/" + folder
        for command in [["list", "--all"], ["list", "--json"], ["report"], ["today"], ["export", "--all"], ["show", id], ["show", lead]] {
            let run = try s.run(command)
            #expect(run.status == Exit.data, "\(command) \(run)")
            #expect(run.stderr.contains(where_ + ": is a symbolic link"), "\(command) \(run)")
            #expect(!run.stdout.contains(id) && !run.stdout.contains(lead), "\(command) read through the link: \(run)")
        }
        let added = try s.run("add", "Second", "--owner", "rita")
        #expect(added.status == Exit.data, "\(added)")
        let doctor = try s.run("doctor")
        #expect(doctor.status == Exit.data && doctor.stdout.contains(where_) && doctor.stdout.contains("is a symbolic link"), "\(doctor)")
        #expect(try Self.snapshot(target) == before, "nothing written through the link")
    }

    /// A quote's PDF is never moved through a linked `quotes/` when its deal changes owner.
    @Test func aLinkedQuotesFolderIsNeverWrittenThrough() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("products", "add", "CRM", "--name", "CRM", "--price", "100")
        let id = try s.add("Roof", "--owner", "rita")
        try s.ok("lines", "add", id, "CRM")
        try s.ok("quote", id)
        let (target, before) = try plantLink(s, "quotes")
        let assigned = try s.run("assign", id, "sam")
        #expect(assigned.status == Exit.data && assigned.stderr.contains("quotes: is a symbolic link"), "\(assigned)")
        #expect(try Self.snapshot(target) == before, "nothing moved through the link")
        #expect(try s.deal(id).string("owner") == "rita", "the deal is not saved either")
    }

    /// The data directory itself may be a link: its owner named it (`--data-dir`, `FUNNEL_DATA_DIR`).
    @Test func aDataDirectoryThatIsALinkIsUsedAsIs() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let linked = s.root + "/linked"
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: s.dataDir)
        let env = ["FUNNEL_DATA_DIR": linked]
        for command in [["doctor"], ["doctor", "--repair"], ["add", "Via the link"], ["list", "--all"]] {
            let run = try runProgram(FunnelBinary.path, command, environment: s.environment(extra: env), scratch: s.root)
            #expect(run.ok, "\(command) \(run)")
        }
        #expect(try s.list("--all").contains { $0.string("title") == "Via the link" })
    }

    @Test func aLinkedPipelinesFolderIsNeverWrittenOrRead() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("pipelines", "add", "Renewals")
        let (target, before) = try plantLink(s, "pipelines")
        let added = try s.run("pipelines", "add", "Partners")
        #expect(added.status == Exit.data && added.stderr.contains("pipelines: is a symbolic link"), "\(added)")
        let listed = try s.run("pipelines")
        #expect(listed.status == Exit.data && !listed.stdout.contains("renewals"), "\(listed)")
        #expect(try Self.snapshot(target) == before, "nothing written through the link")
    }

    /// A cache is kept from 500 deals on (`FunnelStore.cacheThreshold`).
    @Test func aLinkedCacheOrJournalIsNeitherWrittenNorRead() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("demo", "--deals", "600", "--seed", "2")
        let ids = try s.list("--all").compactMap { $0["id"] as? String }
        #expect(ids.count >= 500)
        // The journal as a link to a file elsewhere: the next write never appends there.
        let outside = s.root + "/journal-elsewhere"
        try FileManager.default.moveItem(atPath: s.dataDir + "/cache/journal.bin", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: s.dataDir + "/cache/journal.bin", withDestinationPath: outside)
        let journal = FileManager.default.contents(atPath: outside)
        try s.ok("edit", ids[0], "--notes", "through the link?")
        #expect(FileManager.default.contents(atPath: outside) == journal, "nothing appended through the link")
        #expect(try s.deal(ids[0]).string("notes") == "through the link?")
        // The whole cache folder as a link: never read, written or removed through.
        let (target, before) = try plantLink(s, "cache")
        try s.ok("edit", ids[1], "--notes", "again")
        #expect(try s.list("--all").count == ids.count)
        #expect(try s.deal(ids[1]).string("notes") == "again")
        #expect(try Self.snapshot(target) == before, "nothing written through the link")
        let doctor = try s.run("doctor")
        #expect(doctor.stdout.contains(s.dataDir + "/cache") && doctor.stdout.contains("is a symbolic link"), "\(doctor)")
    }
}
