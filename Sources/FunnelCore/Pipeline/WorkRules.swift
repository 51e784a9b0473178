import Foundation

/// The pipeline's settings for working leads (R10, R11, R20), with the sources' defaults.
public struct WorkRules: Codable, Hashable, Sendable {
    /// A new lead not spoken to after this many minutes is flagged (R10: call within 10 minutes).
    public var speedToLeadMinutes: Int = 10
    /// A lead longer than this in the first stage is overdue (R10: not more than a day).
    public var firstStageMaxHours: Int = 24
    /// After this many unanswered attempts the card proposes closing as lost (R11: 6).
    public var maxAttempts: Int = 6
    /// A lead that arrived today needs at least this many attempts today (R11: 3).
    public var firstDayAttempts: Int = 3
    /// The lost reason proposed after `maxAttempts`.
    public var unreachableReason: String = "Unreachable"
    /// Whether a deal needs payment terms before it is won (R20).
    public var wonNeedsPaymentTerms: Bool = false
    /// Payment methods in the order they are offered (R20).
    public var paymentMethods: [PaymentMethod] = PaymentMethod.allCases

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case speedToLeadMinutes = "speed_to_lead_minutes"
        case firstStageMaxHours = "first_stage_max_hours"
        case maxAttempts = "max_attempts"
        case firstDayAttempts = "first_day_attempts"
        case unreachableReason = "unreachable_reason"
        case wonNeedsPaymentTerms = "won_needs_payment_terms"
        case paymentMethods = "payment_methods"
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        let d = WorkRules()
        speedToLeadMinutes = try c.decodeIfPresent(Int.self, forKey: .speedToLeadMinutes) ?? d.speedToLeadMinutes
        firstStageMaxHours = try c.decodeIfPresent(Int.self, forKey: .firstStageMaxHours) ?? d.firstStageMaxHours
        maxAttempts = try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? d.maxAttempts
        firstDayAttempts = try c.decodeIfPresent(Int.self, forKey: .firstDayAttempts) ?? d.firstDayAttempts
        unreachableReason = try c.decodeIfPresent(String.self, forKey: .unreachableReason) ?? d.unreachableReason
        wonNeedsPaymentTerms = try c.decodeIfPresent(Bool.self, forKey: .wonNeedsPaymentTerms) ?? d.wonNeedsPaymentTerms
        paymentMethods = try c.decodeIfPresent([PaymentMethod].self, forKey: .paymentMethods) ?? d.paymentMethods
    }
}
