import Foundation

extension Deal {
    /// What a report counts of a deal: everything but its activities and `DealParts.details`.
    public struct Counted: Sendable {
        public var id: String
        public var owner: String?
        public var pipeline: String?
        public var stage: String
        /// The value in hundredths when it has them, else as a decimal (`Deal.hundredths`).
        public var hundredths: UInt64?
        public var value: Decimal?
        public var currency: String
        public var created: Date
        public var stageEntered: Date
        /// The next action's day (its words are a detail).
        public var nextActionDay: Day?
        public var lostReason: String?
        public var probability: Int?
        public var expectedClose: Day?
        /// Each stage change's time, from, to and pipeline (who made it is a detail).
        public var history: [StageChange]

        public init(
            id: String, owner: String?, pipeline: String?, stage: String, hundredths: UInt64?, value: Decimal?, currency: String,
            created: Date, stageEntered: Date, nextActionDay: Day?, lostReason: String?, probability: Int?, expectedClose: Day?,
            history: [StageChange]
        ) {
            (self.id, self.owner, self.pipeline, self.stage) = (id, owner, pipeline, stage)
            (self.hundredths, self.value, self.currency) = (hundredths, value, currency)
            (self.created, self.stageEntered, self.nextActionDay, self.lostReason) = (created, stageEntered, nextActionDay, lostReason)
            (self.probability, self.expectedClose, self.history) = (probability, expectedClose, history)
        }
    }

    /// The deal a report's reader holds (`leftOut`: activities and details, so never written),
    /// made in one step: the same value as the whole deal after `leaveOut(.counted)`.
    public init(counted c: Counted) {
        var f = Fields()
        (f.id, f.owner, f.pipeline, f.stage, f.currency) = (c.id, c.owner, c.pipeline, c.stage, c.currency)
        if let cents = c.hundredths, cents <= Limits.maximumCents {
            (f.value, f.hundredths) = (Money.fromCents(cents), cents)
        } else {
            let value = c.hundredths.map(Money.fromCents) ?? c.value
            (f.value, f.hundredths) = (value, value.flatMap(Money.hundredths))
        }
        (f.created, f.stageEntered, f.updated) = (c.created, c.stageEntered, c.created)
        f.nextAction = c.nextActionDay.map { NextAction(date: $0) }
        (f.lostReason, f.probability, f.expectedClose) = (c.lostReason, c.probability, c.expectedClose)
        f.log = DealLog(history: c.history, activities: [])
        f.leftOut = .counted
        self.init(fields: f)
    }
}
