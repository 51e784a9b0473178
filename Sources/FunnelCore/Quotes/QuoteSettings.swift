import Foundation

/// The pipeline's settings for quotes (`pipeline.json`, `quotes`): the VAT rate and how long a
/// quote is valid. Which stages need an issued quote is a stage's `requires: ["quote"]`.
public struct QuoteSettings: Codable, Hashable, Sendable {
    /// VAT in percent (Israel: 18 since 2025), at most two decimals.
    public var vatPercent: Decimal = 18
    /// Days from the quote's date to its valid-until date.
    public var validDays: Int = 30

    public init() {}

    /// The VAT rates a pipeline may set.
    public static let vatPercents: ClosedRange<Decimal> = 0...100
    /// The validity a pipeline may set, in days.
    public static let validDaysRange = 1...3_650

    /// Settings outside their ranges, as lines naming the setting.
    public var errors: [String] {
        var errors: [String] = []
        if !Self.vatPercents.contains(vatPercent) || !Limits.isStorable(vatPercent) {
            errors.append("quotes.vat_percent \(vatPercent) is not a percentage 0 … 100 with at most two decimals")
        }
        if !Self.validDaysRange.contains(validDays) {
            errors.append("quotes.valid_days \(validDays) is outside \(Self.validDaysRange.lowerBound) … \(Self.validDaysRange.upperBound)")
        }
        return errors
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case vatPercent = "vat_percent"
        case validDays = "valid_days"
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        if c.contains(.vatPercent) { vatPercent = try DecimalText.decode(c, .vatPercent) }
        validDays = try c.decodeIfPresent(Int.self, forKey: .validDays) ?? 30
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Money.plain(vatPercent), forKey: .vatPercent)
        try c.encode(validDays, forKey: .validDays)
    }
}
