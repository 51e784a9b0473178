import Foundation

/// A quote as issued (R19): its number, dates, language, the lines and sums frozen at issue
/// and the PDF kept under the data directory. Never edited after: a deal's `quotes` only grow.
public struct IssuedQuote: Codable, Hashable, Sendable {
    /// `Q-YYYY-NNNN`.
    public var number: String
    public var issued: Date
    /// The account that issued it.
    public var by: String
    /// The template's language: he, ar or en.
    public var language: Language
    public var date: Day
    public var validUntil: Day
    public var currency: String
    public var lines: [QuoteLine]
    public var vatPercent: Decimal
    public var subtotal: Decimal
    public var vat: Decimal
    public var total: Decimal
    public var installments: Int
    /// Each installment but the last (`QuoteTotals`).
    public var installment: Decimal
    public var lastInstallment: Decimal
    public var paymentMethod: PaymentMethod?
    /// The PDF where it was written, relative to the data directory (`IssuedQuote.pdfPath`):
    /// `quotes/deals/OWNER/Q-YYYY-NNNN.pdf`, `quotes/inbox/Q-YYYY-NNNN.pdf`, or `quotes/Q-YYYY-NNNN.pdf`
    /// for a quote issued before quotes followed their deal's owner. A record only: the PDF is
    /// found from the number and the deal's owner now (it moves with the deal), never from this text.
    public var pdf: String

    /// The quote of `deal`'s lines numbered `number`, issued by `actor` at `now` with the
    /// pipeline's settings; installments and method from the deal's payment terms (R20: 12 by
    /// default, the first method of the pipeline's preference order).
    public init(
        deal: Deal, number: QuoteNumber, pipeline: Pipeline, language: Language, by actor: String,
        now: Date, utcOffset: Int
    ) {
        let settings = pipeline.quotes
        let installments = deal.paymentTerms?.installments ?? PaymentTerms.defaultInstallments
        let totals = QuoteTotals(lines: deal.quoteLines, vatPercent: settings.vatPercent, installments: installments)
        self.number = number.description
        issued = Timestamp.wholeSeconds(now)
        by = actor
        self.language = language
        date = Day(now, utcOffset: utcOffset)
        validUntil = date.adding(days: settings.validDays)
        currency = deal.currency
        lines = deal.quoteLines
        vatPercent = settings.vatPercent
        subtotal = totals.subtotal
        vat = totals.vat
        total = totals.total
        self.installments = totals.installments
        installment = totals.installment
        lastInstallment = totals.lastInstallment
        paymentMethod = deal.paymentTerms?.method ?? pipeline.work.paymentMethods.first
        pdf = Self.pdfPath(number: number, owner: deal.owner) ?? "quotes/\(number).pdf"
    }

    /// Where the PDF of quote `number` on a deal owned by `owner` (nil: an unassigned lead) lives,
    /// relative to the data directory, beside the deal's own privacy boundary:
    /// `quotes/deals/OWNER/NUMBER.pdf` or `quotes/inbox/NUMBER.pdf`; nil when `owner` is not an
    /// account name (it would become a path component).
    public static func pdfPath(number: QuoteNumber, owner: String?) -> String? {
        guard let owner else { return "quotes/inbox/\(number).pdf" }
        guard User.isValidAccount(owner) else { return nil }
        return "quotes/deals/\(owner)/\(number).pdf"
    }

    /// Where the PDF is now, relative to the data directory: beside `deal`'s owner (it follows the
    /// deal), or where a quote issued before that was written (`quotes/NUMBER.pdf`, never moved).
    /// Built from the number and the owner, both checked; nil when either is not well formed.
    public func pdfPath(on deal: Deal) -> String? {
        guard let parsed = QuoteNumber(number) else { return nil }
        if pdf == "quotes/\(parsed).pdf" { return pdf }
        return Self.pdfPath(number: parsed, owner: deal.owner)
    }

