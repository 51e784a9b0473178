import Foundation

/// R19: a stage whose `requires` lists `quote` is entered only by a deal with an issued quote
/// (`funnel quote ID` first). Off in the shipped templates; docs/quotes.md shows how to turn it on.
public struct EnteringStageNeedsQuote: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard context.entersStage, let stage = context.targetStage,
            stage.entryRequirements.contains(.quote), context.after.quotes.isEmpty
        else { return nil }
        return Refusal(.needsQuote(stage: stage.name))
    }
}
