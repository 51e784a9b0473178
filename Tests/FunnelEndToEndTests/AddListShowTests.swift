import Foundation
import FunnelCore
import Testing

@Suite("funnel add")
struct AddTests {
    @Test func addPrintsOnlyTheNewId() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try s.ok("add", "Solar panels")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == result.output + "\n")
        #expect(result.output.count == DealID.length)
        #expect(result.output.allSatisfy { DealID.alphabet.contains($0) })
        let deal = try s.deal(result.output)
        #expect(deal.string("title") == "Solar panels")
        #expect(deal.string("stage") == "new")
        #expect(deal.string("owner") == "boss")
        #expect(deal.isNull("value"))
        #expect(deal.string("currency") == "ILS")
        #expect(deal.string("created") == "2026-11-24T09:00:00Z")
        let file = try #require(s.dealFile(result.output))
        #expect(file == s.dataDir + "/deals/boss/\(result.output).json")
        #expect(fileMode(file) == 0o600)
        #expect(fileMode(s.dataDir + "/deals/boss") == 0o700)
    }

    @Test func everyFieldIsStored() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add(
            "מערכת סולארית", "--company", "شركة النور", "--contact", "Ahmad", "--phone", "050-1234567",
            "--email", "a@example.com", "--value", "12,500.50", "--currency", "usd", "--stage",
            "Meeting / QUOTE", "--owner", "rita", "--notes", "first call went well")
        let deal = try s.deal(id)
        #expect(deal.string("title") == "מערכת סולארית")
        #expect(deal.string("company") == "شركة النور")
        #expect(deal.string("contact") == "Ahmad")
        #expect(deal.string("phone") == "050-1234567")
        #expect(deal.string("email") == "a@example.com")
        #expect(deal.string("value") == "12500.50")
        #expect(deal.string("currency") == "USD")
        #expect(deal.string("stage") == "meeting")
        #expect(deal.string("owner") == "rita")
        #expect(deal.string("notes") == "first call went well")
        #expect(s.dealFile(id) == s.dataDir + "/deals/rita/\(id).json")
    }

    @Test func addIntoTheInboxHasNoOwner() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Web form lead", "--stage", "unsorted")
        let deal = try s.deal(id)
        #expect(deal.isNull("owner"))
        #expect(s.dealFile(id) == s.dataDir + "/inbox/\(id).json")
    }

    @Test func aRepAddingForSomeoneElseIsRefused() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try s.run("add", "Sam's lead", "--owner", "sam", user: "rita")
        #expect(result.status == Exit.refused, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("manager"))
        #expect(try s.list("--all").isEmpty)
        let own = try s.add("Rita's lead", "--owner", "rita", user: "rita")
        #expect(try s.deal(own).string("owner") == "rita")
    }

    @Test func rulesApplyWhenAdding() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let r6 = try s.run("add", "Straight to follow-up", "--stage", "follow-up")
        #expect(r6.status == Exit.refused, "\(r6)")
        #expect(r6.stderr.contains("2026-11-26"))
        let r8 = try s.run("add", "Already won", "--stage", "customer")
        #expect(r8.status == Exit.refused, "\(r8)")
        let r7 = try s.run("add", "Already lost", "--stage", "not-relevant", "--reason", "aliens")
        #expect(r7.status == Exit.refused, "\(r7)")
        let empty = try s.run("add", "   ")
        #expect(empty.status == Exit.refused, "\(empty)")
        #expect(try s.list("--all").isEmpty)
        let next = try s.add("Follow-up with a date", "--stage", "follow-up", "--next", "tomorrow", "--what", "Call")
        #expect(try s.deal(next).string("next_action_date") == "2026-11-25")
        #expect(try s.deal(next).string("next_action") == "Call")
        let won = try s.add("Won", "--stage", "customer", "--value", "10")
        #expect(try s.deal(won).string("value") == "10.00")
        let lost = try s.add("Lost", "--stage", "not-relevant", "--reason", "no budget")
        #expect(try s.deal(lost).string("lost_reason") == "No budget")
    }

    @Test(arguments: [
        ["--value", "-5"], ["--value", "1e5"], ["--value", "1.234"], ["--value", "abc"],
        ["--stage", "heaven"], ["--next", "someday"], ["--what", "call"], ["--currency", "EURO"],
        ["--value"], ["--bogus", "x"],
    ])
    func badValuesAreUsageErrors(flags: [String]) throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try runProgram(FunnelBinary.path, ["add", "Deal"] + flags, environment: s.environment(), scratch: s.root)
        // Every one is a malformed command line (2), EURO included, as for edit and init.
        #expect(result.status == Exit.usage, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
        #expect(try s.list("--all").isEmpty)
    }

    @Test func anUnknownOwnerIsAUsageErrorAsDocumented() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try s.run("add", "Deal", "--owner", "ghost")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("ghost"))
        #expect(try s.list("--all").isEmpty)
        // docs/cli.md: exit 2 for an unknown user, as list --owner, assign and edit --owner do.
        #expect(try s.run("list", "--owner", "ghost").status == Exit.usage)
        #expect(result.status == Exit.usage, "\(result)")
    }

    @Test func flagSyntax() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let dashed = try s.add("--value=12500", "--", "-20% campaign")
        let deal = try s.deal(dashed)
        #expect(deal.string("title") == "-20% campaign")
        #expect(deal.string("value") == "12500.00")
        let twice = try s.run("add", "x", "--value", "1", "--value", "2")
        #expect(twice.status == Exit.usage && twice.stderr.contains("twice"), "\(twice)")
    }

    @Test func someoneNotOnTheTeamIsToldHowToJoin() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try s.run("add", "Deal", user: "stranger")
        #expect(result.status == Exit.refused, "\(result)")
        #expect(result.stderr.contains("funnel team add stranger"))
    }
}

