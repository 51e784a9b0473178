import Foundation
import Testing

@Suite("funnel move")
struct MoveTests {
    @Test func byStageIdOrDisplayNameCaseInsensitively() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        let result = try s.ok("move", id, "meeting")
        #expect(result.output == "moved \(id) from New inquiry to Meeting / quote")
        #expect(try s.deal(id).string("stage") == "meeting")
        try s.ok("move", id, "POST-MEETING / Onboarding")
        #expect(try s.deal(id).string("stage") == "onboarding")
        try s.ok("move", String(id.prefix(5)).uppercased(), "New Inquiry")
        #expect(try s.deal(id).string("stage") == "new")
    }

    /// Runs a move that a rule must refuse, and checks that nothing on disk changed.
    func expectRefused(
        _ s: Sandbox, _ id: String, _ arguments: String..., user: String? = nil, mentions: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let file = try #require(s.dealFile(id), sourceLocation: sourceLocation)
        let before = s.bytes(file)
        let result = try runProgram(
            FunnelBinary.path, ["move", id] + arguments, environment: s.environment(user: user),
            scratch: s.root)
        #expect(result.status == Exit.refused, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentions), "\(result)", sourceLocation: sourceLocation)
        #expect(s.bytes(file) == before, "the deal file changed", sourceLocation: sourceLocation)
        #expect(s.dealFile(id) == file, sourceLocation: sourceLocation)
    }

    @Test func r6FollowUpNeedsANextActionAndProposesTwoDaysOut() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        try expectRefused(s, id, "follow-up", mentions: "2026-11-26")
        try s.ok("move", id, "follow-up", "--next", "+2d", "--what", "Call back")
        let deal = try s.deal(id)
        #expect(deal.string("stage") == "follow-up")
        #expect(deal.string("next_action_date") == "2026-11-26")
        #expect(deal.string("next_action") == "Call back")
    }

    @Test func r6TheProposalFollowsFunnelNow() throws {
        let s = try Sandbox(now: "2027-02-27T12:00:00Z")
        defer { s.remove() }
        try s.initialize()
        let id = try s.add("Leap")
        try expectRefused(s, id, "follow-up", mentions: "2027-03-01")
    }

    @Test(arguments: [
        ("today", "2026-11-24"), ("tomorrow", "2026-11-25"), ("yesterday", "2026-11-23"), ("+2d", "2026-11-26"),
        ("-1w", "2026-11-17"), ("+1w", "2026-12-01"), ("2027-01-15", "2027-01-15"),
        ("2026-12-24T10:00:00Z", "2026-12-24"), ("m", "2026-11-25"), ("+3", "2026-11-27"), ("fri", "2026-11-27"),
    ])
    func relativeAndAbsoluteDates(typed: String, expected: String) throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Dated")
        try s.ok("move", id, "follow-up", "--next", typed)
        #expect(try s.deal(id).string("next_action_date") == expected)
    }

    @Test func aBadDateIsAUsageError() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        for typed in ["someday", "2026-02-30", "+2x"] {
            let result = try s.run("move", id, "follow-up", "--next", typed)
            #expect(result.status == Exit.usage, "\(result)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try s.deal(id).string("stage") == "new")
    }

    @Test func r7LostNeedsAListedReason() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        try expectRefused(s, id, "not-relevant", mentions: "Chose a competitor")
        try expectRefused(s, id, "Not relevant", "--reason", "Aliens", mentions: "Aliens")
        try s.ok("move", id, "not-relevant", "--reason", "chose a COMPETITOR")
        let deal = try s.deal(id)
        #expect(deal.string("stage") == "not-relevant")
        #expect(deal.string("lost_reason") == "Chose a competitor")
        // A reason only goes with a lost stage.
        let misplaced = try s.run("move", id, "meeting", "--reason", "Price")
        #expect(misplaced.status == Exit.usage, "\(misplaced)")
        // Reopening clears the reason; lost deals stay findable meanwhile.
        #expect(try s.list("--stage", "not-relevant").count == 1)
        try s.ok("move", id, "meeting")
        #expect(try s.deal(id).isNull("lost_reason"))
    }

    @Test func r8WonNeedsAValue() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        try expectRefused(s, id, "customer", mentions: "value")
        try s.ok("move", id, "Customer", "--value", "12,500")
        let deal = try s.deal(id)
        #expect(deal.string("stage") == "customer" && deal.string("value") == "12500.00")
        let valued = try s.add("Has a value", "--value", "5")
        try s.ok("move", valued, "customer")
    }

    @Test func r15ARepCannotMoveAnotherRepsDeal() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let (id, file, before) = try s.addWatched("Sam's", "--owner", "sam")
        let refused = try s.run("move", id, "meeting", user: "rita")
        // To rita, sam's deal is an unknown id: nothing about it is told (SharedDirectoryPrivacyTests).
        #expect(refused.status == Exit.notFound && !refused.stderr.contains("Sam"), "\(refused)")
        #expect(s.bytes(file) == before)
        try s.ok("move", id, "meeting", user: "sam")
        try s.ok("move", id, "onboarding", user: "boss")
        #expect(try s.deal(id).string("owner") == "sam")
    }

    @Test func aRepTakesAnInboxDealByMovingIt() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Web lead", "--stage", "unsorted")
        #expect(s.dealFile(id) == s.dataDir + "/inbox/\(id).json")
        try s.ok("move", id, "new", user: "rita")
        #expect(try s.deal(id).string("owner") == "rita")
        #expect(s.dealFile(id) == s.dataDir + "/deals/rita/\(id).json")
        #expect(!FileManager.default.fileExists(atPath: s.dataDir + "/inbox/\(id).json"))
    }

    @Test func historyRecordsWhoWhenFromTo() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar", "--owner", "rita")
        try s.ok("move", id, "meeting", user: "rita", now: "2026-11-25T08:30:00Z")
        try s.ok("move", id, "follow-up", "--next", "+2d", user: "boss", now: "2026-11-27T16:00:00Z")
        let deal = try s.deal(id)
        let history = try #require(deal["history"] as? [[String: Any]])
        #expect(history.count == 3)
        #expect(history.last?.string("at") == "2026-11-27T16:00:00Z")
        #expect(history.last?.string("by") == "boss")
        #expect(history.last?.string("from") == "meeting")
        #expect(history.last?.string("to") == "follow-up")
        #expect(history[1].string("by") == "rita" && history[1].string("at") == "2026-11-25T08:30:00Z")
        #expect(deal.string("next_action_date") == "2026-11-29", "relative to that call's FUNNEL_NOW")
        #expect(deal.string("stage_entered") == "2026-11-27T16:00:00Z")
        #expect(deal["revision"] as? Int == 3)
    }

    @Test func mistakes() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        let same = try s.run("move", id, "new")
        #expect(same.status == Exit.refused && same.stderr.contains("already"), "\(same)")
        let unknownStage = try s.run("move", id, "heaven")
        #expect(unknownStage.status == Exit.usage && unknownStage.stderr.contains("follow-up"), "\(unknownStage)")
        let unknownDeal = try s.run("move", "zzzzzzzz", "meeting")
        #expect(unknownDeal.status == Exit.notFound, "\(unknownDeal)")
        let missing = try s.run("move", id)
        #expect(missing.status == Exit.usage && missing.stderr.contains("STAGE"), "\(missing)")
        for result in [same, unknownStage, unknownDeal, missing] { #expect(result.stdout.isEmpty) }
    }
}

