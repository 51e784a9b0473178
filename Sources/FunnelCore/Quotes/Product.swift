import Foundation

/// One product or service a company quotes (R19): a code people type, a name in any language,
/// a unit price in one currency, and whether VAT applies. Archived products stay in the
/// catalogue, so quotes issued with them keep their meaning, but take no new lines.
public struct Product: Codable, Hashable, Sendable {
    /// What a person types (`funnel lines add ID CODE`): letters, digits, `.`, `_`, `-`.
    public var code: String
    public var name: String
    /// The unit price, at most two decimals.
    public var price: Decimal
    /// ISO 4217, upper case.
    public var currency: String
    /// No VAT on lines of this product.
    public var vatExempt: Bool
    /// False once archived.
    public var active: Bool

    public init(code: String, name: String, price: Decimal, currency: String, vatExempt: Bool = false, active: Bool = true) {
        self.code = code
        self.name = name
        self.price = price
        self.currency = currency.uppercased()
        self.vatExempt = vatExempt
        self.active = active
    }

    /// Longest product code.
    public static let maximumCodeLength = 64

    /// Whether `code` may be a product code: an ASCII letter or digit, then letters, digits, `.`, `_`, `-`.
    public static func isValidCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, code.unicodeScalars.count <= maximumCodeLength,
            first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return code.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
    }

    /// The first thing wrong with this product, or nil: code, name, price and currency within `Limits`.
    public var violation: Message? {
        if !Product.isValidCode(code) { return .productBadCode(code: code) }
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .productEmptyName }
        if !Limits.fits(name, Limits.fieldLength) { return .fieldTooLong(field: "name", limit: Limits.fieldLength) }
        if price.isNaN || price < 0 { return .negativePrice }
        if price > Limits.maximumAmount { return .valueTooLarge(limit: Limits.maximumAmount) }
        if !Limits.isStorable(price) { return .tooManyDecimals(places: Limits.amountDecimals) }
        if !Money.isValidCurrency(currency) { return .invalidCurrency(text: currency) }
        return nil
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, price, currency, active
        case vatExempt = "vat_exempt"
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        price = try DecimalText.decode(c, .price)
        currency = try c.decode(String.self, forKey: .currency)
        vatExempt = try c.decodeIfPresent(Bool.self, forKey: .vatExempt) ?? false
        active = try c.decodeIfPresent(Bool.self, forKey: .active) ?? true
        try StrictKeys.refuse(violation, decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(Money.plain(price), forKey: .price)
        try c.encode(currency, forKey: .currency)
        try c.encode(vatExempt, forKey: .vatExempt)
        try c.encode(active, forKey: .active)
    }
}