    /// Whether `pdf` is one of the places a quote numbered `number` may have been written to.
    static func isPDFPath(_ pdf: String, number: QuoteNumber) -> Bool {
        if pdf == "quotes/\(number).pdf" || pdf == pdfPath(number: number, owner: nil) { return true }
        let parts = pdf.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "quotes" && parts[1] == "deals" && parts[3] == "\(number).pdf"
            && User.isValidAccount(String(parts[2]))
    }

    /// The sums as `QuoteTotals` computes them from the frozen lines.
    public var totals: QuoteTotals { QuoteTotals(lines: lines, vatPercent: vatPercent, installments: installments) }

    /// The first thing wrong with this quote, or nil: a number, lines, sums that add up, values within `Limits`.
    public var violation: Message? {
        guard let parsed = QuoteNumber(number), Self.isPDFPath(pdf, number: parsed) else { return .quoteCorrupt(number: number) }
        if lines.isEmpty { return .quoteNoLines }
        if let problem = lines.lazy.compactMap(\.violation).first { return problem }
        if total > Limits.maximumAmount { return .quoteTotalTooLarge(limit: Limits.maximumAmount) }
        let sums = totals
        guard sums.subtotal == subtotal, sums.vat == vat, sums.total == total, sums.installment == installment,
            sums.lastInstallment == lastInstallment, Limits.installments.contains(installments),
            QuoteSettings.vatPercents.contains(vatPercent), Limits.days.contains(date), Limits.days.contains(validUntil),
            Limits.isStorable(issued), Limits.fits(by, Limits.fieldLength)
        else { return .quoteCorrupt(number: number) }
        return nil
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case number, issued, by, language, date, currency, lines, subtotal, vat, total, installments, installment, pdf
        case validUntil = "valid_until"
        case vatPercent = "vat_percent"
        case lastInstallment = "last_installment"
        case paymentMethod = "payment_method"
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        issued = try c.decode(Date.self, forKey: .issued)
        by = try c.decode(String.self, forKey: .by)
        let code = try c.decode(String.self, forKey: .language)
        guard let language = Language(rawValue: code) else {
            throw DecodingError.dataCorruptedError(forKey: .language, in: c, debugDescription: "not he, ar or en: \(code)")
        }
        self.language = language
        date = try c.decode(Day.self, forKey: .date)
        validUntil = try c.decode(Day.self, forKey: .validUntil)
        currency = try c.decode(String.self, forKey: .currency)
        lines = try c.decode([QuoteLine].self, forKey: .lines)
        vatPercent = try DecimalText.decode(c, .vatPercent)
        subtotal = try DecimalText.decode(c, .subtotal)
        vat = try DecimalText.decode(c, .vat)
        total = try DecimalText.decode(c, .total)
        installments = try c.decode(Int.self, forKey: .installments)
        installment = try DecimalText.decode(c, .installment)
        lastInstallment = try DecimalText.decode(c, .lastInstallment)
        paymentMethod = try c.decodeIfPresent(PaymentMethod.self, forKey: .paymentMethod)
        pdf = try c.decode(String.self, forKey: .pdf)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(issued, forKey: .issued)
        try c.encode(by, forKey: .by)
        try c.encode(language.rawValue, forKey: .language)
        try c.encode(date, forKey: .date)
        try c.encode(validUntil, forKey: .validUntil)
        try c.encode(currency, forKey: .currency)
        try c.encode(lines, forKey: .lines)
        for (key, value) in [
            (CodingKeys.vatPercent, vatPercent), (.subtotal, subtotal), (.vat, vat), (.total, total),
            (.installment, installment), (.lastInstallment, lastInstallment),
        ] {
            try c.encode(Money.plain(value), forKey: key)
        }
        try c.encode(installments, forKey: .installments)
        try c.encode(paymentMethod, forKey: .paymentMethod)
        try c.encode(pdf, forKey: .pdf)
    }
}
