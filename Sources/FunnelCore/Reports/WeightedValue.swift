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
        of(value: deal.value, hundredths: deal.hundredths, percent: probability(of: deal, in: stage))
    }

    /// `of` a value (in `hundredths` when it has them) at a chance of `percent`.
    static func of(value: Decimal?, hundredths: UInt64?, percent: Int?) -> Decimal? {
        guard let value, let percent else { return nil }
        if let cents = weighted(hundredths, percent) { return Money.fromCents(cents) }
        return decimal(value, percent)
    }

    /// `of(deal, in: stage)` in hundredths, when the deal's value has them (`Deal.hundredths`).
    public static func hundredths(of deal: Deal, in stage: Stage?) -> UInt64? {
        guard let percent = probability(of: deal, in: stage) else { return nil }
        return weighted(deal.hundredths, percent)
    }

    /// `of(deal, in: stage).map(Money.plain)`, from the deal's hundredths when it has them.
    public static func plain(_ deal: Deal, in stage: Stage?) -> String? {
        if let cents = hundredths(of: deal, in: stage) { return Money.plain(hundredths: cents) }
        return of(deal, in: stage).map(Money.plain)
    }

    /// value × percent / 100 in hundredths, rounded half-up, in integers: a report sums this for
    /// 100,000 deals, and `Decimal` division costs microseconds. nil when the value is not a
    /// whole number of hundredths within the limits, or the product would not fit.
    static func hundredths(_ value: Decimal, _ percent: Int) -> UInt64? {
        weighted(Money.hundredths(value), percent)
    }

    /// `hundredths` of a value already in hundredths (`Deal.hundredths`).
    static func weighted(_ hundredths: UInt64?, _ percent: Int) -> UInt64? {
        guard percent >= 0, let cents = hundredths else { return nil }
        let (product, overflow) = cents.multipliedReportingOverflow(by: UInt64(percent))
        guard !overflow, product <= UInt64.max - 50 else { return nil }
        return (product + 50) / 100
    }

    /// The same figure in `Decimal` arithmetic (any value the integers cannot take).
    static func decimal(_ value: Decimal, _ percent: Int) -> Decimal {
        var exact = value * Decimal(percent) / 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, Limits.amountDecimals, .plain)
        return rounded
    }

    /// The sum over `deals` in `currency` (others are not summed, as everywhere in the report);
    /// nil when no probability applies to any of them and `stageHasOne` is false.
    public static func sum(_ deals: [Deal], currency: String, stage: (Deal) -> Stage?, stageHasOne: Bool = false) -> Decimal? {
        var sum = Sum(currency: currency, stageHasOne: stageHasOne)
        for deal in deals { sum.add(deal, in: stage(deal)) }
        return sum.value
    }

    /// `sum` a deal at a time, for a report that sums many groups in one pass over the deals.
    public struct Sum: Sendable {
        let currency: String
        var total = MoneySum()
        var any: Bool

        public init(currency: String, stageHasOne: Bool = false) {
            self.currency = currency
            any = stageHasOne
        }

        /// Counts `deal`, in `stage` (nil: a stage its pipeline lacks).
        public mutating func add(_ deal: Deal, in stage: Stage?) {
            add(deal, stageProbability: stage?.probability)
        }

        /// Counts `deal` in a stage of chance `stageProbability` (nil: none, or a stage its
        /// pipeline lacks).
        mutating func add(_ deal: Deal, stageProbability: Int?) {
            add(
                value: deal.value, hundredths: deal.hundredths, inCurrency: deal.currency == currency, probability: deal.probability,
                stageProbability: stageProbability)
        }

        /// Counts a deal's figures (`ReportSource`), `inReportCurrency` when its currency is this sum's.
        mutating func add(_ figures: CountedFigures, inReportCurrency: Bool, stageProbability: Int?) {
            add(
                value: figures.value, hundredths: figures.hundredths, inCurrency: inReportCurrency, probability: figures.probability,
                stageProbability: stageProbability)
        }

        /// Counts a deal of `value` (`hundredths`), in this sum's currency or not, of its own
        /// chance `probability` in a stage of chance `stageProbability`.
        private mutating func add(value: Decimal?, hundredths: UInt64?, inCurrency: Bool, probability: Int?, stageProbability: Int?) {
            guard let percent = probability ?? stageProbability else { return }
            any = true
            guard inCurrency, let value else { return }
            let cents = weighted(hundredths, percent)
            total.add(hundredths: cents, cents.map(Money.fromCents) ?? decimal(value, percent))
        }

        /// Adds a sum of other deals in the same currency.
        public mutating func add(_ other: Sum) {
            total.add(other.total)
            any = any || other.any
        }

        /// The sum; nil when no probability applied to any deal (and the stage has none).
        public var value: Decimal? { any ? total.value : nil }
    }
}
