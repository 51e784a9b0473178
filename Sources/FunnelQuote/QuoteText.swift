import Foundation
import FunnelCore

/// How amounts, quantities and percentages read on a quote: always with cents, grouped, with
/// the currency's symbol ("₪1,250.00"); quantities and percentages without needless zeros.
public enum QuoteText {
    /// "₪1,250.00", "USD 99.90".
    public static func money(_ amount: Decimal, currency: String) -> String {
        let plain = Money.plain(amount)
        let parts = plain.split(separator: ".", maxSplits: 1)
        return Money.symbol(for: currency) + Money.grouped(parts[0]) + "." + (parts.count > 1 ? String(parts[1]) : "00")
    }

    /// "2", "1.5", "0.25": a stored two-decimal number without trailing zeros.
    public static func number(_ value: Decimal) -> String { DecimalText.short(value) }

    /// Untrusted one-line text (a deal's fields) as a quote may show it: control characters and
    /// line breaks become spaces.
    public static func oneLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
                }))
    }
}
