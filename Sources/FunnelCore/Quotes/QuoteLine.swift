import Foundation

/// One line of a quote (R19): a catalogue product (or a free line, `product` nil), its text,
/// quantity, unit price and discount. The line total is rounded once, half-up, to cents.
public struct QuoteLine: Codable, Hashable, Sendable {
    /// The catalogue code, or nil for a free line.
    public var product: String?
    /// What the customer reads: the product's name when the line was added, or the free text.
    public var text: String
    /// More than zero; at most two decimals (hours, metres…).
    public var quantity: Decimal
    public var unitPrice: Decimal
    /// Percent off, 0 … 100.
    public var discount: Decimal
    /// No VAT on this line (the product is VAT-exempt).
    public var vatExempt: Bool

    public init(
        product: String?, text: String, quantity: Decimal, unitPrice: Decimal, discount: Decimal = 0,
        vatExempt: Bool = false
    ) {
        self.product = product
        self.text = text
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
        self.vatExempt = vatExempt
    }

    /// quantity × unit price × (100 − discount) / 100, rounded half-up to cents, once.
    public var total: Decimal {
        DecimalText.roundHalfUp(quantity * unitPrice * (100 - discount) / 100)
    }

    /// The first thing wrong with this line, or nil (`QuoteLinesAreValid`).
    public var violation: Message? {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .quoteLineEmptyText }
        if !Limits.fits(text, Limits.fieldLength) { return .fieldTooLong(field: "line text", limit: Limits.fieldLength) }
        if quantity.isNaN || quantity <= 0 { return .quoteLineQuantity(quantity: DecimalText.short(quantity)) }
        if quantity > Limits.maximumAmount || !Limits.isStorable(quantity) { return .quoteLineQuantity(quantity: DecimalText.short(quantity)) }
        if discount.isNaN || discount < 0 || discount > 100 || !Limits.isStorable(discount) {
            return .quoteLineDiscount(discount: "\(discount)")
        }
        if unitPrice.isNaN || unitPrice < 0 { return .negativePrice }
        if unitPrice > Limits.maximumAmount { return .valueTooLarge(limit: Limits.maximumAmount) }
        if !Limits.isStorable(unitPrice) { return .tooManyDecimals(places: Limits.amountDecimals) }
        if total > Limits.maximumAmount { return .quoteLineTooLarge(text: text, limit: Limits.maximumAmount) }
        if let product, !Product.isValidCode(product) { return .productBadCode(code: product) }
        return nil
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case product, text, quantity, discount
        case unitPrice = "unit_price"
        case vatExempt = "vat_exempt"
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        product = try c.decodeIfPresent(String.self, forKey: .product)
        text = try c.decode(String.self, forKey: .text)
        quantity = try DecimalText.decode(c, .quantity)
        unitPrice = try DecimalText.decode(c, .unitPrice)
        discount = try c.contains(.discount) ? DecimalText.decode(c, .discount) : 0
        vatExempt = try c.decodeIfPresent(Bool.self, forKey: .vatExempt) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(product, forKey: .product)
        try c.encode(text, forKey: .text)
        try c.encode(Money.plain(quantity), forKey: .quantity)
        try c.encode(Money.plain(unitPrice), forKey: .unitPrice)
        try c.encode(Money.plain(discount), forKey: .discount)
        try c.encode(vatExempt, forKey: .vatExempt)
    }
}