@Suite("funnel list")
struct ListTests {
    /// From 500 deals `list` reads the cache's deals without their history (no list shows it),
    /// and its table without their activities too (it shows none of them): the same rows and the
    /// same JSON, to the byte, as from the deal files.
    @Test func theTableFromTheCacheEqualsTheTableFromTheFiles() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("demo", "--deals", "700", "--seed", "7")
        for arguments in [
            ["list", "--all"], ["list", "--all", "--sort", "value"], ["list", "--all", "--flag", "few-attempts"], ["list", "--all", "--json"],
        ] {
            try FileManager.default.removeItem(atPath: s.dataDir + "/cache")
            let fromFiles = try s.run(arguments)
            let fromCache = try s.run(arguments)
            #expect(fromFiles.ok && fromCache.ok && fromCache.stdout == fromFiles.stdout, "\(arguments)")
        }
    }

    /// A manager's `list` and `today` cover their own deals and the inbox: when those are empty,
    /// the message names `--all` (a rep's does not: they may not use it).
    @Test func aManagersEmptyListNamesAll() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        _ = try s.add("Roof", "--owner", "rita", "--next", "today")
        for command in [["list"], ["today"]] {
            let boss = try s.run(command)
            #expect(boss.ok && boss.stdout.isEmpty && boss.stderr.contains("--all shows every seller's"), "\(command) \(boss)")
            let rita = try s.run(command, user: "sam")
            #expect(rita.ok && !rita.stderr.contains("--all"), "\(command) \(rita)")
        }
        #expect(try s.list("--all").count == 1)
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar", "--company", "Acme", "--value", "99.9", "--next", "2026-12-01")
        let list = try s.list()
        #expect(list.count == 1)
        let deal = try #require(list.first)
        #expect(deal.string("id") == id)
        #expect(deal.string("title") == "Solar")
        #expect(deal.string("company") == "Acme")
        #expect(deal.string("stage") == "new")
        #expect(deal.string("owner") == "boss")
        #expect(deal.string("value") == "99.90")
        #expect(deal.string("currency") == "ILS")
        #expect(deal.string("next_action_date") == "2026-12-01")
        #expect(deal.string("created") == "2026-11-24T09:00:00Z")
        #expect(deal["history"] == nil, "history is for show")
        // A deal without value or next action has JSON nulls, not missing keys.
        _ = try s.add("Bare")
        let bare = try #require(try s.list().first { $0.string("title") == "Bare" })
        #expect(bare.isNull("value") && bare.isNull("next_action_date"))
    }

    @Test func textListsTheDealsWithAHeader() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let empty = try s.ok("list")
        #expect(empty.stdout.isEmpty)
        #expect(empty.stderr.contains("no deals"))
        let id = try s.add("Solar", "--company", "Acme", "--value", "12500")
        let text = try s.ok("list")
        let lines = text.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("ID") && lines[0].contains("STAGE") && lines[0].contains("TITLE"))
        #expect(lines[1].hasPrefix(id))
        #expect(lines[1].contains("New inquiry") && lines[1].contains("Solar") && lines[1].contains("₪12,500"))
    }

    @Test func scopes() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let mine = try s.add("Boss deal")
        let rita = try s.add("Rita deal", "--owner", "rita")
        let sam = try s.add("Sam deal", "--owner", "sam")
        let inbox = try s.add("Inbox deal", "--stage", "unsorted")
        func ids(_ list: [[String: Any]]) -> Set<String> { Set(list.compactMap { $0.string("id") }) }
        #expect(ids(try s.list()) == [mine, inbox], "a manager's own list: own deals and the inbox")
        #expect(ids(try s.list("--all")) == [mine, rita, sam, inbox])
        #expect(ids(try s.list("--owner", "sam")) == [sam])
        #expect(ids(try s.list(user: "rita")) == [rita, inbox])
        #expect(ids(try s.list("--owner", "rita", user: "rita")) == [rita])
        for flags in [["--all"], ["--owner", "sam"]] {
            let refused = try runProgram(
                FunnelBinary.path, ["list"] + flags + ["--json"],
                environment: s.environment(user: "rita"), scratch: s.root)
            #expect(refused.status == Exit.refused, "\(refused)")
            #expect(refused.stdout.isEmpty)
            #expect(refused.stderr.contains("manager"))
        }
        #expect(try s.run("list", "--owner", "ghost").status == Exit.usage)
        #expect(try s.run("list", "--all", "--owner", "sam").status == Exit.usage)
    }

    @Test func stageFilterByIdOrName() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        _ = try s.add("New one")
        let met = try s.add("Met", "--stage", "meeting")
        for stage in ["meeting", "MEETING", "Meeting / quote"] {
            #expect(try s.list("--stage", stage).compactMap { $0.string("id") } == [met])
        }
        #expect(try s.list("--stage", "customer").isEmpty)
        #expect(try s.run("list", "--stage", "heaven").status == Exit.usage)
    }

    @Test func ordersWithinAStageAndStagesInBoardOrder() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        // Created on different days; due dates from next actions or the day the deal came in.
        let a = try s.add("Alpha", "--value", "500", "--next", "2026-11-30", now: "2026-11-20T09:00:00Z")
        let b = try s.add("Bravo", "--value", "9000", now: "2026-11-22T09:00:00Z")
        let c = try s.add("Charlie", now: "2026-11-21T09:00:00Z")
        let d = try s.add("Delta", "--value", "700", "--next", "2026-11-21", now: "2026-11-23T09:00:00Z")
        let m = try s.add("Meeting deal", "--stage", "meeting", now: "2026-11-01T09:00:00Z")
        let i = try s.add("Inbox deal", "--stage", "unsorted", now: "2026-11-24T09:00:00Z")
        func order(_ flags: String...) throws -> [String] {
            let result = try runProgram(
                FunnelBinary.path, ["list", "--all", "--json"] + flags, environment: s.environment(),
                scratch: s.root)
            #expect(result.ok, "\(result)")
            return try jsonArray(result.stdout).compactMap { $0.string("id") }
        }
        // Board order: the inbox column first, then New inquiry, then Meeting.
        #expect(try order() == [i, d, c, b, a, m], "due: next action date else the time it entered the stage")
        #expect(try order("--sort", "due") == [i, d, c, b, a, m])
        #expect(try order("--sort", "created") == [i, d, b, c, a, m], "newest first")
        #expect(try order("--sort", "value") == [i, b, d, a, c, m], "largest first, none last")
        #expect(try order("--sort", "TITLE") == [i, a, b, c, d, m])
        #expect(try s.run("list", "--sort", "random").status == Exit.usage)
    }
}

