import Foundation
import Testing

/// `--probability` and `--expected-close` on add and edit, the report's weighted value, forecast,
/// leaks and goals, and `funnel goals set|list|remove`, through the release binary. Now is
/// 2026-11-24T09:00:00Z; pipeline `simple` (new 10 %, follow-up 20 %, meeting 50 %).
@Suite("Forecast and goals from the command line")
struct ForecastGoalsCommandTests {
    @Test func probabilityAndExpectedCloseAreSetShownAndCleared() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Annual plan", "--value", "20000", "--owner", "rita", "--probability", "35", "--expected-close", "2026-12-15")
        var deal = try s.deal(id)
        #expect(deal["probability"] as? Int == 35 && deal.string("expected_close") == "2026-12-15")
        #expect(deal.string("weighted_value") == "7000.00")
        let file = try #require(s.dealFile(id))
        let stored = String(decoding: try #require(s.bytes(file)), as: UTF8.self)
        #expect(stored.contains(#""probability" : 35"#) && stored.contains(#""expected_close" : "2026-12-15""#))
        let shown = try s.ok("show", id).stdout
        #expect(shown.contains("35 % (this deal's) · weighted ₪7,000") && shown.contains("2026-12-15"), "\(shown)")
        try s.ok("edit", id, "--probability", "none", "--expected-close", "+1w")
        deal = try s.deal(id)
        #expect(deal.isNull("probability") && deal.string("expected_close") == "2026-12-01")
        #expect(deal.string("weighted_value") == "2000.00")
        #expect(try s.ok("show", id).stdout.contains("10 % (the stage's) · weighted ₪2,000"))
        try s.ok("edit", id, "--expected-close", "none")
        let after = String(decoding: try #require(s.bytes(file)), as: UTF8.self)
        #expect(!after.contains("probability") && !after.contains("expected_close"))
    }

    @Test func badProbabilitiesAndDatesAreUsageErrorsAndWriteNothing() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let (id, file, before) = try s.addWatched("Deal", "--value", "100")
        let cases: [([String], String)] = [
            (["edit", id, "--probability", "150"], "--probability “150” is not a probability; use a whole number from 0 to 100"),
            (["edit", id, "--probability", "-1"], "is not a probability"),
            (["edit", id, "--probability", "abc"], "is not a probability"),
            (["edit", id, "--probability", "12.5"], "is not a probability"),
            (["edit", id, "--expected-close", "2026-02-30"], "--expected-close"),
            (["edit", id, "--expected-close", "someday"], "is not a date"),
            (["add", "Other", "--probability", "101"], "is not a probability"),
        ]
        for (words, text) in cases {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.status == Exit.usage && result.stderr.contains(text), "\(words): \(result)")
            #expect(s.bytes(file) == before)
        }
        #expect(try s.list("--all").count == 1)
    }

    /// rita: 20 000 in follow-up with her own 35 % (7 000), closing in December; 10 000 in new
    /// (10 %: 1 000), expected in October (overdue). sam: 12 000 in meeting (50 %: 6 000), closing
    /// in January; a deal won this month for 50 000.
    func forecastTeam(_ s: Sandbox) throws {
        try s.initialize()
        _ = try s.add(
            "A", "--owner", "rita", "--value", "20000", "--stage", "follow-up", "--next", "+2d", "--probability", "35",
            "--expected-close", "2026-12-10")
        _ = try s.add("B", "--owner", "rita", "--value", "10000", "--expected-close", "2026-10-20")
        _ = try s.add("C", "--owner", "sam", "--value", "12000", "--stage", "meeting", "--expected-close", "2027-01-05")
        let won = try s.add("W", "--owner", "sam", "--value", "50000")
        try s.ok("move", won, "customer")
    }

    @Test func theReportWeighsAndForecastsHandComputed() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try forecastTeam(s)
        let json = try jsonObject(try s.ok("report", "--format", "json").stdout)
        #expect(json.string("weighted_value") == "14000.00")
        let stages = try #require(json["stages"] as? [[String: Any]])
        let weighted = Dictionary(uniqueKeysWithValues: stages.map { ($0.string("stage") ?? "", $0["weighted_value"] as? String) })
        #expect(weighted["new"] == "1000.00" && weighted["follow-up"] == "7000.00" && weighted["meeting"] == "6000.00")
        let team = try #require(json["team"] as? [[String: Any]])
        #expect(team.first { $0.string("seller") == "rita" }?.string("weighted_value") == "8000.00")
        #expect(team.first { $0.string("seller") == "sam" }?.string("weighted_value") == "6000.00")
        let forecast = try #require(json["forecast"] as? [[String: Any]])
        #expect(forecast.map { $0["month"] as? String ?? "overdue" } == ["overdue", "2026-12", "2027-01"])
        #expect(forecast[0]["overdue"] as? Bool == true && forecast[0]["deals"] as? Int == 1 && forecast[0].string("value") == "10000.00")
        #expect(forecast[1].string("weighted_value") == "7000.00" && forecast[2].string("weighted_value") == "6000.00")
        let text = try s.ok("report").stdout
        #expect(text.contains("Weighted value of the open deals: ₪14,000"))
        #expect(text.contains("overdue") && text.contains("2026-12") && text.contains("₪7,000"))
        let csv = try s.ok("report", "--format", "csv").stdout
        #expect(csv.contains("forecast,overdue,value,10000.00") && csv.contains("overall,,weighted_value,14000.00"))
        // The deals behind a forecast row.
        let december = try s.ok("report", "--deals", "close:2026-12").stdout.split(separator: "\n")
        #expect(december.count == 1)
        #expect(try s.ok("report", "--deals", "close:overdue").stdout.split(separator: "\n").count == 1)
        let bad = try s.run("report", "--deals", "close:december")
        #expect(bad.status == Exit.usage && bad.stderr.contains("close:YYYY-MM"))
    }

    @Test func theLimpingStageCountsLostAndStuckDeals() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        // Two deals sit in follow-up 10 days (limit 7); one is lost from meeting.
        for title in ["S1", "S2"] {
            _ = try s.add(title, "--owner", "rita", "--stage", "follow-up", "--next", "+20d", now: "2026-11-14T09:00:00Z")
        }
        let lost = try s.add("L1", "--owner", "rita", "--stage", "meeting", now: "2026-11-14T09:00:00Z")
        try s.ok("move", lost, "not-relevant", "--reason", "Price", now: "2026-11-16T09:00:00Z")
        let json = try jsonObject(try s.ok("report", "--format", "json").stdout)
        #expect(json.string("limping_stage") == "follow-up")
        let leaks = try #require(json["leaks"] as? [[String: Any]])
        let followUp = try #require(leaks.first { $0.string("stage") == "follow-up" })
        #expect(followUp["deals"] as? Int == 2 && followUp["lost"] as? Int == 0 && followUp["stuck"] as? Int == 2)
        #expect(followUp.string("stuck_share") == "1.0000" && followUp["leaked"] as? Int == 2)
        let meeting = try #require(leaks.first { $0.string("stage") == "meeting" })
        #expect(meeting["lost"] as? Int == 1 && meeting.string("lost_share") == "1.0000")
        let text = try s.ok("report").stdout
        #expect(text.contains("lost 0 of 2 (0 %)") && text.contains("stuck 2 of 2 (100 %)"), "\(text)")
        #expect(text.contains("The limping stage: Follow-up (2 of 2 leaked: lost or stuck)"))
        #expect(try s.ok("report", "--deals", "late:follow-up").stdout.split(separator: "\n").count == 2)
        #expect(try s.ok("report", "--deals", "in:meeting").stdout.split(separator: "\n").count == 1)
    }

    @Test func goalsAreSetListedReportedAndRemoved() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try forecastTeam(s)
        let id = try s.add("Call me", "--owner", "rita", user: "rita")
        try s.ok("log", id, "reached", user: "rita")
        try s.ok("log", id, "email", user: "rita")
        #expect(
            try s.ok("goals", "set", "--team", "--month", "2026-11", "--won-value", "200,000").stdout
                .contains("goal set: the team, 2026-11, won_value 200000.00"))
        try s.ok("goals", "set", "--seller", "rita", "--month", "2026-11", "--activities", "10")
        try s.ok("goals", "set", "--seller", "sam", "--month", "2026-11", "--won-deals", "3")
        try s.ok("goals", "set", "--team", "--month", "2026-12", "--won-deals", "5")
        let goals = try jsonArray(try s.ok("goals", "list", "--json").stdout)
        #expect(goals.count == 3)
        let team = try #require(goals.first { $0.isNull("seller") })
        #expect(team.string("month") == "2026-11" && team.string("kind") == "won_value" && team.string("target") == "200000.00")
        #expect(team.string("actual") == "50000.00" && team.string("gap") == "150000.00" && team["days_left"] as? Int == 7)
        let rita = try #require(goals.first { $0.string("seller") == "rita" })
        #expect(rita["target"] as? Int == 10 && rita["actual"] as? Int == 2 && rita["gap"] as? Int == 8)
        let sam = try #require(goals.first { $0.string("seller") == "sam" })
        #expect(sam["actual"] as? Int == 1 && sam["gap"] as? Int == 2)
        #expect(try jsonArray(try s.ok("goals", "list", "--month", "2026-12", "--json").stdout).first?["days_left"] as? Int == 31)
        // A rep lists the team's goals and their own.
        #expect(try jsonArray(try s.ok("goals", "list", "--json", user: "rita").stdout).count == 2)
        let report = try jsonObject(try s.ok("report", "--format", "json").stdout)
        #expect((report["goals"] as? [[String: Any]])?.count == 3)
        let text = try s.ok("report").stdout
        #expect(text.contains("Goals for 2026-11") && text.contains("₪150,000"))
        let file = s.dataDir + "/goals.json"
        #expect(fileMode(file).map { $0 & 0o777 } == 0o600)
        try s.ok("goals", "remove", "--seller", "rita", "--month", "2026-11")
        #expect(try jsonArray(try s.ok("goals", "list", "--json").stdout).count == 2)
        try s.ok("goals", "remove", "--team", "--month", "2026-12", "--kind", "won_deals")
        let none = try s.run("goals", "remove", "--team", "--month", "2026-12")
        #expect(none.status == Exit.refused && none.stderr.contains("there is no goal for the team in 2026-12"), "\(none)")
    }

    @Test func badGoalsAreRefusedAndWriteNothing() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("goals", "set", "--team", "--month", "2026-11", "--won-deals", "4")
        let file = s.dataDir + "/goals.json"
        let before = s.bytes(file)
        let cases: [([String], String?, Int32, String)] = [
            (["goals", "set", "--seller", "nobody", "--month", "2026-11", "--won-deals", "3"], nil, Exit.usage, "nobody is not on the team"),
            (["goals", "set", "--team", "--month", "2026-11", "--won-value", "-5"], nil, Exit.refused, "cannot be negative"),
            (["goals", "set", "--team", "--month", "2026-11", "--won-deals", "-1"], nil, Exit.refused, "cannot be negative"),
            (["goals", "set", "--team", "--month", "2026-13", "--won-deals", "3"], nil, Exit.usage, "is not a month; write it YYYY-MM"),
            (["goals", "set", "--team", "--month", "Nov", "--won-deals", "3"], nil, Exit.usage, "is not a month"),
            (["goals", "set", "--team", "--month", "2026-11", "--won-deals", "3", "--activities", "4"], nil, Exit.usage, "give one of"),
            (["goals", "set", "--team", "--month", "2026-11"], nil, Exit.usage, "give one of"),
            (
                ["goals", "set", "--team", "--seller", "rita", "--month", "2026-11", "--won-deals", "3"], nil, Exit.usage,
                "--seller ACCOUNT or --team"
            ),
            (["goals", "set", "--team", "--won-deals", "3"], nil, Exit.usage, "--month YYYY-MM is required"),
            (["goals", "set", "--team", "--month", "2026-11", "--won-deals", "2.5"], nil, Exit.usage, "not a whole number"),
            (["goals", "set", "--team", "--month", "2026-11", "--won-value", "1.005"], nil, Exit.usage, "is not a number"),
            (["goals", "set", "--team", "--month", "2026-11", "--won-deals", "3"], "rita", Exit.refused, "only a manager can set or remove goals"),
            (["goals", "remove", "--team", "--month", "2026-11"], "rita", Exit.refused, "only a manager"),
            (
                ["goals", "remove", "--team", "--month", "2026-11", "--kind", "money"], nil, Exit.usage,
                "--kind “money” must be one of won_value, won_deals, activities"
            ),
            (["goals", "list", "--seller", "rita"], nil, Exit.usage, "does not go with list"),
            (["goals", "sett"], nil, Exit.usage, "did you mean set?"),
        ]
        for (words, user, code, text) in cases {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(user: user), scratch: s.root)
            #expect(result.status == code && result.stderr.contains(text), "\(words): \(result)")
            #expect(s.bytes(file) == before, "\(words) wrote nothing")
        }
        // A goals.json that cannot be read is named, left as it is, and explained by doctor.
        try Data("{\"schema\": 1, \"goals\": [{\"month\": \"2026-11\"}]}".utf8).write(to: URL(fileURLWithPath: file))
        let broken = s.bytes(file)
        let list = try s.run("goals", "list")
        #expect(list.status == Exit.data && list.stderr.contains(file), "\(list)")
        let set = try s.run("goals", "set", "--team", "--month", "2026-11", "--won-deals", "3")
        #expect(set.status == Exit.data && s.bytes(file) == broken, "\(set)")
        let doctor = try s.run("doctor")
        #expect(doctor.stdout.contains("goals.json") || doctor.stderr.contains("goals.json"), "\(doctor)")
    }
}
