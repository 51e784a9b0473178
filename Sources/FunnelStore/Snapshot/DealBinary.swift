import Foundation
import FunnelCore

/// A deal in the snapshot cache's binary form: every field, so a loaded deal is the same value
/// as one decoded from its JSON file.
enum DealBinary {
    /// The cases each byte names, made once (a synthesized `allCases` is a new array each time).
    static let paymentMethods = PaymentMethod.allCases
    static let activityKinds = ActivityKind.allCases
    static let callOutcomes = CallOutcome.allCases
    static let priorities = Priority.allCases

    static func write(_ deal: Deal, to w: inout BinaryWriter) {
        w.string(deal.id)
        w.string(deal.title)
        w.string(deal.company)
        w.string(deal.contact)
        w.string(deal.phone)
        w.string(deal.email)
        writeValue(deal, to: &w)
        w.string(deal.currency)
        w.optionalString(deal.owner)
        w.string(deal.stage)
        w.optionalString(deal.pipeline)
        writeTimes(deal, details: true, to: &w)
        w.optionalString(deal.lostReason)
        w.string(deal.notes)
        writeHistory(deal.history, details: true, to: &w)
        w.i64(Int64(deal.revision))
        w.f64(deal.updated.timeIntervalSince1970)
        writeActivities(deal.activities, to: &w)
        w.u8(deal.callStepBits)
        if let terms = deal.paymentTerms {
            w.u8(1)
            w.u32(UInt32(clamping: terms.installments))
            w.u8(UInt8(paymentMethods.firstIndex(of: terms.method)!))
        } else {
            w.u8(0)
        }
        w.string(deal.source)
        writeLater(deal, to: &w)
    }

    /// When the deal was made and entered its stage, and its next action (0 none; 1, its day and
    /// its words, "" without `details`).
    static func writeTimes(_ deal: Deal, details: Bool, to w: inout BinaryWriter) {
        w.f64(deal.created.timeIntervalSince1970)
        w.f64(deal.stageEntered.timeIntervalSince1970)
        if let next = deal.nextAction {
            w.u8(1)
            w.i64(Int64(next.date.daysSinceEpoch))
            w.string(details ? next.text : "")
        } else {
            w.u8(0)
        }
    }

    /// What `writeTimes` wrote; the next action's words only with `details`.
    static func readTimes(_ r: inout BinaryReader, details: Bool) throws -> (created: Date, stageEntered: Date, next: NextAction?) {
        let created = Date(timeIntervalSince1970: try r.f64())
        let stageEntered = Date(timeIntervalSince1970: try r.f64())
        switch try r.u8() {
        case 0: return (created, stageEntered, nil)
        case 1:
            let day = Day(daysSinceEpoch: Int(try r.i64()))
            return (created, stageEntered, NextAction(date: day, text: try r.text(details)))
        default: throw CacheUnreadable()
        }
    }

    /// Each stage change: its time, who made it ("" without `details`), from, to and pipeline.
    static func writeHistory(_ history: [StageChange], details: Bool, to w: inout BinaryWriter) {
        w.u32(UInt32(history.count))
        for change in history {
            w.f64(change.at.timeIntervalSince1970)
            w.string(details ? change.by : "")
            w.optionalString(change.from)
            w.string(change.to)
            w.optionalString(change.pipeline)
        }
    }

    /// The value: 0 none, 1 hundredths, 2 the decimal text (anything else).
    static func writeValue(_ deal: Deal, to w: inout BinaryWriter) {
        if let value = deal.value {
            if let cents = deal.hundredths ?? Money.cents(value) {
                w.u8(1)
                w.u64(cents)
            } else {
                w.u8(2)
                w.string(Money.plain(value))
            }
        } else {
            w.u8(0)
        }
    }

