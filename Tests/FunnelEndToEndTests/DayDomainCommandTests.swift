import Foundation
import Testing

/// Issue #13's domain gaps from the command line: R16 assignment, priorities, ISO 4217 codes,
/// R21 training before billing.
@Suite("assignment, priority, currency codes, billing")
struct DayDomainCommandTests {
    @Test func assigningAnInboxLeadMovesItOutOfUnsortedAndShowsWhoGaveItToWhom() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Lead", "--stage", "unsorted")
        try box.ok("assign", id, "rita", now: "2026-11-24T10:00:00Z")
        let assigned = try box.deal(id)
        #expect(assigned.string("stage") == "new")
        #expect(assigned.string("stage_entered") == "2026-11-24T10:00:00Z")
        let history = try #require(assigned["history"] as? [[String: Any]])
        #expect(history.last?.string("from") == "unsorted" && history.last?.string("to") == "new" && history.last?.string("by") == "boss")
        try box.ok("assign", id, "sam", now: "2026-11-24T11:00:00Z")
        let reassigned = try box.deal(id)
        #expect(reassigned.string("stage") == "new")
        let log = try #require(reassigned["assignments"] as? [[String: Any]])
        #expect(log.count == 2)
        #expect(log[0].isNull("from") && log[0].string("to") == "rita" && log[0].string("by") == "boss")
        #expect(log[1].string("from") == "rita" && log[1].string("to") == "sam" && log[1].string("at") == "2026-11-24T11:00:00Z")
        let text = try box.ok("show", id).stdout
        #expect(text.contains("assignments"))
        #expect(text.contains("2026-11-24T11:00:00Z  boss  Rita Rep → Sam Rep"))
        #expect(text.contains("boss  inbox → Rita Rep"))
    }

    @Test func aRepCannotMoveADealBackIntoUnsorted() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Lead", "--stage", "unsorted")
        try box.ok("accept", id, user: "rita")
        let file = try #require(box.dealFile(id))
        let before = box.bytes(file)
        let refused = try box.run("move", id, "unsorted", user: "rita")
        #expect(refused.status == Exit.refused, "\(refused)")
        #expect(refused.stderr.contains("cannot be put back there by a rep"))
        #expect(box.bytes(file) == before)
        try box.ok("move", id, "unsorted")  // a manager may
    }

    @Test func priorityOnAddEditListAndJSON() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let low = try box.add("Low one", "--priority", "low", "--next", "2026-11-25")
        let high = try box.add("High one", "--priority", "HIGH", "--next", "2026-11-30")
        let plain = try box.add("Plain one", "--next", "2026-11-26")
        #expect(try box.deal(plain).string("priority") == "normal")
        #expect(try box.list().first { $0.string("id") == high }?.string("priority") == "high")
        #expect(try box.list("--sort", "priority").compactMap { $0.string("id") } == [high, plain, low])
        #expect(try box.list("--priority", "low").compactMap { $0.string("id") } == [low])
        try box.ok("edit", low, "--priority", "high")
        #expect(try box.list("--priority", "high").count == 2)
        for words in [["add", "X", "--priority", "hihg"], ["edit", low, "--priority", "hihg"], ["list", "--priority", "hihg"]] {
            let wrong = try runProgram(FunnelBinary.path, words, environment: box.environment(), scratch: box.root)
            #expect(wrong.status == Exit.usage, "\(wrong)")
            #expect(wrong.stderr.contains("one of high, normal, low; did you mean high?"), "\(wrong)")
        }
        #expect(try box.run("list", "--sort", "priorty").stderr.contains("did you mean priority?"))
    }

    @Test func currencyCodesAreCheckedAgainstISO4217() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let badInit = try box.run("init", "--currency", "QQQ")
        #expect(badInit.status == Exit.usage && badInit.stderr.contains("did you mean QAR?"), "\(badInit)")
        try box.initialize()
        let badAdd = try box.run("add", "X", "--currency", "QQQ")
        #expect(badAdd.status == Exit.usage, "\(badAdd)")
        #expect(badAdd.stderr.contains("“QQQ” is not an ISO 4217 currency code; did you mean QAR?"))
        let id = try box.add("X", "--currency", "jod")
        #expect(try box.deal(id).string("currency") == "JOD")
        #expect(try box.run("edit", id, "--currency", "EURO").stderr.contains("did you mean EUR?"))
        // A pipeline whose default is not a code is a data error naming the file.
        try editJSON(box.dataDir + "/pipeline.json") { file in
            var pipeline = file["pipeline"] as! [String: Any]
            pipeline["default_currency"] = "QQQ"
            file["pipeline"] = pipeline
        }
        let broken = try box.run("list")
        #expect(broken.status == Exit.data && broken.stderr.contains("default_currency") && broken.stderr.contains("pipeline.json"), "\(broken)")
    }

    @Test func billingAModuleWaitsForItsTraining() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        let id = try box.add("Customer", "--owner", "rita")
        let refused = try box.run("bill", id, "Reports", user: "rita")
        #expect(refused.status == Exit.refused, "\(refused)")
        #expect(refused.stderr.contains("R21") && refused.stderr.contains("funnel log ID training --module \"Reports\""))
        #expect((try box.deal(id)["modules"] as? [Any])?.isEmpty == true)
        #expect(try box.run("log", id, "note", "--module", "Reports", user: "rita").status == Exit.usage)
        let logged = try box.ok("log", id, "training", "--module", "Reports", "--note", "two hours", user: "rita")
        #expect(logged.output.hasPrefix("logged training of Reports on \(id)"))
        let billed = try box.ok("bill", id, "reports", user: "rita", now: "2026-11-24T12:00:00Z")
        #expect(billed.output == "billed reports on \(id)")
        #expect(try box.run("bill", id, "REPORTS", user: "rita").status == Exit.refused, "billed once")
        let deal = try box.deal(id)
        let modules = try #require(deal["modules"] as? [[String: Any]])
        #expect(modules.count == 1 && modules[0].string("module") == "reports" && modules[0].string("by") == "rita")
        #expect(modules[0].string("at") == "2026-11-24T12:00:00Z")
        let trainings = try #require(deal["trainings"] as? [[String: Any]])
        #expect(trainings.count == 1 && trainings[0].string("module") == "Reports" && trainings[0].string("note") == "two hours")
        let activities = try #require(deal["activities"] as? [[String: Any]])
        #expect(activities.last?.string("kind") == "training" && activities.last?.string("module") == "Reports")
        let text = try box.ok("show", id).stdout
        #expect(text.contains("trained") && text.contains("modules billed"))
    }
}
