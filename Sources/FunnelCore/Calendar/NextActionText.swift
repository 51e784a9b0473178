import Foundation

/// A next action as a person types it, read against today (a value: the domain reads no clock).
/// One parser for the command line (`--next DATE --what TEXT`) and the board's prompts and
/// forms ("DATE what"); the date is anything `QuickDate` reads ("+2d", "tomorrow", "fri",
/// "2026-12-01").
public enum NextActionText {
    /// The day the first word of `text` names and the rest of the text, both trimmed; nil when
    /// the first word is not a date.
    public static func split(_ text: String, today: Day) -> (date: Day, rest: String)? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard let first = parts.first, let day = QuickDate.parse(String(first), today: today) else { return nil }
        return (day, parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
    }

    /// "DATE what" as a next action ("fri call back"); nil when it does not start with a date.
    public static func parse(_ text: String, today: Day) -> NextAction? {
        split(text, today: today).map { NextAction(date: $0.date, text: $0.rest) }
    }

    /// A date and a text given apart (`--next DATE --what TEXT`); nil when `date` is not a date.
    public static func parse(date: String, what: String?, today: Day) -> NextAction? {
        QuickDate.parse(date, today: today).map { NextAction(date: $0, text: what ?? "") }
    }
}