    static func writeActivities(_ activities: [Activity], to w: inout BinaryWriter) {
        w.u32(UInt32(activities.count))
        for activity in activities {
            w.f64(activity.at.timeIntervalSince1970)
            w.string(activity.by)
            w.u8(UInt8(activityKinds.firstIndex(of: activity.kind)!))
            w.u8(activity.outcome.map { UInt8(callOutcomes.firstIndex(of: $0)!) } ?? 255)
            w.string(activity.note)
            w.optionalString(activity.module)
        }
    }

    /// Steps over the activities as `writeActivities` wrote them, checking their shape, making
    /// none (a reader that never looks at them: `read(_:leaving:)`).
    static func skipActivities(_ r: inout BinaryReader) throws {
        try eachActivity(activityCount(&r), &r) { _ in }
    }

    static func readActivities(_ r: inout BinaryReader) throws -> [Activity] {
        let count = try activityCount(&r)
        var activities: [Activity] = []
        activities.reserveCapacity(count)
        let interner = r.interner
        try eachActivity(count, &r) { a in
            activities.append(
                Activity(
                    at: Date(timeIntervalSince1970: a.at), by: BinaryReader.text(a.by, interner), kind: a.kind,
                    outcome: a.outcome, note: BinaryReader.text(a.note, interner), module: a.module.map { BinaryReader.text($0, interner) }))
        }
        return activities
    }

    /// The fields added with priorities, assignments and billed modules (R13, R16, R21).
    static func writeLater(_ deal: Deal, to w: inout BinaryWriter) {
        w.u8(UInt8(deal.priority.rank))
        w.u32(UInt32(deal.assignments.count))
        for assignment in deal.assignments {
            w.f64(assignment.at.timeIntervalSince1970)
            w.string(assignment.by)
            w.optionalString(assignment.from)
            w.optionalString(assignment.to)
        }
        w.u32(UInt32(deal.modules.count))
        for billed in deal.modules {
            w.string(billed.module)
            w.f64(billed.at.timeIntervalSince1970)
            w.string(billed.by)
        }
        writeQuotes(deal, to: &w)
        writeForecast(deal, to: &w)
    }

    /// The deal's own probability (255: none) and expected close (0: none, 1 and the day).
    static func writeForecast(_ deal: Deal, to w: inout BinaryWriter) {
        w.u8(deal.probability.map { UInt8(clamping: $0) } ?? 255)
        if let day = deal.expectedClose {
            w.u8(1)
            w.i64(Int64(day.daysSinceEpoch))
        } else {
            w.u8(0)
        }
    }

    static func readForecast(_ r: inout BinaryReader) throws -> (probability: Int?, expectedClose: Day?) {
        let percent = try r.u8()
        let probability = percent == 255 ? nil : Int(percent)
        switch try r.u8() {
        case 0: return (probability, nil)
        case 1: return (probability, Day(daysSinceEpoch: Int(try r.i64())))
        default: throw CacheUnreadable()
        }
    }

    /// The quote lines and issued quotes (R19), as their JSON ("" when there are none): rare and
    /// small, so the cache keeps them in the form the deal file has.
    static func writeQuotes(_ deal: Deal, to w: inout BinaryWriter) {
        guard !deal.quoteLines.isEmpty || !deal.quotes.isEmpty,
            let data = try? FunnelJSON.encode(QuoteParts(lines: deal.quoteLines, quotes: deal.quotes))
        else {
            return w.string("")
        }
        w.string(String(decoding: data, as: UTF8.self))
    }

    static func readQuotes(_ r: inout BinaryReader, into deal: inout Deal) throws {
        let text = try r.string()
        guard !text.isEmpty else { return }
        guard let parts = try? FunnelJSON.decoder().decode(QuoteParts.self, from: Data(text.utf8)) else { throw CacheUnreadable() }
        deal.quoteLines = parts.lines
        deal.quotes = parts.quotes
    }

    struct QuoteParts: Codable {
        var lines: [QuoteLine]
        var quotes: [IssuedQuote]
    }

