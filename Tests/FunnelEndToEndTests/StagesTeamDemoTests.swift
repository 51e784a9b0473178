import Foundation
import FunnelCore
import Testing

@Suite("funnel stages")
struct StagesTests {
    @Test func textTable() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.initialize(template: "powerlink")
        let text = try s.ok("stages").output
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.dropFirst().map { String($0.prefix { $0 != " " }) } == PipelineTemplate.powerlink.pipeline.stages.map(\.id))
        #expect(text.contains("Initial contact") && text.contains("next_action"))
    }

    @Test func json() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try s.ok("stages", "--json")
        #expect(result.stderr.isEmpty)
        let object = try jsonObject(result.stdout)
        let pipeline = PipelineTemplate.simple.pipeline
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.compactMap { $0.string("id") } == pipeline.stages.map(\.id))
        #expect(stages.compactMap { $0.string("name") } == pipeline.stages.map(\.name))
        func requires(_ id: String) -> [String]? { stages.first { $0.string("id") == id }?["requires"] as? [String] }
        #expect(requires("follow-up") == ["next_action"])
        #expect(requires("customer") == ["value"])
        #expect(requires("not-relevant") == ["lost_reason"])
        #expect(requires("new") == [])
        #expect(stages.first { $0.string("id") == "new" }?["stuck_after_days"] as? Int == 1)
        #expect(stages.first { $0.string("id") == "unsorted" }?["stuck_after_days"] is NSNull)
        #expect(object["lost_reasons"] as? [String] == pipeline.lostReasons)
        #expect(object.string("default_currency") == "ILS")
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
    }

    @Test func r1MoreThanEightStagesWarns() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.initialize(template: "b2b")
        // A company adds a ninth stage by hand: accepted, with a warning.
        let path = s.dataDir + "/pipeline.json"
        try editJSON(path) { file in
            var pipeline = try #require(file["pipeline"] as? [String: Any])
            var stages = try #require(pipeline["stages"] as? [[String: Any]])
            stages.insert(["id": "legal", "name": "Legal review", "kind": "open"], at: 4)
            pipeline["stages"] = stages
            file["pipeline"] = pipeline
        }
        let text = try s.ok("stages")
        #expect(text.stderr.contains("warning") && text.stderr.contains("9 stages"), "\(text)")
        #expect(text.stdout.contains("legal"))
        let json = try jsonObject(try s.ok("stages", "--json").stdout)
        #expect((json["warnings"] as? [String])?.count == 1)
        let id = try s.add("Still works")
        try s.ok("move", id, "Legal review")
    }
}

@Suite("funnel team")
struct TeamTests {
    @Test func listAndAdd() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.ok("init")
        let added = try s.ok("team", "add", "yossi", "--role", "rep", "--name", "יוסי כהן")
        #expect(added.output == "added yossi as rep")
        try s.ok("team", "add", "noa", "--role", "MANAGER")
        let team = try jsonArray(try s.ok("team", "--json").stdout)
        #expect(team.compactMap { $0.string("account") } == ["boss", "yossi", "noa"])
        #expect(team.compactMap { $0.string("role") } == ["manager", "rep", "manager"])
        #expect(team[1].string("name") == "יוסי כהן")
        #expect(team[2].string("name") == "noa")
        let text = try s.ok("team").output
        #expect(text.contains("ACCOUNT") && text.contains("יוסי כהן") && text.contains("noa"))
        // The new rep can work at once.
        _ = try s.add("Yossi's first", user: "yossi")
    }

    @Test func onlyManagersAddPeople() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let before = s.bytes(s.dataDir + "/team.json")
        let result = try s.run("team", "add", "eve", "--role", "manager", user: "rita")
        #expect(result.status == Exit.refused, "\(result)")
        let stranger = try s.run("team", "add", "eve", "--role", "rep", user: "mallory")
        #expect(stranger.status == Exit.refused, "\(stranger)")
        #expect(s.bytes(s.dataDir + "/team.json") == before)
    }

    @Test(arguments: [
        ["add", "rita", "--role", "rep"], ["add", "eve", "--role", "boss"], ["add", "eve"],
        ["add", "1eve", "--role", "rep"], ["add"], ["remove", "rita"], ["ad", "eve", "--role", "rep"],
        ["--role", "rep"], ["add", "eve", "extra", "--role", "rep"],
    ])
    func mistakesAreUsageErrors(words: [String]) throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let before = s.bytes(s.dataDir + "/team.json")
        let result = try runProgram(FunnelBinary.path, ["team"] + words, environment: s.environment(), scratch: s.root)
        #expect(result.status == Exit.usage, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
        #expect(s.bytes(s.dataDir + "/team.json") == before)
    }
}

