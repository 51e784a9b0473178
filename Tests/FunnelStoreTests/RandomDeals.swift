import Foundation
import FunnelCore

/// Random values inside `Limits`, from a seeded generator so a failure repeats: every kind of
/// Unicode text up to each length limit, amounts up to the largest, times and days from the
/// first to the last kept, revisions and installments over their whole range — with the edges
/// themselves drawn often.
struct RandomDeals {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: return range.lowerBound
        case 1: return range.upperBound
        default: return Int.random(in: range, using: &rng)
        }
    }

    mutating func bool() -> Bool { Bool.random(using: &rng) }

    /// Where scalars are drawn from: controls and ASCII, Latin, Hebrew, Arabic, combining marks,
    /// zero-width and bidi controls, CJK, emoji, private use, and any plane.
    static let blocks: [ClosedRange<UInt32>] = [
        0x00...0x7F, 0x80...0x24F, 0x590...0x5FF, 0x600...0x6FF, 0x300...0x36F, 0x200B...0x206F,
        0x4E00...0x9FFF, 0x1F300...0x1FAFF, 0xE000...0xF8FF, 0xFEFF...0xFFFF, 0x10000...0x10FFFF,
    ]

    mutating func scalar() -> Unicode.Scalar {
        let block = Self.blocks[Int.random(in: 0..<Self.blocks.count, using: &rng)]
        while true {
            if let s = Unicode.Scalar(UInt32.random(in: block, using: &rng)) { return s }
        }
    }

    /// Text of at most `limit` code points: often empty, short, or exactly at the limit.
    mutating func text(_ limit: Int) -> String {
        let count: Int
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: count = 0
        case 1: count = limit
        case 2: count = Int.random(in: 0...min(limit, 12), using: &rng)
        default: count = Int.random(in: 0...limit, using: &rng)
        }
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count { scalars.append(scalar()) }
        return String(scalars)
    }

    mutating func amount() -> Decimal {
        let most = Money.cents(Limits.maximumAmount)!
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return 0
        case 1: return Limits.maximumAmount
        case 2: return Money.fromCents(UInt64.random(in: 0...10_000_000, using: &rng))
        default: return Money.fromCents(UInt64.random(in: 0...most, using: &rng))
        }
    }

    mutating func time() -> Date {
        let first = Int(Limits.earliestTime.timeIntervalSince1970), last = Int(Limits.latestTime.timeIntervalSince1970)
        return Date(timeIntervalSince1970: Double(int(first...last)))
    }

    mutating func day() -> Day { Day(daysSinceEpoch: int(Limits.earliestDay.daysSinceEpoch...Limits.latestDay.daysSinceEpoch)) }

    mutating func activity() -> Activity {
        let kind = ActivityKind.allCases.randomElement(using: &rng)!
        return Activity(
            at: time(), by: text(Limits.fieldLength), kind: kind,
            outcome: kind == .call || bool() ? CallOutcome.allCases.randomElement(using: &rng) : nil,
            note: text(Limits.activityNoteLength), module: bool() ? text(Limits.fieldLength) : nil)
    }

    /// A deal with every field drawn at random within the limits.
    mutating func deal(owners: [String?]) -> Deal {
        let owner = owners.randomElement(using: &rng)!
        var deal = Deal(
            id: DealID.make(using: &rng), title: text(Limits.fieldLength), company: text(Limits.fieldLength),
            contact: text(Limits.fieldLength), phone: text(Limits.fieldLength), email: text(Limits.fieldLength),
            value: bool() ? amount() : nil, currency: text(Limits.fieldLength), owner: owner,
            stage: text(Limits.fieldLength), created: time(), stageEntered: time(),
            nextAction: bool() ? NextAction(date: day(), text: text(Limits.fieldLength)) : nil,
            lostReason: bool() ? text(Limits.fieldLength) : nil, notes: text(Limits.notesLength / 4 * int(0...4)),
            history: (0..<int(0...4)).map { _ in
                StageChange(
                    at: time(), by: text(Limits.fieldLength), from: bool() ? text(Limits.fieldLength) : nil,
                    to: text(Limits.fieldLength))
            },
            revision: int(Limits.revisions), updated: time())
        deal.activities = (0..<int(0...4)).map { _ in activity() }
        deal.callSteps = Set(CallStep.allCases.filter { _ in bool() })
        if bool() {
            deal.paymentTerms = PaymentTerms(
                installments: int(Limits.installments),
                method: PaymentMethod.allCases.randomElement(using: &rng)!)
        }
        deal.source = text(Limits.fieldLength)
        deal.priority = Priority.allCases.randomElement(using: &rng)!
        deal.assignments = (0..<int(0...3)).map { _ in
            Assignment(
                at: time(), by: text(Limits.fieldLength), from: bool() ? text(Limits.fieldLength) : nil,
                to: bool() ? text(Limits.fieldLength) : nil)
        }
        deal.modules = (0..<int(0...3)).map { _ in BilledModule(module: text(Limits.fieldLength), at: time(), by: text(Limits.fieldLength)) }
        deal.probability = bool() ? int(Limits.probability) : nil
        deal.expectedClose = bool() ? day() : nil
        return deal
    }
}