    /// The priority and forecast; the assignments, billed modules and quotes only with `details`
    /// (stepped over without).
    static func readLater(_ r: inout BinaryReader, into deal: inout Deal, details: Bool = true) throws {
        let rank = Int(try r.u8())
        guard rank < priorities.count else { throw CacheUnreadable() }
        deal.priority = priorities[rank]
        let assignmentCount = Int(try r.u32())
        guard assignmentCount <= r.remaining else { throw CacheUnreadable() }
        for _ in 0..<assignmentCount {
            let at = Date(timeIntervalSince1970: try r.f64())
            let by = try r.text(details)
            let from = try r.optionalText(details)
            let to = try r.optionalText(details)
            if details { deal.assignments.append(Assignment(at: at, by: by, from: from, to: to)) }
        }
        let moduleCount = Int(try r.u32())
        guard moduleCount <= r.remaining else { throw CacheUnreadable() }
        for _ in 0..<moduleCount {
            let module = try r.text(details)
            let at = Date(timeIntervalSince1970: try r.f64())
            let by = try r.text(details)
            if details { deal.modules.append(BilledModule(module: module, at: at, by: by)) }
        }
        if details { try readQuotes(&r, into: &deal) } else { try r.skipString() }
        (deal.probability, deal.expectedClose) = try readForecast(&r)
    }

    /// Steps over the history as `write` wrote it, making none; an empty history to put in its place.
    static func skipHistory(_ r: inout BinaryReader) throws -> [StageChange] {
        let historyCount = Int(try r.u32())
        guard historyCount <= r.remaining else { throw CacheUnreadable() }
        for _ in 0..<historyCount {
            _ = try r.f64()
            try r.skipString()
            if try r.u8() == 1 { try r.skipString() }
            try r.skipString()
            if try r.u8() == 1 { try r.skipString() }
        }
        return []
    }

    /// What `writeHistory` wrote, packed straight from its bytes with `words` (no text made but a
    /// word new to them); nil, with `r` where it was, for no change or one that does not pack
    /// (`PackedChanges.Builder.append`): then read as a list.
    static func readPackedHistory(_ r: inout BinaryReader, words: ChangeWords) throws -> PackedChanges? {
        let start = r.offset
        let historyCount = Int(try r.u32())
        guard historyCount <= r.remaining else { throw CacheUnreadable() }
        guard historyCount > 0 else {
            r.offset = start
            return nil
        }
        var builder = PackedChanges.Builder(capacity: historyCount, words: words)
        for _ in 0..<historyCount {
            let at = Date(timeIntervalSince1970: try r.f64())
            let by = try r.stringBytes()
            let from = try r.optionalStringBytes()
            let to = try r.stringBytes()
            guard builder.append(at: at, by: by, from: from, to: to, pipeline: try r.optionalStringBytes()) else {
                r.offset = start
                return nil
            }
        }
        return builder.finished()
    }

    /// What `writeHistory` wrote; who made each change only with `details`.
    static func readHistory(_ r: inout BinaryReader, details: Bool = true) throws -> [StageChange] {
        let historyCount = Int(try r.u32())
        guard historyCount <= r.remaining else { throw CacheUnreadable() }
        var history: [StageChange] = []
        history.reserveCapacity(historyCount)
        for _ in 0..<historyCount {
            let at = Date(timeIntervalSince1970: try r.f64())
            let by = try r.text(details)
            let from = try r.optionalString()
            let to = try r.string()
            history.append(StageChange(at: at, by: by, from: from, to: to, pipeline: try r.optionalString()))
        }
        return history
    }

