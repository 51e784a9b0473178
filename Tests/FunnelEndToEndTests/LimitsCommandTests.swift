import Foundation
import Testing

/// A hostile (or careless) teammate cannot save a value the others' funnel would refuse to
/// read: past a limit the command exits 3 naming the limit, writes nothing, and everyone's
/// `list`, `report` and `today` keep working.
@Suite("Limits (command line)") struct LimitsCommandTests {
    /// `list`, `report` and `today` all succeed, for the manager and a rep.
    static func teamStillWorks(
        _ box: Sandbox, env: [String: String] = [:], now: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let runs = [
            ("boss", ["list", "--all"]), ("boss", ["report"]), ("boss", ["today", "--all"]),
            ("rita", ["list"]), ("rita", ["today"]),
        ]
        for (user, command) in runs {
            let result = try runProgram(
                FunnelBinary.path, command, environment: box.environment(user: user, now: now, extra: env),
                scratch: box.root)
            #expect(result.ok, "\(user): \(command.joined(separator: " ")): \(result)", sourceLocation: sourceLocation)
        }
    }

    @Test func aValuePastTheLargestIsRefusedAndTheTeamStillWorks() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let refused = try box.run("add", "x", "--value", "100000000000000000")
        #expect(refused.status == Exit.refused)
        #expect(refused.stderr.contains("cannot be more than 99,999,999,999,999,999.99"))
        let grouped = try box.run("add", "x", "--value", "100,000,000,000,000,000")
        #expect(grouped.status == Exit.refused)
        #expect(try box.list("--all").isEmpty)
        let id = try box.add("Largest", "--value", "99999999999999999.99")
        #expect(try box.deal(id).string("value") == "99999999999999999.99")
        let edit = try box.run("edit", id, "--value", "100000000000000000")
        #expect(edit.status == Exit.refused)
        #expect(try box.deal(id).string("value") == "99999999999999999.99")
        try Self.teamStillWorks(box)
    }

    @Test func aNextActionPastTheLastDayIsRefusedAndTheTeamStillWorks() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Due late", "--next", "9999-12-31")
        let east = ["TZ": "Asia/Tokyo"], late = "9999-12-31T23:00:00Z"  // already 10000-01-01 in Tokyo
        let add = try box.run("add", "y", "--next", "+2d", now: late, env: east)
        #expect(add.status == Exit.refused, "\(add)")
        #expect(add.stderr.contains("10000-01-03 is outside 1970-01-01 … 9999-12-31"))
        let log = try box.run("log", id, "no-answer", now: late, env: east)  // proposes tomorrow: 10000-01-02
        #expect(log.status == Exit.refused, "\(log)")
        #expect(log.stderr.contains("10000-01-02 is outside"))
        let early = try box.run("add", "z", "--next", "1969-12-31")
        #expect(early.status == Exit.refused)
        #expect(try box.list("--all").count == 1)
        try Self.teamStillWorks(box, env: east, now: late)
        try Self.teamStillWorks(box)
    }

    @Test(arguments: ["2026-01-01T25:00", "2026-13-01", "2026-01-32", "2026-02-30", "2026-02-30T10:00:00Z", "2026-01-01T23:60"])
    func impossibleDatesAreUsageErrors(date: String) throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let result = try box.run("add", "x", "--next", date)
        #expect(result.status == Exit.usage, "\(result)")
        #expect(result.stderr.contains("is not a date"))
    }

    @Test func anImpossibleClockIsAUsageError() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        for now in ["2026-11-24T25:00:00Z", "2026-02-30T09:00:00Z", "2026-13-01T09:00:00Z"] {
            #expect(try box.run("list", now: now).status == Exit.usage, "\(now)")
        }
    }

    @Test func everyTextFieldHasItsLimit() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Deal", "--company", String(repeating: "ש", count: 500))
        let file = try #require(box.dealFile(id))
        let before = box.bytes(file)
        let cases: [([String], String)] = [
            (["add", String(repeating: "x", count: 501)], "title is longer than 500 characters"),
            (["edit", id, "--company", String(repeating: "x", count: 501)], "company is longer than 500 characters"),
            (["edit", id, "--contact", String(repeating: "x", count: 501)], "contact is longer than 500 characters"),
            (["edit", id, "--phone", String(repeating: "1", count: 501)], "phone is longer than 500 characters"),
            (["edit", id, "--email", String(repeating: "x", count: 501)], "email is longer than 500 characters"),
            (["edit", id, "--notes", String(repeating: "x", count: 20_001)], "notes is longer than 20000 characters"),
            (["edit", id, "--next", "+1d", "--what", String(repeating: "x", count: 501)], "next action is longer than 500"),
            (["log", id, "note", "--note", String(repeating: "a", count: 100_000)], "activity note is longer than 8000 characters"),
            (["edit", id, "--installments", "121"], "use 1 to 120"),
            (["edit", id, "--installments", "0", "--payment-method", "cheques"], "use 1 to 120"),
        ]
        for (arguments, message) in cases {
            let result = try runProgram(FunnelBinary.path, arguments, environment: box.environment(), scratch: box.root)
            #expect(result.status == Exit.refused, "\(arguments.prefix(3)): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments.prefix(3)): \(result.stderr)")
        }
        #expect(box.bytes(file) == before)
        try box.ok("log", id, "note", "--note", String(repeating: "a", count: 8_000))
        let inbox = try box.add("Lead", "--stage", "unsorted")
        let reject = try box.run("reject", inbox, "--reason", String(repeating: "x", count: 501))
        #expect(reject.status == Exit.refused)
        #expect(reject.stderr.contains("lost reason is longer than 500 characters"))
        try Self.teamStillWorks(box)
    }

    @Test func aLeadAtEveryLimitCapturedTwiceIsLoggedOnItsDeal() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let name = String(repeating: "n", count: 500), email = String(repeating: "e", count: 488) + "@example.com"
        let row = [name, "050-1234567", email, String(repeating: "s", count: 500), String(repeating: "w", count: 5_000)]
        let file = box.root + "/leads.csv"
        try Data(("name,phone,email,source,note\n" + row.joined(separator: ",") + "\n").utf8)
            .write(to: URL(fileURLWithPath: file))
        let first = try box.ok("capture", file)
        let second = try box.ok("capture", file)
        #expect(second.stderr.contains("matches deal \(first.output)"))
        let activities = try #require(try box.deal(first.output)["activities"] as? [[String: Any]])
        #expect(activities.count == 1)
        let source = try box.run("capture", file, "--source", String(repeating: "s", count: 501))
        #expect(source.status == Exit.refused)
        #expect(source.stderr.contains("source is longer than 500 characters"))
        try Self.teamStillWorks(box)
    }

    @Test func aRevisionAtIntMaxIsADataErrorNotACrash() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Hostile", "--owner", "rita")
        let file = try #require(box.dealFile(id))
        try editJSON(file) { object in
            var deal = object["deal"] as? [String: Any] ?? [:]
            deal["revision"] = Int.max
            object["deal"] = deal
        }
        let hostile = box.bytes(file)
        for arguments in [["edit", id, "--title", "x"], ["log", id, "busy"], ["list", "--all"], ["report"], ["today"]] {
            let result = try runProgram(FunnelBinary.path, arguments, environment: box.environment(), scratch: box.root)
            // A single deal is a data error; the team's lists skip it with a warning naming it.
            let skips = ["list", "report", "today"].contains(arguments[0])
            #expect(!result.signaled && result.status == (skips ? Exit.ok : Exit.data), "\(arguments[0]): \(result)")
            #expect(result.stderr.contains(file), "\(arguments[0]) names the file: \(result.stderr)")
            #expect(result.stderr.contains("revision \(Int.max) is outside 1 … 1000000000"))
        }
        #expect(box.bytes(file) == hostile)
    }
}
