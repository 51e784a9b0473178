import Foundation
import Testing

/// The working day from the command line: log, today, capture, accept, assign, reject, flags.
@Suite("Working the day (command line)") struct WorkDayCommandTests {
    @Test func logRecordsTheOutcomeAndProposesTheNextCall() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Lead", "--owner", "rita", "--phone", "054-1234567")
        let before = try box.deal(id)
        let result = try box.ok("log", id, "no-answer", "--note", "voicemail", user: "rita")
        #expect(result.stdout.contains("next action 2026-11-25"))
        #expect(result.stderr.contains("email"))
        let after = try box.deal(id)
        #expect(after.string("stage") == before.string("stage"))
        #expect(after.string("next_action_date") == "2026-11-25")
        #expect(after["attempts"] as? Int == 1)
        let activities = try #require(after["activities"] as? [[String: Any]])
        #expect(activities.count == 1)
        #expect(activities[0].string("kind") == "call")
        #expect(activities[0].string("outcome") == "no-answer")
        #expect(activities[0].string("note") == "voicemail")
        #expect(activities[0].string("by") == "rita")
        #expect((after["flags"] as? [String])?.contains("email-due") == true)

        try box.ok("log", id, "email", user: "rita")
        #expect((try box.deal(id)["flags"] as? [String])?.contains("email-due") == false)
        try box.ok("log", id, "reached", "--next", "2026-12-01", "--what", "Send quote", user: "rita")
        let reached = try box.deal(id)
        #expect(reached.string("next_action_date") == "2026-12-01")
        #expect(reached.string("next_action") == "Send quote")
        #expect(reached["attempts"] as? Int == 0)
    }

    @Test func logRefusesBadOutcomesAndOtherRepsDeals() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Lead", "--owner", "rita")
        let bad = try box.run("log", id, "no-anwser")
        #expect(bad.status == Exit.usage)
        #expect(bad.stderr.contains("did you mean no-answer"))
        let file = try #require(box.dealFile(id))
        let bytes = box.bytes(file)
        let refused = try box.run("log", id, "busy", user: "sam")
        #expect(refused.status == Exit.notFound, "another rep's deal is an unknown id: \(refused)")
        #expect(box.bytes(file) == bytes)
    }

    @Test func sixUnansweredAttemptsSuggestClosingAsUnreachable() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Hard to reach", "--owner", "rita", "--phone", "0541112222")
        for _ in 0..<5 { try box.ok("log", id, "no-answer", user: "rita") }
        #expect((try box.deal(id)["flags"] as? [String])?.contains("unreachable") == false)
        let sixth = try box.ok("log", id, "busy", user: "rita")
        #expect(sixth.stderr.contains("unreachable"))
        let listed = try box.list("--flag", "unreachable", user: "rita")
        #expect(listed.map { $0.string("id") } == [id])
        try box.ok("move", id, "not-relevant", "--reason", "Unreachable", user: "rita")
    }

    @Test func todayListsTheThreeGroupsInOrder() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        // Yesterday: a lead that did not answer, then reached deals.
        let yesterday = "2026-11-23T10:00:00Z"
        let unanswered = try box.add("Unanswered", "--owner", "rita", "--stage", "meeting", "--next", "2026-11-28", now: yesterday)
        try box.ok("log", unanswered, "reached", "--next", "2026-11-28", user: "rita", now: "2026-11-22T10:00:00Z")
        try box.ok("log", unanswered, "no-answer", "--next", "2026-11-28", user: "rita", now: yesterday)
        let small = try box.add("Small due", "--owner", "rita", "--stage", "meeting", "--value", "100", "--next", "today")
        let big = try box.add("Big overdue", "--owner", "rita", "--stage", "meeting", "--value", "9000", "--next", "2026-11-20")
        for id in [small, big] { try box.ok("log", id, "reached", "--next", id == big ? "2026-11-20" : "today", user: "rita") }
        let lead = try box.add("Fresh lead", "--owner", "rita")
        let later = try box.add("Not yet", "--owner", "rita", "--stage", "meeting", "--next", "2026-12-10")
        try box.ok("log", later, "reached", "--next", "2026-12-10", user: "rita")

        let result = try box.ok("today", "--json", user: "rita")
        let entries = try jsonArray(result.stdout)
        #expect(entries.map { $0.string("id") } == [lead, big, small, unanswered])
        #expect(entries.map { $0.string("group") } == ["new-lead", "due", "due", "no-answer-yesterday"])
        let text = try box.ok("today", user: "rita").stdout
        #expect(text.contains("New leads nobody has spoken to (1)"))
        #expect(text.contains("Follow-ups due today (2)"))
        #expect(text.contains("No answer yesterday (1)"))
        // A rep cannot see everyone's list.
        #expect(try box.run("today", "--all", user: "rita").status == Exit.refused)
    }

    @Test func captureCSVWithBOMKeepsGoodRecordsAndReportsBadLines() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let existing = try box.add("Existing", "--owner", "rita", "--phone", "054-7654321")
        let csv =
            "\u{FEFF}name,company,phone,email,source,note\n"
            + "יוסי כהן,כרמל תוכנה,050-1111111,,web,\"שלום, עולם\"\n"
            + "ليلى حداد,شركة النور,,layla@example.com,form,\n"
            + "No way to reach,,,,web,\n"
            + "Again,,+972 54 765 4321,,phone,second call\n"
        let path = box.root + "/leads.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let result = try box.run("capture", path)
        #expect(result.status == Exit.usage)
        #expect(result.stderr.contains("line 4:"))
        #expect(result.stderr.contains("matches deal \(existing)"))
        let ids = result.output.split(separator: "\n").map(String.init)
        #expect(ids.count == 2)
        let hebrew = try box.deal(ids[0])
        #expect(hebrew.string("title") == "יוסי כהן")
        #expect(hebrew.string("company") == "כרמל תוכנה")
        #expect(hebrew.string("stage") == "unsorted")
        #expect(hebrew.isNull("owner"))
        #expect(hebrew.string("source") == "web")
        #expect(hebrew.string("notes") == "שלום, עולם")
        #expect(try box.deal(ids[1]).string("company") == "شركة النور")
        let attached = try #require(try box.deal(existing)["activities"] as? [[String: Any]])
        #expect(attached.last?.string("kind") == "lead")
        // Reps see unassigned inbox leads.
        #expect(Set(try box.list("--stage", "unsorted", user: "sam").compactMap { $0.string("id") }) == Set(ids))
    }

    @Test func captureJSONLinesAndRefusesAMalformedInputWhole() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let lines = #"{"name": "Ruth", "phone": "054-2223333", "source": "web"}"# + "\n" + #"{"name": "Bad", "colour": "red"}"# + "\n"
        let path = box.root + "/leads.jsonl"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
        let result = try box.run("capture", path)
        #expect(result.status == Exit.usage)
        #expect(result.stderr.contains("line 2: unknown field"))
        #expect(result.output.split(separator: "\n").count == 1)

        let broken = box.root + "/broken.csv"
        try Data("name,phone\n\"never closed,0541234567\n".utf8).write(to: URL(fileURLWithPath: broken))
        let before = try box.list("--all").count
        let refused = try box.run("capture", broken)
        #expect(refused.status == Exit.usage)
        #expect(refused.stderr.contains("never closed"))
        #expect(try box.list("--all").count == before)
    }

    @Test func acceptAssignReject() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let a = try box.add("Lead A", "--stage", "unsorted")
        let b = try box.add("Lead B", "--stage", "unsorted")
        let c = try box.add("Lead C", "--stage", "unsorted")
        try box.ok("accept", a, user: "rita")
        let accepted = try box.deal(a)
        #expect(accepted.string("owner") == "rita")
        #expect(accepted.string("stage") == "new")
        #expect(try box.run("accept", a, user: "sam").status == Exit.notFound, "rita's deal is an unknown id to sam")
        // Assigning is for managers.
        #expect(try box.run("assign", b, "sam", user: "rita").status == Exit.refused)
        try box.ok("assign", b, "sam")
        #expect(try box.deal(b).string("owner") == "sam")
        #expect(try box.run("reject", c, user: "rita").status == Exit.usage)
        try box.ok("reject", c, "--reason", "spam", user: "rita")
        let rejected = try box.deal(c)
        #expect(rejected.string("stage_kind") == "lost")
        #expect(rejected.string("lost_reason") == "spam")
    }

    @Test func paymentTermsAndCallStepsFromTheCommandLine() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Deal", "--owner", "rita")
        try box.ok("edit", id, "--tick", "rapport,discovery", "--payment-method", "bank-transfer", user: "rita")
        var deal = try box.deal(id)
        #expect(deal["call_steps"] as? [String] == ["rapport", "discovery"])
        let terms = try #require(deal["payment_terms"] as? [String: Any])
        #expect(terms["installments"] as? Int == 12)
        #expect(terms.string("method") == "bank-transfer")
        try box.ok("edit", id, "--untick", "rapport", "--installments", "6", user: "rita")
        deal = try box.deal(id)
        #expect(deal["call_steps"] as? [String] == ["discovery"])
        #expect((deal["payment_terms"] as? [String: Any])?["installments"] as? Int == 6)
        let file = try #require(box.dealFile(id))
        let bytes = box.bytes(file)
        #expect(try box.run("edit", id, "--installments", "0", user: "rita").status == Exit.refused)
        #expect(try box.run("edit", id, "--tick", "smalltalk", user: "rita").status == Exit.usage)
        #expect(box.bytes(file) == bytes)
    }

    @Test func anEditWithManyFlagsIsOneRevisionOrNothing() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Deal", "--owner", "rita")
        try box.ok("edit", id, "--notes", "met", "--tick", "closing", "--payment-method", "cheques", "--installments", "3", user: "rita")
        let deal = try box.deal(id)
        #expect(deal["revision"] as? Int == 2 && deal.string("notes") == "met")
        #expect((deal["payment_terms"] as? [String: Any])?["installments"] as? Int == 3)
        let file = try #require(box.dealFile(id))
        let bytes = box.bytes(file)
        let refused = try box.run("edit", id, "--notes", "changed", "--installments", "500", user: "rita")
        #expect(refused.status == Exit.refused && refused.stderr.contains("500"))
        #expect(box.bytes(file) == bytes, "the notes are not saved without the installments")
    }
}
