import Foundation
import Testing

@testable import FunnelCore

/// `SettingsMerge`: pipeline.json and team.json merged on their JSON, stages and users by id.
@Suite("Sync: settings merged field by field, stages and users by id")
struct SettingsMergeTests {
    func json(_ value: some Encodable) throws -> JSONValue {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    func pipeline(_ value: JSONValue) throws -> Pipeline {
        try JSONDecoder().decode(Pipeline.self, from: try JSONEncoder().encode(value))
    }

    @Test func aRenamedStageAndAnAddedStageBothArrive() throws {
        let base = PipelineTemplate.simple.pipeline
        var ours = base
        ours.stages[1].name = "First call"
        var theirs = base
        theirs.stages.insert(Stage(id: "demo", name: "Demo", kind: .open), at: 3)
        let (merged, conflicts) = SettingsMerge.merge(base: try json(base), ours: try json(ours), theirs: try json(theirs))
        let result = try pipeline(merged)
        #expect(conflicts.isEmpty)
        #expect(result.stages[1].name == "First call")
        #expect(result.stages.map(\.id) == theirs.stages.map(\.id))
        #expect(result.validationErrors.isEmpty)
    }

    @Test func aStageRemovedOnOneSideGoesUnlessTheOtherChangedIt() throws {
        let base = PipelineTemplate.simple.pipeline
        var ours = base
        ours.stages.remove(at: 2)
        var theirs = base
        theirs.lostReasons.append("Timing")
        var result = try pipeline(SettingsMerge.merge(base: try json(base), ours: try json(ours), theirs: try json(theirs)).value)
        #expect(result.stages.map(\.id) == ours.stages.map(\.id))
        #expect(result.lostReasons == theirs.lostReasons)
        theirs.stages[2].stuckAfterDays = 9
        result = try pipeline(SettingsMerge.merge(base: try json(base), ours: try json(ours), theirs: try json(theirs)).value)
        #expect(result.stages.map(\.id) == base.stages.map(\.id))
    }

    @Test func aSettingChangedOnBothSidesTakesTheSharedOneAndSaysSo() throws {
        let base = PipelineTemplate.simple.pipeline
        var ours = base, theirs = base
        ours.stages[1].name = "Ours"
        theirs.stages[1].name = "Theirs"
        let (merged, conflicts) = SettingsMerge.merge(base: try json(base), ours: try json(ours), theirs: try json(theirs))
        #expect(try pipeline(merged).stages[1].name == "Theirs")
        #expect(conflicts == ["stages[\(base.stages[1].id)].name"])
    }

    @Test func usersMergeByAccount() throws {
        let base = [Fx.manager, Fx.rita]
        let ours = [Fx.manager, Fx.rita, Fx.sam]
        var theirs = base
        theirs[1].email = "rita@example.com"
        let merged = SettingsMerge.merge(base: try json(base), ours: try json(ours), theirs: try json(theirs)).value
        let users = try JSONDecoder().decode([User].self, from: try JSONEncoder().encode(merged))
        #expect(users.map(\.account) == ["mia", "rita", "sam"])
        #expect(users[1].email == "rita@example.com")
    }

    @Test func reorderedStagesKeepTheReorderAndTheAddition() throws {
        let base = PipelineTemplate.simple.pipeline
        var ours = base
        ours.stages.append(Stage(id: "extra", name: "Extra", kind: .open))
        var theirs = base
        theirs.stages.swapAt(1, 2)
        let result = try pipeline(SettingsMerge.merge(base: try json(base), ours: try json(ours), theirs: try json(theirs)).value)
        #expect(result.stages.map(\.id) == theirs.stages.map(\.id) + ["extra"])
    }
}
