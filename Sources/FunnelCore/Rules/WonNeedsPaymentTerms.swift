import Foundation

/// R20: when the pipeline says so, a deal needs payment terms before it is won.
public struct WonNeedsPaymentTerms: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard context.pipeline.work.wonNeedsPaymentTerms, context.entersStage, let stage = context.targetStage,
            stage.kind == .won, context.after.paymentTerms == nil
        else { return nil }
        return Refusal(.needsPaymentTerms(stage: stage.name))
    }
}
