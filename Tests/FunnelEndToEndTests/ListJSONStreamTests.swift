import Foundation
import Testing

/// `list --all --json` is written in pieces of 64 KB: the whole array still parses, holds every
/// deal once, in `list`'s order, each object as `show --json` has its fields.
@Suite("list --json in pieces")
struct ListJSONStreamTests {
    @Test func fifteenHundredDealsInManyPiecesAreOneArrayInListsOrder() throws {
        let s = try Sandbox(user: "dana")
        defer { s.remove() }
        try s.ok("demo", "--deals", "1500", "--seed", "4")
        let text = try s.ok("list", "--all", "--json").stdout
        #expect(text.utf8.count > 8 << 16, "long enough to be written in several pieces")
        let all = try jsonArray(text)
        #expect(all.count == 1_500)
        let ids = all.compactMap { $0.string("id") }
        let rows = try s.ok("list", "--all").stdout.split(separator: "\n").dropFirst().map { String($0.prefix(8)) }
        #expect(ids == rows)
        for deal in all.prefix(40) {
            let id = try #require(deal.string("id"))
            let shown = try jsonObject(try s.ok("show", id, "--json").stdout)
            for (key, value) in deal {
                #expect(shown[key].map { "\($0)" } == "\(value)", "\(id) \(key)")
            }
        }
        #expect(try s.ok("list", "--json", "--filter", "no deal has this").stdout == "[]\n")
    }
}
