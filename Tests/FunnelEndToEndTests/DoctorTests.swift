import Foundation
import Testing

/// `funnel doctor` explains problems; `--repair` quarantines, never deletes.
@Suite("funnel doctor") struct DoctorTests {
    @Test func aHealthyDirectoryHasNoProblems() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        _ = try s.add("Fine", "--value", "10")
        let result = try s.ok("doctor")
        #expect(result.stdout.contains("no problems found"))
    }

    @Test func corruptForeignAndLeftoverFilesAreExplainedThenQuarantined() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let good = try s.add("Good deal")
        let truncated = try s.add("Truncated deal")
        let foreign = try s.add("Foreign deal")
        let truncatedPath = try #require(s.dealFile(truncated))
        let original = try #require(s.bytes(truncatedPath))
        try original.prefix(original.count / 2).write(to: URL(fileURLWithPath: truncatedPath))
        let foreignPath = try #require(s.dealFile(foreign))
        try editJSON(foreignPath) { object in
            var deal = object["deal"] as! [String: Any]
            deal["colour"] = "red"
            object["deal"] = deal
        }
        let leftover = (foreignPath as NSString).deletingLastPathComponent + "/.\(good).json.123.456.tmp"
        try Data("{".utf8).write(to: URL(fileURLWithPath: leftover))

        // list skips them with one warning naming them; the good deal still lists.
        let list = try s.run("list", "--all")
        #expect(list.status == Exit.ok, "\(list)")
        #expect(list.stderr.contains("2 deal files were skipped") && list.stderr.contains(truncatedPath), "\(list)")
        #expect(list.stdout.contains(good))

        let check = try s.run("doctor")
        #expect(check.status == Exit.data)
        #expect(check.stdout.contains(truncatedPath))
        #expect(check.stdout.contains("truncated or malformed"))
        #expect(check.stdout.contains("unknown field “colour”"))
        #expect(check.stdout.contains("temporary file"))
        // Nothing was touched by the check.
        #expect(s.bytes(truncatedPath) == original.prefix(original.count / 2))

        let repair = try s.run("doctor", "--repair")
        #expect(repair.status == Exit.ok, "\(repair)")
        #expect(!FileManager.default.fileExists(atPath: truncatedPath))
        #expect(!FileManager.default.fileExists(atPath: leftover))
        // Quarantined, not deleted: the bytes are all there.
        let quarantine = s.dataDir + "/quarantine"
        let moved = try FileManager.default.subpathsOfDirectory(atPath: quarantine)
        #expect(moved.contains { $0.hasSuffix("\(truncated).json") })
        #expect(moved.contains { $0.hasSuffix("\(foreign).json") })
        #expect(moved.contains { $0.hasSuffix(".tmp") })
        let kept = try #require(moved.first { $0.hasSuffix("\(truncated).json") })
        #expect(s.bytes(quarantine + "/" + kept) == original.prefix(original.count / 2))
        // The rest works again.
        #expect(try s.list("--all").map { $0.string("id") } == [good])
        #expect(try s.ok("doctor").stdout.contains("no problems found"))
    }

    @Test func aDealInTwoOwnersFoldersCountsForNeitherUntilDoctorKeepsTheNewer() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Twice", "--owner", "rita")
        try s.ok("edit", id, "--title", "Twice, newer", user: "rita")
        let path = try #require(s.dealFile(id))
        // An older copy under another owner, as an interrupted reassignment could leave.
        try FileManager.default.createDirectory(atPath: s.dataDir + "/deals/sam", withIntermediateDirectories: true)
        let stale = s.dataDir + "/deals/sam/\(id).json"
        try editJSON(path) { _ in }
        try FileManager.default.copyItem(atPath: path, toPath: stale)
        try editJSON(stale) { object in
            var deal = object["deal"] as! [String: Any]
            deal["revision"] = 1
            deal["owner"] = "sam"
            object["deal"] = deal
        }
        // Neither copy wins by its revision on its own: the deal is a data error until repaired.
        let show = try s.run("show", id)
        #expect(show.status == Exit.data && show.stderr.contains("stored in 2 owners' folders"), "\(show)")
        let check = try s.run("doctor")
        #expect(check.stdout.contains("newer revision"))
        try s.ok("doctor", "--repair")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try s.ok("doctor").stdout.contains("no problems found"))
        #expect(try s.deal(id).string("title") == "Twice, newer")
    }

    @Test func doctorIsForManagers() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let rep = try s.run("doctor", user: "rita")
        #expect(rep.status == Exit.refused && rep.stderr.contains("managers"), "\(rep)")
        #expect(try s.run("doctor").ok)
    }
}