    /// A deal; without the parts `leaving` names (`Deal.leaveOut`), stepped over unmade.
    static func read(_ r: inout BinaryReader, leaving: DealParts = []) throws -> Deal {
        let id = try r.string()
        // Without `.details`, the texts are stepped over (`Deal.leaveOut` puts back the rest's defaults).
        let details = !leaving.contains(.details)
        let title = try r.text(details)
        let company = try r.text(details)
        let contact = try r.text(details)
        let phone = try r.text(details)
        let email = try r.text(details)
        let (value, cents, valueInRange) = try readValue(&r)
        let currency = try r.string()
        let owner = try r.optionalString()
        let stage = try r.string()
        let pipeline = try r.optionalString()
        let (created, stageEntered, nextAction) = try readTimes(&r, details: details)
        let lostReason = try r.optionalString()
        let notes = try r.text(details)
        // Read whole with others, the stage changes are packed as they are read, their texts
        // numbered once for all the deals read together (`PackedChanges`).
        var packedHistory: PackedChanges?
        if leaving.isEmpty, let words = r.interner?.words { packedHistory = try readPackedHistory(&r, words: words) }
        let history =
            packedHistory != nil ? [] : leaving.contains(.history) ? try skipHistory(&r) : try readHistory(&r, details: details)
        let revision = Int(try r.i64())
        let updated = Date(timeIntervalSince1970: try r.f64())
        var deal = Deal(
            id: id, title: title, company: company, contact: contact, phone: phone, email: email, value: cents == nil ? value : nil,
            currency: currency, owner: owner, stage: stage, created: created, stageEntered: stageEntered,
            nextAction: nextAction, lostReason: lostReason, notes: notes, history: history, revision: revision,
            updated: updated)
        if let cents { deal.setValue(hundredths: cents) }
        deal.pipeline = pipeline
        if leaving.isEmpty {
            // Read whole, the activities are kept packed (`DealLog`): no array, no text made for them.
            guard var log = try packActivities(&r, history: history) else { throw CacheUnreadable() }
            if let packedHistory { log.keepHistory(packedHistory) }
            deal.log = log
        } else if leaving.contains(.activities) {
            try skipActivities(&r)
        } else {
            deal.activities = try readActivities(&r)
        }
        try readTerms(&r, into: &deal)
        deal.source = try r.text(details)
        try readLater(&r, into: &deal, details: details)
        deal.leaveOut(leaving)
        // The cache is a file too: a value outside the limits (or a time that is not a number) is not trusted.
        guard ValuesWithinLimits.violation(in: deal, valueInRange: valueInRange) == nil else { throw CacheUnreadable() }
        return deal
    }

    /// The owner of the deal `r` is at, its id read: the fields before it stepped over.
    static func owner(afterID r: inout BinaryReader) throws -> String? {
        for _ in 0..<5 { try r.skipString() }
        _ = try readValue(&r)
        try r.skipString()
        return try r.optionalString()
    }

    /// The call steps ticked and the payment terms.
    static func readTerms(_ r: inout BinaryReader, into deal: inout Deal) throws {
        let steps = try r.u8()
        if steps != 0 { deal.callStepBits = steps }
        if try r.u8() == 1 {
            let installments = Int(try r.u32())
            let method = Int(try r.u8())
            guard method < paymentMethods.count else { throw CacheUnreadable() }
            deal.paymentTerms = PaymentTerms(installments: installments, method: paymentMethods[method])
        }
    }

    /// The value (0 none, 1 hundredths, 2 the decimal text), and whether it is known to be in
    /// range already: hundredths are checked here as integers, which spares the `Decimal`
    /// comparisons of `ValuesWithinLimits` (a tenth of reading 100,000 deals).
    /// The hundredths, when read as such, go to `Deal.setValue(hundredths:)`.
    static func readValue(_ r: inout BinaryReader) throws -> (Decimal?, cents: UInt64?, inRange: Bool) {
        switch try r.u8() {
        case 0: return (nil, nil, true)
        case 1:
            let cents = try r.u64()
            guard cents <= Limits.maximumCents else { throw CacheUnreadable() }
            return (Money.fromCents(cents), cents, true)
        case 2:
            guard let amount = Money.parseAmount(try r.string()) else { throw CacheUnreadable() }
            return (amount, nil, false)
        default: throw CacheUnreadable()
        }
    }
}