@Suite("funnel show")
struct ShowTests {
    @Test func textShowsEveryFieldAndTheHistory() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add(
            "Solar", "--company", "Acme", "--value", "12500", "--owner", "rita", "--next", "+2d",
            "--what", "Call back")
        try s.ok("move", id, "meeting", now: "2026-11-25T10:00:00Z")
        let text = try s.ok("show", id).stdout
        for expected in [
            id, "Solar", "Acme", "Meeting / quote", "Rita Rep (rita)", "₪12,500", "2026-11-26 Call back",
            "2026-11-24T09:00:00Z", "history", "created in New inquiry", "New inquiry → Meeting / quote",
            "2026-11-25T10:00:00Z",
        ] {
            #expect(text.contains(expected), "missing \(expected) in:\n\(text)")
        }
    }

    @Test func jsonHasTheFieldsAndTheWholeHistory() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar", "--owner", "rita")
        try s.ok("move", id, "meeting", user: "rita", now: "2026-11-25T10:00:00Z")
        try s.ok("move", id, "customer", "--value", "100", now: "2026-11-26T11:00:00Z")
        let deal = try s.deal(id)
        #expect(deal.string("id") == id && deal.string("stage") == "customer" && deal.string("value") == "100.00")
        #expect(deal.string("stage_entered") == "2026-11-26T11:00:00Z")
        let history = try #require(deal["history"] as? [[String: Any]])
        #expect(history.count == 3)
        #expect(
            history.map { $0.string("at") ?? "" }
                == ["2026-11-24T09:00:00Z", "2026-11-25T10:00:00Z", "2026-11-26T11:00:00Z"])
        #expect(history.map { $0.string("by") ?? "" } == ["boss", "rita", "boss"])
        #expect(history[0].isNull("from"))
        #expect(history.map { $0.string("from") ?? "-" } == ["-", "new", "meeting"])
        #expect(history.map { $0.string("to") ?? "" } == ["new", "meeting", "customer"])
    }

    @Test func idPrefixesUniqueAmbiguousAndUnknown() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        // Add deals until two ids share a first character (31 possible: quick by the birthday bound).
        var ids: [String] = []
        var shared: Character?
        while shared == nil && ids.count < 60 {
            let id = try s.add("Deal \(ids.count)")
            if let clash = ids.first(where: { $0.first == id.first }) { shared = clash.first }
            ids.append(id)
        }
        let first = try #require(shared)
        // A unique prefix: the shortest prefix of some id that no other id starts with.
        let target = ids[0]
        let prefix = try #require(
            (1...target.count).map { String(target.prefix($0)) }
                .first { p in ids.filter { $0.hasPrefix(p) }.count == 1 })
        #expect(try s.deal(prefix).string("id") == target)
        #expect(try s.deal(prefix.uppercased()).string("id") == target)
        let ambiguous = try s.run("show", String(first))
        #expect(ambiguous.status == Exit.notFound, "\(ambiguous)")
        #expect(ambiguous.stdout.isEmpty)
        #expect(ambiguous.stderr.contains("several"))
        let unknown = try s.run("show", "zzzzzzzzz")
        #expect(unknown.status == Exit.notFound, "\(unknown)")
        #expect(unknown.stdout.isEmpty)
        #expect(try s.run("show", "../../etc/passwd").status == Exit.notFound)
    }

    @Test func aRepCannotLookAtAnotherRepsDeal() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Sam's", "--owner", "sam")
        let result = try s.run("show", id, user: "rita")
        // Another rep's deal is, to rita, a deal that does not exist (R15; SharedDirectoryPrivacyTests).
        #expect(result.status == Exit.notFound, "\(result)")
        #expect(!result.stderr.contains("Sam"), "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(try s.deal(id, user: "sam").string("id") == id)
    }
}
