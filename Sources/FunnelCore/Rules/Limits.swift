import Foundation

/// The bounds of every value funnel stores, stated once. The writer (every change through
/// `Funnel`, checked by `ValuesWithinLimits`) never produces a value outside them, and the
/// readers (the JSON files and the snapshot cache) refuse one, so what one teammate saves every
/// teammate can read back, and no arithmetic on stored values can overflow.
/// docs/data-format.md ("Limits") lists them for people.
public enum Limits {
    // MARK: Money

    /// The largest deal value: just under 10^17, the largest the reader has always taken (20
    /// characters once written with its two decimals). Sums over any number of deals a report
    /// sees stay exact in `Decimal` (38 significant digits), and the value in hundredths fits a
    /// `UInt64`.
    public static let maximumAmount = Decimal(string: "99999999999999999.99", locale: Locale(identifier: "en_US_POSIX"))!
    /// `maximumAmount` in hundredths (it fits a `UInt64`).
    public static let maximumCents: UInt64 = 9_999_999_999_999_999_999
    /// Decimal places a value may have (hundredths).
    public static let amountDecimals = 2

    // MARK: Dates and times

    /// The earliest calendar day stored (a next action's date).
    public static let earliestDay = Day(year: 1970, month: 1, day: 1)!
    /// The latest calendar day stored: the last one a four-digit year can write.
    public static let latestDay = Day(year: 9999, month: 12, day: 31)!
    /// The calendar days stored.
    public static let days = earliestDay...latestDay
    /// The earliest moment stored (creation, stage changes, activities): 1970-01-01T00:00:00Z.
    public static let earliestTime = earliestDay.start(utcOffset: 0)
    /// The latest moment stored: 9999-12-31T23:59:59Z.
    public static let latestTime = latestDay.start(utcOffset: 0).addingTimeInterval(86_399)
    /// The moments stored, in UTC, whole seconds.
    public static let times = earliestTime...latestTime

    // MARK: Counters

    /// Revisions run from 1; a deal at this revision takes no further change.
    public static let maximumRevision = 1_000_000_000
    /// The revisions a stored deal may carry.
    public static let revisions = 1...maximumRevision
    /// Installments of payment terms (R20): deals are annual, monthly at most for ten years.
    public static let installments = 1...120
    /// Lines of the quote being prepared on one deal (R19).
    public static let maximumQuoteLines = 500
    /// Quotes issued on one deal.
    public static let maximumQuotes = 1_000

    // MARK: Text (counted in Unicode code points, so combining marks count too)

    /// Title, company, contact, phone, email, currency, owner, stage, lost reason, source,
    /// next action text, and the author and stages of history and activity entries.
    public static let fieldLength = 500
    /// A deal's free notes.
    public static let notesLength = 20_000
    /// One activity's note (`funnel log --note`): room for a lead captured again, whose name,
    /// phone, email, note and source are logged on the deal it matches (7,008 at most).
    public static let activityNoteLength = 8_000
    /// A captured lead's note (the other lead fields take `fieldLength`).
    public static let leadNoteLength = 5_000

    // MARK: Pipeline settings (pipeline.json)

    /// A stage's name and a lost reason, as a manager types them (`funnel stages add`).
    public static let stageNameLength = 60

    /// `follow_up_days`: the proposed follow-up, in days.
    public static let followUpDays = 0...365
    /// A stage's `stuck_after_days`.
    public static let stuckAfterDays = 0...3_650
    /// A stage's `probability`, in percent.
    public static let probability = 0...100
    /// `work.speed_to_lead_minutes`: up to a week.
    public static let speedToLeadMinutes = 0...10_080
    /// `work.first_stage_max_hours`: up to a year.
    public static let firstStageMaxHours = 0...8_784
    /// `work.max_attempts`.
    public static let maxAttempts = 1...100
    /// `work.first_day_attempts`.
    public static let firstDayAttempts = 0...100

    // MARK: Measures

    /// The length of `text` as the limits count it: Unicode code points.
    public static func length(of text: String) -> Int { text.unicodeScalars.count }

    /// Whether `text` is at most `limit` code points long (cheap for short text: a code point
    /// takes at least one UTF-8 byte).
    public static func fits(_ text: String, _ limit: Int) -> Bool {
        text.utf8.count <= limit || length(of: text) <= limit
    }

    /// Whether `time` is a moment funnel stores: a number, within `times`. (Not `times.contains`
    /// alone: a NaN compares as neither before nor after.)
    public static func isStorable(_ time: Date) -> Bool {
        let seconds = time.timeIntervalSince1970
        return seconds.isFinite && seconds >= earliestTime.timeIntervalSince1970 && seconds <= latestTime.timeIntervalSince1970
    }

    /// Whether `amount` is a deal value funnel stores: 0 to `maximumAmount`, in hundredths.
    /// Arithmetic only (no text): the cache checks every deal's value as it loads.
    public static func isStorable(_ amount: Decimal) -> Bool {
        guard !amount.isNaN, amount >= 0, amount <= maximumAmount else { return false }
        var value = amount
        var hundredths = Decimal()
        NSDecimalRound(&hundredths, &value, 2, .plain)
        return hundredths == amount
    }
}
