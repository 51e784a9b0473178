import Foundation

/// The pipelines funnel ships (R3). Every template starts with an Unsorted inbox (R4).
public enum PipelineTemplate: String, CaseIterable, Sendable {
    case simple, powerlink, b2b

    /// The template used when none is named.
    public static let defaultTemplate = PipelineTemplate.simple

    static let unsorted = Stage(id: "unsorted", name: "Unsorted", kind: .inbox)

    static let commonLostReasons = [
        "Unreachable", "Not interested", "Price", "Chose a competitor", "No budget", "Bad timing", "Not relevant",
    ]

    /// The pipeline this template describes, named in English.
    public var pipeline: Pipeline { pipeline(in: .en) }

    /// The pipeline with its stage names and lost reasons in `language` (`TemplateWording`);
    /// stage ids stay the same ASCII words in every language.
    public func pipeline(in language: Language) -> Pipeline {
        var pipeline = englishPipeline
        guard language != .en else { return pipeline }
        let wording = TemplateWording.of(self, language)
        for index in pipeline.stages.indices {
            if let name = wording.stages[pipeline.stages[index].id] { pipeline.stages[index].name = name }
        }
        pipeline.lostReasons = wording.lostReasons
        pipeline.work.unreachableReason = wording.lostReasons[0]
        return pipeline
    }

    private var englishPipeline: Pipeline {
        switch self {
        case .simple:
            return Pipeline(
                name: "simple",
                stages: [
                    Self.unsorted,
                    Stage(id: "new", name: "New inquiry", kind: .open, stuckAfterDays: 1, probability: 10),
                    Stage(
                        id: "follow-up", name: "Follow-up", kind: .open, stuckAfterDays: 7, probability: 20,
                        requires: [.nextAction]),
                    Stage(id: "meeting", name: "Meeting / quote", kind: .open, stuckAfterDays: 14, probability: 50),
                    Stage(
                        id: "onboarding", name: "Post-meeting / onboarding", kind: .open, stuckAfterDays: 21,
                        probability: 80),
                    Stage(id: "customer", name: "Customer", kind: .won, probability: 100),
                    Stage(id: "not-relevant", name: "Not relevant", kind: .lost, probability: 0),
                    Stage(id: "former-customer", name: "Former customer", kind: .lost, probability: 0),
                ], lostReasons: Self.commonLostReasons + ["Churned"])
        case .powerlink:
            return Pipeline(
                name: "powerlink",
                stages: [
                    Self.unsorted,
                    Stage(id: "new", name: "New", kind: .open, stuckAfterDays: 1, probability: 10),
                    Stage(
                        id: "initial-contact", name: "Initial contact", kind: .open, stuckAfterDays: 7,
                        probability: 25, requires: [.nextAction]),
                    Stage(id: "in-process", name: "In process", kind: .open, stuckAfterDays: 21, probability: 60),
                    Stage(id: "customer", name: "Customer", kind: .won, probability: 100),
                    Stage(id: "not-interested", name: "Not interested", kind: .lost, probability: 0),
                    Stage(id: "inactive-customer", name: "Inactive customer", kind: .lost, probability: 0),
                ], lostReasons: Self.commonLostReasons + ["Churned"])
        case .b2b:
            return Pipeline(
                name: "b2b",
                stages: [
                    Self.unsorted,
                    Stage(id: "opportunity", name: "Opportunity", kind: .open, stuckAfterDays: 7, probability: 10),
                    Stage(
                        id: "proposal", name: "Commercial proposal", kind: .open, stuckAfterDays: 14,
                        probability: 30, requires: [.nextAction]),
                    Stage(id: "approval", name: "Document approval", kind: .open, stuckAfterDays: 14, probability: 60),
                    Stage(id: "signing", name: "Signing & payment", kind: .open, stuckAfterDays: 10, probability: 80),
                    Stage(id: "delivery", name: "Delivery", kind: .open, stuckAfterDays: 30, probability: 95),
                    Stage(id: "closed", name: "Closed", kind: .won, probability: 100),
                    Stage(id: "lost", name: "Lost", kind: .lost, probability: 0),
                ], lostReasons: Self.commonLostReasons + ["Failed approval"], defaultCurrency: "USD")
        }
    }
}
