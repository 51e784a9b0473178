import Foundation
import Testing

/// `funnel pipelines` and `--pipeline` on every command about stages and deals: the first
/// pipeline when absent, so a data directory from before keeps working unchanged.
@Suite("Pipelines from the command line")
struct PipelinesCommandTests {
    /// A sandbox with a second pipeline, "Renewals" (b2b stages).
    func withRenewals() throws -> Sandbox {
        let s = try Sandbox()
        try s.initialize()
        let added = try s.ok("pipelines", "add", "Renewals", "--template", "b2b")
        #expect(added.stdout.contains("added pipeline Renewals (id renewals)"), "\(added)")
        return s
    }

    func pipelineFiles(_ s: Sandbox) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: s.dataDir + "/pipelines")) ?? []).sorted()
    }

    @Test func addListAndRename() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let first = s.bytes(s.dataDir + "/pipeline.json")
        let one = try jsonArray(try s.ok("pipelines", "list", "--json").stdout)
        #expect(one.count == 1 && one[0].string("id") == "main" && one[0]["first"] as? Bool == true, "an existing directory has one")
        try s.ok("pipelines", "add", "Renewals", "--template", "b2b")
        try s.ok("add", "Renewal 2027", "--pipeline", "renewals")
        try s.ok("add", "New sale")
        let list = try jsonArray(try s.ok("pipelines", "list", "--json").stdout)
        #expect(list.map { $0.string("id") } == ["main", "renewals"] && list.map { $0.string("name") } == ["simple", "Renewals"])
        #expect(list[1]["stages"] as? Int == 8 && list[1]["deals"] as? Int == 1 && list[1]["first"] as? Bool == false)
        #expect(list[0]["deals"] as? Int == 1)
        #expect(try s.ok("pipelines").stdout.contains("renewals  Renewals"))
        try s.ok("pipelines", "rename", "RENEWALS", "Account renewals")
        let renamed = try jsonArray(try s.ok("pipelines", "list", "--json").stdout)
        #expect(renamed[1].string("id") == "renewals" && renamed[1].string("name") == "Account renewals")
        #expect(s.bytes(s.dataDir + "/pipeline.json") == first, "pipeline.json stays the first pipeline")
        #expect(pipelineFiles(s) == ["renewals.json"])
        try s.ok("pipelines", "rename", "main", "New sales")
        #expect(try jsonObject(try s.ok("stages", "--json").stdout).string("pipeline") == "New sales")
    }

    @Test func badInputIsRefusedAndWritesNothing() throws {
        let s = try withRenewals()
        defer { s.remove() }
        let before = (s.bytes(s.dataDir + "/pipeline.json"), s.bytes(s.dataDir + "/pipelines/renewals.json"))
        let cases: [([String], String?, Int32, String)] = [
            (["pipelines", "add", "renewals"], nil, Exit.refused, "already a pipeline named “renewals”"),
            (["pipelines", "add", " SIMPLE "], nil, Exit.refused, "already a pipeline named"),
            (["pipelines", "add", "main"], nil, Exit.refused, "already a pipeline named"),
            (["pipelines", "add", "all"], nil, Exit.refused, "--pipeline all means every pipeline"),
            (["pipelines", "add", "X", "--template", "saas"], nil, Exit.usage, "--template “saas” must be one of simple, powerlink, b2b"),
            (["pipelines", "add", "Mine"], "rita", Exit.refused, "only a manager can add or rename pipelines"),
            (["pipelines", "rename", "renewals", "Other"], "rita", Exit.refused, "only a manager"),
            (["pipelines", "rename", "nope", "Other"], nil, Exit.notFound, "no pipeline nope (pipelines: simple, Renewals)"),
            (["pipelines", "rename", "renewals", "simple"], nil, Exit.refused, "already a pipeline named"),
            (["pipelines", "add"], nil, Exit.usage, "usage: funnel pipelines add NAME"),
            (["pipelines", "ad", "X"], nil, Exit.usage, "did you mean add?"),
            (["pipelines", "list", "--template", "b2b"], nil, Exit.usage, "--template goes with"),
            (["pipelines", "add", "\u{1b}[31m"], nil, Exit.refused, "a pipeline needs a name"),
        ]
        for (words, user, code, text) in cases {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(user: user), scratch: s.root)
            #expect(result.status == code && result.stderr.contains(text) && result.stdout.isEmpty, "\(words): \(result)")
            #expect(pipelineFiles(s) == ["renewals.json"], "\(words) wrote nothing")
            #expect((s.bytes(s.dataDir + "/pipeline.json"), s.bytes(s.dataDir + "/pipelines/renewals.json")) == before)
        }
    }

    @Test func everyCommandTakesThePipelineAndRefusesAnUnknownOne() throws {
        let s = try withRenewals()
        defer { s.remove() }
        let renewal = try s.add("Renewal 2027", "--pipeline", "Renewals", "--value", "500")
        let sale = try s.add("New sale", "--value", "100")
        let (renewalDeal, saleDeal) = (try s.deal(renewal), try s.deal(sale))
        #expect(renewalDeal.string("pipeline") == "renewals" && saleDeal.string("pipeline") == "main")
        #expect(renewalDeal.string("stage") == "opportunity", "the first open stage of its own pipeline")
        #expect(try s.list("--all").map { $0.string("id") } == [sale], "the first pipeline when absent")
        #expect(try s.list("--all", "--pipeline", "renewals").map { $0.string("id") } == [renewal])
        let every = try s.list("--all", "--pipeline", "all")
        #expect(every.map { $0.string("id") } == [sale, renewal] && every.map { $0.string("stage_name") } == ["New inquiry", "Opportunity"])
        #expect(try s.list("--all", "--pipeline", "all", "--stage", "opportunity").map { $0.string("id") } == [renewal])
        let today = try jsonArray(try s.ok("today", "--all", "--pipeline", "renewals", "--json").stdout)
        #expect(today.map { $0.string("id") } == [renewal])
        let report = try jsonObject(try s.ok("report", "--pipeline", "renewals", "--format", "json").stdout)
        let stages = report["stages"] as? [[String: Any]] ?? []
        #expect(stages.first { $0.string("stage") == "opportunity" }?["open_deals"] as? Int == 1)
        #expect(!stages.contains { $0.string("stage") == "new" })
        let both = try jsonObject(try s.ok("report", "--pipeline", "all", "--format", "json").stdout)
        let total = both["total"] as? [String: Any] ?? [:]
        #expect((both["pipelines"] as? [[String: Any]])?.map { $0.string("id") } == ["main", "renewals"])
        #expect(total["open_deals"] as? Int == 2 && total.string("open_value") == "600.00" && total["pipelines"] as? Int == 2)
        let text = try s.ok("report", "--pipeline", "all").stdout
        #expect(text.contains("== pipeline Renewals ==") && text.contains("== all pipelines ==") && text.contains("Open deals: 2"))
        #expect(try s.ok("report", "--pipeline", "renewals", "--deals", "stage:opportunity").output == renewal)
        #expect(try jsonObject(try s.ok("stages", "--pipeline", "renewals", "--json").stdout).string("pipeline_id") == "renewals")
        try s.ok("lost-reasons", "add", "Contract ended", "--pipeline", "renewals")
        #expect(try s.ok("lost-reasons", "--pipeline", "renewals").stdout.contains("Contract ended"))
        #expect(!(try s.ok("lost-reasons").stdout.contains("Contract ended")))
        try s.ok("stages", "add", "Health check", "--pipeline", "renewals")
        #expect(!(try s.ok("stages").stdout.contains("health-check")))
        let exported = try s.ok("export", "--all", "--pipeline", "renewals", "--format", "jsonl").stdout
        #expect(exported.contains(renewal) && !exported.contains(sale))
        let csv = s.root + "/leads.csv"
        try Data("name,phone\nDana Renewal,050-7654321\n".utf8).write(to: URL(fileURLWithPath: csv))
        let captured = try s.ok("capture", csv, "--pipeline", "renewals").output
        let lead = try s.deal(captured)
        #expect(lead.string("pipeline") == "renewals" && lead.string("stage") == "unsorted")
        let imported = s.root + "/import.csv"
        try Data("title,company\nImported renewal,Carmel\n".utf8).write(to: URL(fileURLWithPath: imported))
        let importedID = try s.ok("import", imported, "--pipeline", "renewals").output
        #expect(try s.deal(importedID).string("pipeline") == "renewals")
        let unknown: [[String]] = [
            ["add", "X", "--pipeline", "nope"], ["list", "--pipeline", "nope"], ["today", "--pipeline", "nope"],
            ["report", "--pipeline", "nope"], ["stages", "--pipeline", "nope"], ["stages", "add", "X", "--pipeline", "nope"],
            ["lost-reasons", "--pipeline", "nope"], ["export", "--pipeline", "nope"], ["capture", csv, "--pipeline", "nope"],
            ["import", imported, "--pipeline", "nope"], ["move", sale, "new", "--pipeline", "nope"], ["--pipeline", "nope"],
        ]
        let files = try FileManager.default.subpathsOfDirectory(atPath: s.dataDir).sorted()
        for words in unknown {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(
                result.status == Exit.notFound && result.stderr.contains("no pipeline nope (pipelines: simple, Renewals)"),
                "\(words): \(result)")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: s.dataDir).sorted() == files, "nothing was written")
        let misplaced = try s.run("--pipeline", "renewals", "list")
        #expect(misplaced.status == Exit.usage && misplaced.stderr.contains("give it after the command"), "\(misplaced)")
    }

    @Test func aDealMovesToAnotherPipelineThroughTheTargetStagesRules() throws {
        let s = try withRenewals()
        defer { s.remove() }
        let (id, file, before) = try s.addWatched("Moving deal", "--value", "100")
        let refused = try s.run("move", id, "proposal", "--pipeline", "renewals")
        #expect(refused.status == Exit.refused && refused.stderr.contains("needs a next action"), "R6 of the target stage: \(refused)")
        #expect(s.bytes(file) == before, "a refused move changes nothing")
        let unknownStage = try s.run("move", id, "meeting", "--pipeline", "renewals")
        #expect(unknownStage.status == Exit.usage && unknownStage.stderr.contains("no stage called “meeting”"), "\(unknownStage)")
        let moved = try s.ok("move", id, "proposal", "--pipeline", "renewals", "--next", "+2d")
        #expect(moved.stdout.contains("from New inquiry to Commercial proposal in pipeline Renewals"), "\(moved)")
        var deal = try s.deal(id)
        #expect(deal.string("pipeline") == "renewals" && deal.string("stage") == "proposal" && deal.string("stage_name") == "Commercial proposal")
        let history = deal["history"] as? [[String: Any]] ?? []
        #expect(history.last?.string("from") == "new" && history.last?.string("to") == "proposal" && history.last?.string("pipeline") == "renewals")
        // Without --pipeline a move stays in the deal's own pipeline.
        try s.ok("move", id, "approval")
        #expect(try s.deal(id).string("pipeline") == "renewals")
        try s.ok("edit", id, "--title", "Still renewing")
        #expect(try s.deal(id).string("stage") == "approval")
        try s.ok("move", id, "new", "--pipeline", "main")
        deal = try s.deal(id)
        #expect(deal.string("pipeline") == "main" && (deal["history"] as? [[String: Any]])?.last?.string("pipeline") == "main")
        let path = try #require(s.dealFile(id))
        let text = String(decoding: try #require(s.bytes(path)), as: UTF8.self)
        #expect(!text.contains("\"pipeline\" : \"renewals\",\n    \"priority\""), "back in the first pipeline: no pipeline field")
        #expect(try s.list("--all", "--pipeline", "renewals").isEmpty)
    }

    @Test func aCorruptPipelineFileIsNamedAndLeftUntouched() throws {
        let s = try withRenewals()
        defer { s.remove() }
        let path = s.dataDir + "/pipelines/renewals.json"
        try Data("{\"schema\": 1, \"pipeline\": []}".utf8).write(to: URL(fileURLWithPath: path))
        let before = s.bytes(path)
        let list = try s.run("list", "--pipeline", "renewals")
        #expect(list.status == Exit.data && list.stderr.contains(path), "\(list)")
        let doctor = try s.run("doctor")
        #expect(doctor.stdout.contains(path) || doctor.stderr.contains(path), "\(doctor)")
        #expect(s.bytes(path) == before)
    }

    @Test func doctorLooksForADealsStageInItsOwnPipeline() throws {
        let s = try withRenewals()
        defer { s.remove() }
        let id = try s.add("Renewal", "--pipeline", "renewals")
        let doctor = try s.run("doctor")
        #expect(doctor.ok && !(doctor.stdout + doctor.stderr).contains("which the pipeline does not have"), "\(doctor)")
        try s.ok("stages", "add", "Extra 1", "--pipeline", "renewals")
        let advice = try s.run("doctor")
        let said = advice.stdout + advice.stderr
        #expect(
            advice.ok && said.contains("pipeline Renewals (renewals): 6 open stages") && said.contains("--pipeline renewals"),
            "R1's advice names the pipeline: \(advice)")
        #expect(try s.deal(id).string("stage") == "opportunity")
    }

    @Test func doctorNamesTwoPipelinesThatShareAName() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        try box.ok("pipelines", "add", "Renewals")
        #expect(try box.ok("doctor").stdout.contains("no problems found"))
        // A hand edit (or a sync of two clones) names the second pipeline like the first.
        let file = box.dataDir + "/pipelines/renewals.json"
        let text = String(decoding: box.bytes(file) ?? Data(), as: UTF8.self)
        try Data(text.replacingOccurrences(of: #""name" : "Renewals""#, with: #""name" : "Simple""#).utf8).write(to: URL(fileURLWithPath: file))
        let doctor = try box.run("doctor")
        #expect(
            doctor.status == Exit.data && doctor.stdout.contains("main, renewals are all named")
                && doctor.stdout.contains("pipelines rename renewals"), "\(doctor)")
    }
}
