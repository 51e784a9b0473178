import Foundation

/// Weighted value, the forecast's measure: a deal's value × its chance of winning / 100, the
/// chance being the deal's own `probability` when set, else its stage's. Each deal's is rounded
/// half-up to the cent, and every sum is the sum of those rounded figures, so each total can be
/// checked from the deals' own (`funnel show --json`).
public enum WeightedValue {
    /// The chance in percent the forecast uses for `deal` in `stage`; nil when neither has one.
    public static func probability(of deal: Deal, in stage: Stage?) -> Int? {
        deal.probability ?? stage?.probability
    }

    /// value × probability / 100, rounded half-up to the cent (money's two decimals); nil when
    /// the deal has no value or no probability applies.
    public static func of(_ deal: Deal, in stage: Stage?) -> Decimal? {
        guard let value = deal.value, let percent = probability(of: deal, in: stage) else { return nil }
        var exact = value * Decimal(percent) / 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, Limits.amountDecimals, .plain)
        return rounded
    }

    /// The sum over `deals` in `currency` (others are not summed, as everywhere in the report);
    /// nil when no probability applies to any of them and `stageHasOne` is false.
    public static func sum(_ deals: [Deal], currency: String, stage: (Deal) -> Stage?, stageHasOne: Bool = false) -> Decimal? {
        var total = Decimal(0)
        var any = stageHasOne
        for deal in deals {
            let s = stage(deal)
            if probability(of: deal, in: s) != nil { any = true }
            if deal.currency == currency, let w = of(deal, in: s) { total += w }
        }
        return any ? total : nil
    }
}
