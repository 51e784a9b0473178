import Foundation

/// An amount of money in one currency. Decimal, never a Double: 0.1 + 0.2 is 0.3 here.
public struct Money: Codable, Hashable, Sendable {
    public var amount: Decimal
    /// ISO 4217 code, upper case (ILS, USD, EUR…).
    public var currency: String

    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency.uppercased()
    }

    /// Parses a user-typed amount: digits with an optional decimal point and at most two
    /// decimals; thousands separators (`,` `_` or spaces) only between groups of three digits.
    /// Negative amounts, exponents, a decimal comma and anything else are refused with nil.
    public static func parseAmount(_ text: String) -> Decimal? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
            let whole = ungrouped(String(parts[0])), !(whole.isEmpty && fraction.isEmpty)
        else { return nil }
        let cleaned = whole + (parts.count == 2 ? "." + fraction : "")
        guard cleaned.count <= 20 else { return nil }
        return Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The digits of a whole number written with or without thousands separators (`,`, `_` or a
    /// space, one kind, every group after the first of three digits: `12,500`, `1 234 567`); nil for
    /// anything else — `12,5` (a decimal comma) or `1,2,3` would otherwise be read as another amount.
    static func ungrouped(_ whole: String) -> String? {
        let separators = Set(whole.filter { !($0.isASCII && $0.isNumber) })
        guard separators.count <= 1 else { return nil }
        guard let separator = separators.first else { return whole }
        guard [",", "_", " "].contains(separator) else { return nil }
        let groups = whole.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
            return nil
        }
        return groups.joined()
    }

    /// The amount in hundredths as an unsigned integer, when it is non-negative with at most two
    /// decimals and fits (every amount `parseAmount` accepts does): a compact exact form.
    public static func cents(_ amount: Decimal) -> UInt64? {
        guard amount >= 0 else { return nil }
        let text = plain(amount)
        return UInt64(text.replacingOccurrences(of: ".", with: ""))
    }

    /// The amount in hundredths when it is a whole, non-negative number of them within
    /// `Limits.maximumAmount`; nil otherwise. Without text or division (about 50 ns, where
    /// `cents` takes microseconds): reports compute it for every deal.
    public static func hundredths(_ amount: Decimal) -> UInt64? {
        guard !amount.isNaN, !amount.isSignMinus, amount.exponent >= -Limits.amountDecimals, amount <= Limits.maximumAmount
        else { return nil }
        var scaled = Decimal()
        var copy = amount
        guard NSDecimalMultiplyByPowerOf10(&scaled, &copy, Int16(Limits.amountDecimals), .plain) == .noError else { return nil }
        return NSDecimalNumber(decimal: scaled).uint64Value
    }

    /// The amount `cents` hundredths stand for.
    public static func fromCents(_ cents: UInt64) -> Decimal {
        Decimal(sign: .plus, exponent: -2, significand: Decimal(cents))
    }

    /// Whether `code` (any case) is an active ISO 4217 currency code (`CurrencyCodes`).
    public static func isValidCurrency(_ code: String) -> Bool {
        CurrencyCodes.contains(code)
    }

    /// The amount as a plain decimal string with two decimals ("12500.00"), the stored form.
    public var plainAmount: String { Money.plain(amount) }

    /// A plain decimal string with two decimals, exact for every amount `parseAmount` accepts
    /// (no detour through Double); halves round to even.
    public static func plain(_ amount: Decimal) -> String {
        if let cents = hundredths(amount) { return plain(hundredths: cents) }
        return decimalPlain(amount)
    }

    /// `plain` of `cents` hundredths.
    public static func plain(hundredths cents: UInt64) -> String { "\(cents / 100)." + zeroPaddedCents(cents % 100) }

    /// `plain` the `Decimal` way: any amount, bankers' rounding to hundredths.
    static func decimalPlain(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .bankers)
        var text = rounded.description
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        let whole = parts.first.flatMap { $0.isEmpty ? nil : $0 } ?? "0"
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.count < 2 { fraction += "0" }
        return (negative && rounded != 0 ? "-" : "") + whole + "." + fraction.prefix(2)
    }

    /// For people: the currency's symbol, grouping, and decimals only when there are cents
    /// ("₪12,500", "$99.90").
    public var display: String { Money.display(amount, currency: currency) }

    /// Formats an amount in a currency for people.
    public static func display(_ amount: Decimal, currency: String) -> String {
        // A whole number of hundredths (every stored value): integers, no Decimal rounding.
        if let cents = hundredths(amount) { return display(hundredths: cents, currency: currency) }
        return decimalDisplay(amount, currency: currency)
    }

    /// `display` of `cents` hundredths.
    public static func display(hundredths cents: UInt64, currency: String) -> String {
        let fraction = cents % 100
        let whole = grouped(Substring(String(cents / 100)))
        return symbol(for: currency) + whole + (fraction == 0 ? "" : "." + zeroPaddedCents(fraction))
    }

    /// `display` the `Decimal` way: any amount, negative ones too.
    static func decimalDisplay(_ amount: Decimal, currency: String) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .bankers)
        var whole = Decimal()
        var copy = rounded
        NSDecimalRound(&whole, &copy, 0, .down)
        let hasCents = whole != rounded
        var digits = decimalPlain(rounded)
        if !hasCents, let dot = digits.firstIndex(of: ".") { digits = String(digits[..<dot]) }
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1)
        var grouped = Money.grouped(parts[0])
        if parts.count == 2 { grouped += "." + parts[1] }
        return (negative ? "-" : "") + symbol(for: currency) + grouped
    }

    /// Two digits of hundredths: 5 → "05".
    static func zeroPaddedCents(_ cents: UInt64) -> String { cents < 10 ? "0\(cents)" : "\(cents)" }

    /// Whole-number digits with a comma between thousands: "1234567" → "1,234,567".
    public static func grouped(_ digits: Substring) -> String {
        var grouped = ""
        for (index, ch) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return grouped
    }

    /// A short symbol for common currencies, otherwise the code and a space.
    public static func symbol(for currency: String) -> String {
        switch currency.uppercased() {
        case "ILS": return "₪"
        case "USD": return "$"
        case "EUR": return "€"
        case "GBP": return "£"
        case "JPY": return "¥"
        case "AED": return "AED "
        case "SAR": return "SAR "
        default: return currency.uppercased() + " "
        }
    }
}
