import Foundation

/// Decimal amounts as quotes store and compute them: read from JSON strings, rounded half-up.
public enum DecimalText {
    /// `value` rounded to `places` decimals, halves away from zero (half-up for the non-negative
    /// amounts of a quote): what accountants and tax authorities expect on an invoice line.
    public static func roundHalfUp(_ value: Decimal, places: Int = 2) -> Decimal {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, places, .plain)
        return rounded
    }

    /// "2", "1.5", "-1": a number of at most two decimals without trailing zeros.
    public static func short(_ value: Decimal) -> String {
        var text = Money.plain(value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A stored amount ("12.50"): digits with at most two decimals, never negative; nil otherwise.
    public static func parse(_ text: String) -> Decimal? {
        guard !text.contains(","), !text.contains("_"), !text.contains(" ") else { return nil }
        return Money.parseAmount(text)
    }

    /// Decodes a decimal stored as a string under `key`, or throws naming the field.
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> Decimal {
        let text = try c.decode(String.self, forKey: key)
        guard let value = parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not a decimal amount: \(text)")
        }
        return value
    }
}
