import Foundation
import Testing

/// `funnel stages add|rename|move|set|remove` and `funnel lost-reasons`: managers shape the funnel
/// from the command line; every bad change is refused with the reason and changes nothing.
@Suite("Changing stages and lost reasons from the command line")
struct StageEditingTests {
    func stageIDs(_ s: Sandbox) throws -> [String] {
        let json = try jsonObject(try s.ok("stages", "--json").stdout)
        return (json["stages"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    func pipelineBytes(_ s: Sandbox) -> Data? { s.bytes(s.dataDir + "/pipeline.json") }

    @Test func addRenameMoveAndSet() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let added = try s.ok(
            "stages", "add", "Demo given", "--after", "follow-up", "--stuck", "5", "--probability", "40",
            "--requires", "next_action")
        #expect(added.stdout.contains("added stage “Demo given” (id demo-given)"), "\(added)")
        #expect(try stageIDs(s).prefix(5) == ["unsorted", "new", "follow-up", "demo-given", "meeting"])
        let json = try jsonObject(try s.ok("stages", "--json").stdout)
        let stage = try #require((json["stages"] as? [[String: Any]])?.first { $0["id"] as? String == "demo-given" })
        #expect(stage["stuck_after_days"] as? Int == 5 && stage["probability"] as? Int == 40)
        #expect(stage["requires"] as? [String] == ["next_action"])
        try s.ok("stages", "rename", "demo-given", "הדגמה")
        try s.ok("stages", "move", "הדגמה", "--before", "new")
        #expect(try stageIDs(s).prefix(3) == ["unsorted", "demo-given", "new"])
        try s.ok("stages", "set", "demo-given", "--stuck", "none", "--probability", "35%", "--requires", "none")
        let after = try jsonObject(try s.ok("stages", "--json").stdout)
        let changed = try #require((after["stages"] as? [[String: Any]])?.first { $0["id"] as? String == "demo-given" })
        #expect(changed["name"] as? String == "הדגמה" && changed["stuck_after_days"] is NSNull && changed["probability"] as? Int == 35)
    }

    @Test func badChangesAreRefusedAndChangeNothing() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Deal in follow-up", "--stage", "follow-up", "--next", "+2d", "--owner", "rita")
        let before = pipelineBytes(s)
        let cases: [([String], Int32, String)] = [
            (["stages", "remove", "customer"], Exit.refused, "needs at least one won stage"),
            (["stages", "add", "follow-UP"], Exit.refused, "already a stage named"),
            (["stages", "add", "X", "--probability", "150"], Exit.refused, "probability 150 is outside 0 … 100"),
            (["stages", "add", "X", "--id", "../x"], Exit.refused, "is not a stage id"),
            (["stages", "remove", "follow-up"], Exit.refused, "--to STAGE"),
            (["stages", "remove", "unsorted", "--to", "new"], Exit.refused, "stays first"),
            (["stages", "set", "follow-up", "--kind", "lost"], Exit.refused, "before changing its kind"),
            (["stages", "move", "new"], Exit.usage, "--after or --before"),
            (["stages", "add", "X", "--to", "new"], Exit.usage, "--to does not go with add; --to goes with: funnel stages remove"),
            (["stages", "ad", "X"], Exit.usage, "did you mean add?"),
            (["stages", "add", "X", "--requires", "valu"], Exit.usage, "did you mean value?"),
            (["stages", "add", "X", "--stuck", "soon"], Exit.usage, "not a whole number"),
            (["stages", "add", "X", "--kind", "inbox"], Exit.usage, "must be one of open, won, lost"),
            (["stages", "rename", "nowhere", "Y"], Exit.usage, "no stage"),
            (["stages", "add", "X", "--after", "nowhere"], Exit.usage, "no stage"),
            (["lost-reasons", "remove", "unreachable"], Exit.refused, "R11"),
            (["lost-reasons", "add", "price"], Exit.refused, "already a lost reason"),
        ]
        for (words, code, text) in cases {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.status == code && result.stderr.contains(text), "\(words): \(result)")
            #expect(pipelineBytes(s) == before, "\(words) changed nothing")
        }
        for words in [["stages"], ["lost-reasons"], ["products", "list"]] {
            let stranger = try runProgram(FunnelBinary.path, words, environment: s.environment(user: "nobody"), scratch: s.root)
            #expect(
                stranger.status == Exit.refused && stranger.stderr.contains("not on this team") && stranger.stdout.isEmpty,
                "\(words): \(stranger)")
        }
        let rep = try s.run("stages", "add", "Mine", user: "rita")
        #expect(rep.status == Exit.refused && rep.stderr.contains("only a manager"), "\(rep)")
        let repReasons = try s.run("lost-reasons", "remove", "Price", user: "rita")
        #expect(repReasons.status == Exit.refused)
        #expect(pipelineBytes(s) == before)
        let stage = try s.deal(id).string("stage")
        #expect(stage == "follow-up")
    }

    @Test func removingAStageMovesItsDealsThroughTheRulesOrNotAtAll() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let priced = try s.add("Priced", "--stage", "meeting", "--value", "100", "--next", "+2d", "--owner", "rita")
        let unpriced = try s.add("Unpriced", "--stage", "meeting", "--next", "+2d", "--owner", "sam")
        let before = pipelineBytes(s)
        let refused = try s.run("stages", "remove", "meeting", "--to", "customer")
        #expect(
            refused.status == Exit.refused && refused.stderr.contains(unpriced) && refused.stderr.contains("nothing was changed"),
            "\(refused)")
        let stillThere = try s.deal(priced).string("stage")
        #expect(pipelineBytes(s) == before && stillThere == "meeting")
        let removed = try s.ok("stages", "remove", "meeting", "--to", "onboarding")
        #expect(removed.stdout.contains("moved 2 deal(s) to onboarding"), "\(removed)")
        let ids = try stageIDs(s)
        #expect(!ids.contains("meeting"))
        for id in [priced, unpriced] {
            let deal = try s.deal(id)
            #expect(deal.string("stage") == "onboarding")
            let last = try #require((deal["history"] as? [[String: Any]])?.last)
            #expect(last["from"] as? String == "meeting" && last["to"] as? String == "onboarding" && last["by"] as? String == s.user)
        }
    }

    @Test func lostReasons() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("lost-reasons", "add", "בחרו במתחרה")
        let output = try s.ok("lost-reasons", "list", "--json").stdout
        let list = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String])
        #expect(list.last == "בחרו במתחרה")
        try s.ok("lost-reasons", "remove", "PRICE")
        let text = try s.ok("lost-reasons").stdout
        #expect(!text.contains("Price\n") && text.contains("בחרו במתחרה"))
        for reason in list where !["Price", "בחרו במתחרה", "Unreachable"].contains(reason) {
            try s.ok("lost-reasons", "remove", reason)
        }
        try s.ok("lost-reasons", "remove", "בחרו במתחרה")
        let last = try s.run("lost-reasons", "remove", "Unreachable")
        #expect(last.status == Exit.refused && last.stderr.contains("last lost reason"), "\(last)")
    }

    @Test func aDealWhoseStageWasRemovedByHandIsNeverHidden() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("stages", "add", "Demo given", "--after", "follow-up")
        let id = try s.add("Orphan", "--stage", "demo-given", "--next", "+1d", "--owner", "rita")
        // A manager edits pipeline.json by hand and drops the stage.
        let path = s.dataDir + "/pipeline.json"
        let bytes = try #require(s.bytes(path))
        var json = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        var pipeline = try #require(json["pipeline"] as? [String: Any])
        pipeline["stages"] = (pipeline["stages"] as? [[String: Any]])?.filter { $0["id"] as? String != "demo-given" }
        json["pipeline"] = pipeline
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        let listed = try s.list("--all", "--flag", "stage-missing")
        #expect(listed.map { $0.string("id") } == [id] && listed.first?.string("stage") == "demo-given")
        let drilled = try s.ok("report", "--deals", "stage:demo-given").stdout
        #expect(drilled == id + "\n", "the report counts it in its stage: \(drilled)")
        #expect(try s.ok("report", "--deals", "seller:rita").stdout.contains(id))
        let report = try jsonObject(try s.ok("report", "--format", "json").stdout)
        let stages = (report["stages"] as? [[String: Any]] ?? []).compactMap { $0["stage"] as? String }
        #expect(stages.contains("demo-given"), "\(stages)")
        let doctor = try s.run("doctor")
        #expect(doctor.stdout.contains("funnel move \(id) new"), "\(doctor)")
        let moved = try s.ok("move", id, "follow-up")
        #expect(moved.stdout.contains("demo-given (not in the pipeline)"), "\(moved)")
    }

    @Test func doctorGivesR1AsAdviceNotAsAFailure() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let clean = try s.ok("doctor", "--repair")
        #expect(clean.stdout.contains("nothing to repair") && clean.stdout.contains("no problems found"), "\(clean)")
        let nine = try s.ok("stages", "add", "Qualified", "--after", "new")
        #expect(nine.stderr.contains("warning: this pipeline has 9 stages") && !nine.stderr.contains("advice:"), "\(nine)")
        let six = try s.ok("stages", "add", "Demo given", "--after", "qualified")
        #expect(six.stderr.contains("advice: 6 open stages; a healthy funnel has 3-5 (R1)"), "\(six)")
        let warned = try s.ok("doctor")
        #expect(warned.stdout.contains("advice: 6 open stages") && warned.stdout.contains("no problems found"), "\(warned)")
        #expect(warned.stdout.contains("advice: this pipeline has 10 stages"), "\(warned)")
    }
}
