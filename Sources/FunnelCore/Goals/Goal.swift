import Foundation

/// What a goal counts: won value (money), deals won, or activities logged (calls, emails, meetings).
public enum GoalKind: String, CaseIterable, Codable, Sendable {
    case wonValue = "won_value"
    case wonDeals = "won_deals"
    case activities

    /// Whether the target is money (else a count).
    public var isMoney: Bool { self == .wonValue }
}

/// A monthly target for one seller, or for the team (`seller` nil). Stored in `goals.json`.
public struct Goal: Codable, Hashable, Sendable {
    public var month: Month
    /// The seller's account; nil for the team.
    public var seller: String?
    public var kind: GoalKind
    /// Money (two decimals at most) for won value, a whole number for counts.
    public var target: Decimal

    public init(month: Month, seller: String?, kind: GoalKind, target: Decimal) {
        self.month = month
        self.seller = seller
        self.kind = kind
        self.target = target
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case month, seller, kind, target }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        month = try c.decode(Month.self, forKey: .month)
        seller = try c.decodeIfPresent(String.self, forKey: .seller)
        // An account name, never a path or an escape sequence the file could smuggle in.
        if let seller, !User.isValidAccount(seller) {
            throw DecodingError.dataCorruptedError(forKey: .seller, in: c, debugDescription: "not an account name: \(seller.debugDescription)")
        }
        kind = try c.decode(GoalKind.self, forKey: .kind)
        let text = try c.decode(String.self, forKey: .target)
        guard let amount = Money.parseAmount(text) else {
            throw DecodingError.dataCorruptedError(forKey: .target, in: c, debugDescription: "not a target: \(text)")
        }
        target = amount
        try StrictKeys.refuse(violation, decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(month, forKey: .month)
        try c.encode(seller, forKey: .seller)
        try c.encode(kind, forKey: .kind)
        try c.encode(Goal.targetText(target, kind: kind), forKey: .target)
    }

    /// The target as stored and printed: "200000.00" for money, "12" for a count.
    public static func targetText(_ target: Decimal, kind: GoalKind) -> String {
        kind.isMoney ? Money.plain(target) : "\(NSDecimalNumber(decimal: target).intValue)"
    }

    /// Why this goal cannot be kept: a target below zero, past the money limit, with more than
    /// two decimals, or a count that is not whole or over `Goal.maximumCount`; a seller name too long.
    public var violation: Message? {
        if target.isNaN || target < 0 { return .goalNegative }
        if kind.isMoney {
            if target > Limits.maximumAmount { return .valueTooLarge(limit: Limits.maximumAmount) }
            if !Limits.isStorable(target) { return .tooManyDecimals(places: Limits.amountDecimals) }
        } else {
            var whole = Decimal(), value = target
            NSDecimalRound(&whole, &value, 0, .plain)
            if whole != target || target > Decimal(Goal.maximumCount) { return .goalCountInvalid(limit: Goal.maximumCount) }
        }
        if let seller, !Limits.fits(seller, Limits.fieldLength) { return .fieldTooLong(field: "seller", limit: Limits.fieldLength) }
        return nil
    }

    /// The largest count a goal may set.
    public static let maximumCount = 1_000_000
}
