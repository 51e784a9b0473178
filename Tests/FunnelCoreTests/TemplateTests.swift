import Foundation
import Testing

@testable import FunnelCore

@Suite("R1, R3: pipeline templates")
struct TemplateTests {
    @Test func simple() {
        let p = PipelineTemplate.simple.pipeline
        #expect(p.name == "simple")
        #expect(
            p.stages.map(\.id) == [
                "unsorted", "new", "follow-up", "meeting", "onboarding", "customer",
                "not-relevant", "former-customer",
            ])
        #expect(
            p.stages.map(\.name) == [
                "Unsorted", "New inquiry", "Follow-up", "Meeting / quote",
                "Post-meeting / onboarding", "Customer", "Not relevant", "Former customer",
            ])
        #expect(p.stages.map(\.kind) == [.inbox, .open, .open, .open, .open, .won, .lost, .lost])
        #expect(p.stage(id: "follow-up")?.entryRequirements == [.nextAction])
        #expect(p.defaultCurrency == "ILS")
        #expect(PipelineTemplate.defaultTemplate == .simple)
    }

    @Test func powerlinkHasNoAnswerAsAnOutcomeNotAStage() {
        let p = PipelineTemplate.powerlink.pipeline
        #expect(
            p.stages.map(\.id) == [
                "unsorted", "new", "initial-contact", "in-process", "customer",
                "not-interested", "inactive-customer",
            ])
        #expect(
            p.stages.map(\.name) == [
                "Unsorted", "New", "Initial contact", "In process", "Customer",
                "Not interested", "Inactive customer",
            ])
        #expect(p.stages.map(\.kind) == [.inbox, .open, .open, .open, .won, .lost, .lost])
        #expect(p.stage(id: "initial-contact")?.entryRequirements == [.nextAction])
        #expect(p.findStage("no answer") == nil)
    }

    @Test func b2b() {
        let p = PipelineTemplate.b2b.pipeline
        #expect(
            p.stages.map(\.id) == [
                "unsorted", "opportunity", "proposal", "approval", "signing", "delivery",
                "closed", "lost",
            ])
        #expect(
            p.stages.map(\.name) == [
                "Unsorted", "Opportunity", "Commercial proposal", "Document approval",
                "Signing & payment", "Delivery", "Closed", "Lost",
            ])
        #expect(p.stages.map(\.kind) == [.inbox, .open, .open, .open, .open, .open, .won, .lost])
        #expect(p.defaultCurrency == "USD")
        #expect(p.lostReasons.contains("Failed approval"))
    }

    @Test(arguments: PipelineTemplate.allCases)
    func everyTemplateIsValidAndHealthy(template: PipelineTemplate) {
        let p = template.pipeline
        #expect(p.validationErrors.isEmpty)
        #expect(p.warnings.isEmpty)
        #expect(p.stages.count <= Pipeline.recommendedMaximumStages)
        #expect((3...5).contains(p.stages.filter { $0.kind == .open }.count), "R1: a healthy funnel has 3–5 open stages")
        #expect(p.inboxStage?.id == "unsorted" && p.stages.first?.kind == .inbox)
        #expect(p.firstOpenStage == p.stages[1])
        #expect(p.stages.contains { $0.kind == .won } && p.stages.contains { $0.kind == .lost })
        #expect(!p.lostReasons.isEmpty)
        #expect(p.followUpDays == 2)
        for stage in p.stages where stage.kind == .won { #expect(stage.entryRequirements.contains(.value)) }
        for stage in p.stages where stage.kind == .lost { #expect(stage.entryRequirements.contains(.lostReason)) }
        #expect(p.stages.filter { $0.entryRequirements.contains(.nextAction) }.count == 1)
    }

    @Test(arguments: PipelineTemplate.allCases)
    func templatesSurviveAJSONRoundTrip(template: PipelineTemplate) throws {
        let data = try JSONEncoder().encode(template.pipeline)
        #expect(try JSONDecoder().decode(Pipeline.self, from: data) == template.pipeline)
    }

    static func pipeline(openStages: Int) -> Pipeline {
        var stages = [Stage(id: "unsorted", name: "Unsorted", kind: .inbox)]
        stages += (1...openStages).map { Stage(id: "s\($0)", name: "Stage \($0)", kind: .open) }
        stages += [Stage(id: "won", name: "Won", kind: .won), Stage(id: "lost", name: "Lost", kind: .lost)]
        return Pipeline(name: "custom", stages: stages, lostReasons: ["Price"])
    }

    @Test func moreThanEightStagesIsAcceptedWithAWarning() {
        let nine = Self.pipeline(openStages: 6)
        #expect(nine.stages.count == 9)
        #expect(nine.warnings == [.tooManyStages(count: 9, limit: 8)])
        #expect(nine.validationErrors.isEmpty)
        let eight = Self.pipeline(openStages: 5)
        #expect(eight.stages.count == 8)
        #expect(eight.warnings.isEmpty)
    }

    @Test func brokenPipelinesAreReported() {
        var dup = Self.pipeline(openStages: 2)
        dup.stages.append(Stage(id: "S1", name: "Again", kind: .open))
        #expect(dup.validationErrors.contains { $0.contains("appears twice") })
        let noOpen = Pipeline(name: "x", stages: [Stage(id: "won", name: "Won", kind: .won)], lostReasons: [])
        #expect(noOpen.validationErrors == ["no open stage"])
        let blank = Pipeline(name: "x", stages: [Stage(id: "a", name: "  ", kind: .open)], lostReasons: [])
        #expect(!blank.validationErrors.isEmpty)
    }

    @Test func stagesAreFoundByIdOrNameCaseInsensitively() {
        let p = PipelineTemplate.simple.pipeline
        #expect(p.findStage("FOLLOW-UP")?.id == "follow-up")
        #expect(p.findStage("meeting / QUOTE")?.id == "meeting")
        #expect(p.findStage("  customer ")?.id == "customer")
        #expect(p.findStage("post-meeting / onboarding")?.id == "onboarding")
        #expect(p.findStage("meet") == nil)
        #expect(p.findLostReason("CHOSE A COMPETITOR") == "Chose a competitor")
        #expect(p.findLostReason("aliens") == nil)
    }
}
