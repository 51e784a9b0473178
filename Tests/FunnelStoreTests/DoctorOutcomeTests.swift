import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// What became of each doctor finding is a value (`Doctor.Outcome`), not the first word of its
/// message: what `funnel doctor` counts as repaired comes from it.
@Suite("Doctor's outcomes") struct DoctorOutcomeTests {
    @Test func aLeftoverIsToDoThenMovedAside() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try Data("left".utf8).write(to: URL(fileURLWithPath: store.root + "/inbox/.z.json.1.2.tmp"))
        let look = try #require(try Doctor(store: store).run(repair: false).first)
        #expect(look.outcome == .toDo && !look.outcome.isRepaired && !look.isAdvice)
        let repair = try #require(try Doctor(store: store).run(repair: true).first)
        #expect(repair.outcome == .movedAside && repair.outcome.isRepaired)
        #expect(repair.action.hasPrefix("moved to "), "the words stay as they were: \(repair.action)")
    }

    @Test func aFileEveryoneMayReadIsToDoThenRepairedInPlace() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("good2345"))
        let path = store.root + "/deals/rita/good2345.json"
        #expect(chmod(path, 0o644) == 0)
        let look = try Doctor(store: store).run(repair: false)
        #expect(look.map(\.outcome) == [.toDo], "\(look)")
        let repair = try Doctor(store: store).run(repair: true)
        #expect(repair.map(\.outcome) == [.repaired] && repair.first?.action == "made it private", "\(repair)")
        #expect(exists(path), "repaired where it is")
    }

    @Test func adviceIsNoProblem() throws {
        var pipeline = PipelineTemplate.simple.pipeline
        for n in 1...3 { pipeline.stages.insert(Stage(id: "extra-\(n)", name: "Extra \(n)", kind: .open), at: 2) }
        let advice = Doctor.advice(pipeline, path: "/p")
        #expect(!advice.isEmpty && advice.allSatisfy { $0.outcome == .advice && $0.isAdvice && !$0.outcome.isRepaired })
    }
}