@Suite("funnel demo")
struct DemoTests {
    @Test func twoHundredDealsAManagerSeesAllARepTheirOwnAndTheInbox() throws {
        let s = try Sandbox(user: "dana")
        defer { s.remove() }
        let result = try s.ok("demo", "--deals", "200")
        #expect(result.stdout.contains("200"))
        let all = try s.list("--all")
        #expect(all.count == 200)
        #expect(Set(all.compactMap { $0.string("id") }).count == 200)
        // The inbox holds only leads of the last minutes (docs/demo.md), so it may be empty.
        #expect(Set(all.compactMap { $0.string("stage_kind") }).isSuperset(of: ["open", "won", "lost"]))
        let team = try jsonArray(try s.ok("team", "--json").stdout)
        let accounts = Set(team.compactMap { $0.string("account") })
        #expect(team.filter { $0.string("role") == "manager" }.compactMap { $0.string("account") } == ["dana"])
        // The team grows with the deals (one rep per 150 open deals or 10 leads a day, at least two).
        #expect(team.filter { $0.string("role") == "rep" }.count >= 2)
        for deal in all {
            let kind = deal.string("stage_kind")
            if kind == "inbox" { #expect(deal.isNull("owner")) } else { #expect(deal.string("owner").map(accounts.contains) == true) }
            if kind == "won" { #expect(deal.string("value") != nil) }
            if kind == "lost" { #expect(deal.string("lost_reason") != nil) }
            if deal.string("stage") == "follow-up" { #expect(deal.string("next_action_date") != nil) }
        }
        let rep = "yossi"
        let repList = try s.list(user: rep)
        let expected = Set(all.filter { $0.string("owner") == rep || $0.isNull("owner") }.compactMap { $0.string("id") })
        #expect(!repList.isEmpty)
        #expect(Set(repList.compactMap { $0.string("id") }) == expected)
        #expect(repList.allSatisfy { $0.string("owner") == rep || $0.isNull("owner") })
        #expect(try s.run("list", "--all", user: rep).status == Exit.refused)
        // A rep's own deal can be worked, another rep's cannot.
        let mine = try #require(repList.first { $0.string("owner") == rep && $0.string("stage_kind") == "open" })
        let theirs = try #require(all.first { $0.string("owner") == "layla" })
        #expect(try s.run("show", try #require(mine.string("id")), user: rep).ok)
        #expect(try s.run("show", try #require(theirs.string("id")), user: rep).status == Exit.notFound)
    }

    @Test func theSameSeedGivesTheSameDeals() throws {
        let a = try Sandbox(user: "dana"), b = try Sandbox(user: "dana")
        defer { a.remove(); b.remove() }
        try a.ok("demo", "--deals", "30", "--seed", "5")
        try b.ok("demo", "--deals", "30", "--seed", "5")
        func ids(_ s: Sandbox) throws -> [String] { try s.list("--all").compactMap { $0.string("id") } }
        #expect(try ids(a) == ids(b))
        #expect(try ids(a).count == 30)
    }

    @Test func daysSpreadTheLeadsOverYearsMostOfThemClosedLongAgo() throws {
        let s = try Sandbox(user: "dana")
        defer { s.remove() }
        try s.ok("demo", "--deals", "400", "--days", "1460", "--seed", "3")
        let all = try s.list("--all")
        #expect(all.count == 400)
        let created = all.compactMap { $0.string("created") }.compactMap { try? Date($0, strategy: .iso8601) }
        let now = FixedClock.now
        // Four years of arrivals: some in the first year back, some in the fourth.
        #expect(created.contains { now.timeIntervalSince($0) > 3 * 365 * 86_400 })
        #expect(created.contains { now.timeIntervalSince($0) < 365 * 86_400 })
        #expect(created.allSatisfy { now.timeIntervalSince($0) < 1_461 * 86_400 })
        // Most deals are closed, and closed long ago.
        let closedLongAgo = all.filter { deal in
            ["won", "lost"].contains(deal.string("stage_kind") ?? "")
                && (deal.string("stage_entered").flatMap { try? Date($0, strategy: .iso8601) }).map { now.timeIntervalSince($0) > 90 * 86_400 }
                    == true
        }
        #expect(closedLongAgo.count * 10 >= all.count * 8, "\(closedLongAgo.count) of \(all.count) closed more than 90 days ago")
        for bad in ["0", "6", "3651", "years"] {
            let other = try Sandbox(user: "dana")
            defer { other.remove() }
            let result = try other.run("demo", "--deals", "10", "--days", bad)
            #expect(result.status == Exit.usage, "--days \(bad): \(result)")
            #expect(result.stderr.contains("--days"), "\(result.stderr)")
        }
    }

    @Test func demoRefusesADirectoryWithDealsAndBadCounts() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        _ = try s.add("Real deal")
        let result = try s.run("demo", "--deals", "10")
        #expect(result.status == Exit.data, "\(result)")
        #expect(try s.list("--all").count == 1)
        #expect(try s.run("demo", "--deals", "lots").status == Exit.usage)
        #expect(try s.run("demo", "--deals", "-3").status == Exit.usage)
    }

    @Test func demoIntoAnInitializedEmptyDirectoryAddsTheDemoTeam() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.ok("init", "--template", "b2b")
        try s.ok("demo", "--deals", "40")
        let all = try s.list("--all")
        #expect(all.count == 40)
        #expect(all.allSatisfy { $0.string("currency") == "USD" })
        let stages = Set(PipelineTemplate.b2b.pipeline.stages.map(\.id))
        #expect(all.allSatisfy { $0.string("stage").map(stages.contains) == true })
    }
}
