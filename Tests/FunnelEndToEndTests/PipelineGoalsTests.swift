import Foundation
import Testing

/// Goals over every pipeline and what a rep may see of them, `pipelines list`'s counts and order,
/// and ids that never mean two pipelines, through the release binary (now 2026-11-24).
@Suite("Goals and pipelines together from the command line")
struct PipelineGoalsTests {
    /// Main: sam won 50 000, sam and rita one open deal each; renewals: rita won 5 000; a team goal.
    func twoPipelines(_ s: Sandbox) throws {
        try s.initialize()
        try s.ok("pipelines", "add", "Renewals")
        let won = try s.add("W", "--owner", "sam", "--value", "50000")
        try s.ok("move", won, "customer")
        _ = try s.add("S", "--owner", "sam", "--value", "100")
        _ = try s.add("Q", "--owner", "rita", "--value", "100")
        let renewal = try s.add("R", "--owner", "rita", "--value", "5000", "--pipeline", "renewals")
        try s.ok("move", renewal, "customer", "--pipeline", "renewals")
        try s.ok("goals", "set", "--team", "--month", "2026-11", "--won-value", "200000")
    }

    func actual(_ goals: Any?) -> String? { (goals as? [[String: Any]])?.first?["actual"] as? String }

    @Test func oneGoalHasOneActualInGoalsListAndEveryReport() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try twoPipelines(s)
        #expect(actual(try jsonArray(try s.ok("goals", "list", "--json").stdout)) == "55000.00")
        for pipeline in ["main", "renewals"] {
            let report = try jsonObject(try s.ok("report", "--pipeline", pipeline, "--format", "json").stdout)
            #expect(actual(report["goals"]) == "55000.00", "report --pipeline \(pipeline)")
        }
        let all = try jsonObject(try s.ok("report", "--pipeline", "all", "--format", "json").stdout)
        #expect(actual((all["total"] as? [String: Any])?["goals"]) == "55000.00")
        let text = try s.ok("report", "--pipeline", "all").stdout
        #expect(text.contains("Goals for 2026-11") && text.contains("₪55,000") && text.contains("₪145,000"))
        // A rep reads only their own deals (and the inbox): the team's goal shows rita's 5 000, not sam's.
        #expect(actual(try jsonArray(try s.ok("goals", "list", "--json", user: "rita").stdout)) == "5000.00")
        let mine = try jsonObject(try s.ok("report", "--pipeline", "main", "--format", "json", user: "rita").stdout)
        #expect(actual(mine["goals"]) == "5000.00")
    }

    @Test func pipelinesListCountsOnlyTheDealsTheActorMaySee() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try twoPipelines(s)
        let manager = try jsonArray(try s.ok("pipelines", "list", "--json").stdout)
        #expect(manager.map { $0["deals"] as? Int } == [2, 0])
        let rita = try jsonArray(try s.ok("pipelines", "list", "--json", user: "rita").stdout)
        #expect(rita.map { $0["deals"] as? Int } == [1, 0], "sam's open deal is not rita's to count")
    }

    @Test func showsHistoryNamesAMoveIntoAnotherPipeline() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("pipelines", "add", "Renewals", "--template", "b2b")
        let id = try s.add("Moving deal", "--value", "100")
        try s.ok("move", id, "proposal", "--pipeline", "renewals", "--next", "+2d")
        try s.ok("move", id, "approval")
        let text = try s.ok("show", id).stdout
        #expect(text.contains("created in New inquiry"), "\(text)")
        #expect(text.contains("Pipeline: Renewals · New inquiry → Commercial proposal"), "\(text)")
        #expect(text.contains("Commercial proposal → Document approval"), "\(text)")
    }

    @Test func idsNeverEqualAnotherPipelinesNameAndListInIdOrder() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok("pipelines", "add", "X")
        try s.ok("pipelines", "rename", "x", "foo-2")
        try s.ok("pipelines", "add", "Foo")
        #expect(try s.ok("pipelines", "add", "Foo!").stdout.contains("(id foo-3)"))
        let list = try jsonArray(try s.ok("pipelines", "list", "--json").stdout)
        #expect(list.map { $0.string("id") } == ["main", "foo", "foo-3", "x"])
        #expect(try jsonObject(try s.ok("stages", "--pipeline", "foo-2", "--json").stdout).string("pipeline_id") == "x")
        // A hand edit names pipeline foo like the id foo-3: --pipeline foo-3 means two, and is refused.
        let path = s.dataDir + "/pipelines/foo.json"
        let edited = String(decoding: s.bytes(path) ?? Data(), as: UTF8.self).replacingOccurrences(of: "\"Foo\"", with: "\"foo-3\"")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        let ambiguous = try s.run("stages", "--pipeline", "foo-3")
        #expect(ambiguous.status == Exit.usage && ambiguous.stderr.contains("names more than one pipeline (ids foo, foo-3)"), "\(ambiguous)")
    }
}