@Suite("funnel edit and assign")
struct EditAssignTests {
    @Test func editChangesFields() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        let result = try s.ok(
            "edit", id, "--title", "Solar roof", "--company", "Acme", "--contact", "Dana", "--phone",
            "03-1234567", "--email", "d@acme.test", "--value", "99.90", "--currency", "eur",
            "--next", "tomorrow", "--what", "Send quote", "--notes", "multi\nline")
        #expect(result.output == "updated \(id)")
        let deal = try s.deal(id)
        #expect(deal.string("title") == "Solar roof")
        #expect(deal.string("company") == "Acme")
        #expect(deal.string("contact") == "Dana")
        #expect(deal.string("phone") == "03-1234567")
        #expect(deal.string("email") == "d@acme.test")
        #expect(deal.string("value") == "99.90")
        #expect(deal.string("currency") == "EUR")
        #expect(deal.string("next_action_date") == "2026-11-25")
        #expect(deal.string("next_action") == "Send quote")
        #expect(deal.string("notes") == "multi\nline")
        #expect((deal["history"] as? [Any])?.count == 1, "edits are not stage changes")
        try s.ok("edit", id, "--value", "none", "--next", "none")
        let cleared = try s.deal(id)
        #expect(cleared.isNull("value") && cleared.isNull("next_action_date"))
    }

    @Test func editIsCheckedByTheRules() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let (id, file, before) = try s.addWatched("Solar", "--stage", "follow-up", "--next", "+1d")
        for args in [["--next", "none"], ["--title", "  "]] {
            let result = try runProgram(FunnelBinary.path, ["edit", id] + args, environment: s.environment(), scratch: s.root)
            #expect(result.status == Exit.refused, "\(result)")
        }
        let notRitas = try s.run("edit", id, "--company", "Mine", user: "rita")
        #expect(notRitas.status == Exit.notFound, "another rep's deal is an unknown id: \(notRitas)")
        #expect(s.bytes(file) == before)
        let nothing = try s.run("edit", id)
        #expect(nothing.status == Exit.usage, "\(nothing)")
        #expect(try s.run("edit", id, "--currency", "EURO").status == Exit.usage)
        #expect(try s.run("edit", id, "--value", "-1").status == Exit.usage)
        #expect(try s.run("edit", "zzzzzzzz", "--title", "x").status == Exit.notFound)
        #expect(s.bytes(file) == before)
    }

    @Test func editOwnerIsAllOrNothing() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let (id, file, before) = try s.addWatched("Rita's", "--owner", "rita")
        let refused = try s.run("edit", id, "--company", "Changed", "--owner", "sam", user: "rita")
        #expect(refused.status == Exit.refused, "\(refused)")
        #expect(s.bytes(file) == before, "the allowed half must not be saved either")
        try s.ok("edit", id, "--company", "Changed", "--owner", "sam")
        #expect(try s.deal(id).string("owner") == "sam")
        #expect(try s.deal(id).string("company") == "Changed")
        #expect(s.dealFile(id) == s.dataDir + "/deals/sam/\(id).json")
        #expect(try s.run("edit", id, "--owner", "ghost").status == Exit.usage)
    }

    @Test func assignMovesTheDealToItsNewOwner() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Lead", "--stage", "unsorted")
        let result = try s.ok("assign", id, "rita")
        #expect(result.output == "assigned \(id) to rita")
        #expect(try s.deal(id).string("owner") == "rita")
        #expect(s.dealFile(id) == s.dataDir + "/deals/rita/\(id).json")
        try s.ok("assign", id, "sam")
        #expect(s.dealFile(id) == s.dataDir + "/deals/sam/\(id).json")
        #expect(!FileManager.default.fileExists(atPath: s.dataDir + "/deals/rita/\(id).json"))
        #expect(try s.list("--owner", "sam").compactMap { $0.string("id") } == [id])
    }

    @Test func onlyManagersAssignToOthers() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let (id, file, before) = try s.addWatched("Rita's", "--owner", "rita")
        let refused = try s.run("assign", id, "sam", user: "rita")
        #expect(refused.status == Exit.refused, "\(refused)")
        #expect(refused.stdout.isEmpty)
        #expect(s.bytes(file) == before)
        #expect(try s.run("assign", id, "ghost").status == Exit.usage)
        #expect(try s.run("assign", "zzzzzzzz", "sam").status == Exit.notFound)
        #expect(try s.run("assign", id).status == Exit.usage)
        #expect(s.bytes(file) == before)
    }
}
