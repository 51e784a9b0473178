import Foundation
import Testing

/// `list`, `today` and `report` decode from the snapshot cache only the deals they may show
/// (a rep's own and the inbox's; one pipeline's; open ones for the call list). What they print
/// must be what the whole set gives, cache or no cache.
@Suite("Reading only the wanted deals")
struct PartialLoadTests {
    @Test func aRepsListTodayAndReportAreTheSameFromTheCacheAndFromTheFiles() throws {
        let s = try Sandbox(user: "dana")
        defer { s.remove() }
        try s.ok("demo", "--deals", "900", "--seed", "3")
        let team = try jsonArray(try s.ok("team", "--json").stdout)
        let reps = team.filter { $0.string("role") == "rep" }.compactMap { $0.string("account") }
        let everything = try s.list("--all")
        for rep in reps.prefix(2) {
            // The manager's whole list, narrowed by hand, in the same order.
            let expected = everything.filter { $0.isNull("owner") || $0.string("owner") == rep }.compactMap { $0.string("id") }
            let fromCache = try s.ok("list", "--json", user: rep).stdout
            #expect(try jsonArray(fromCache).compactMap { $0.string("id") } == expected)
            let today = try s.ok("today", "--json", user: rep).stdout
            let report = try s.ok("report", "--format", "json", user: rep).stdout
            // Without the cache the files are read (and the cache rebuilt): the same output.
            try FileManager.default.removeItem(atPath: s.dataDir + "/cache")
            #expect(try s.ok("list", "--json", user: rep).stdout == fromCache)
            try FileManager.default.removeItem(atPath: s.dataDir + "/cache")
            #expect(try s.ok("today", "--json", user: rep).stdout == today)
            try FileManager.default.removeItem(atPath: s.dataDir + "/cache")
            #expect(try s.ok("report", "--format", "json", user: rep).stdout == report)
            #expect(FileManager.default.fileExists(atPath: s.dataDir + "/cache/snapshot.bin"))
        }
    }
}
