import Foundation

/// What becomes of one row.
public enum ImportOutcome: Sendable {
    /// A new deal, checked by every rule; `notes` say what was guessed (an unmatched stage…).
    case create(Deal, notes: [String])
    /// The same person or deal is already there (or earlier in the file): nothing is created.
    case duplicate(of: String, by: String)
    /// This row was imported before, as deal `id`.
    case alreadyImported(id: String)
    /// Left out on purpose (a deal deleted in the other CRM).
    case skipped(String)
    /// The row cannot be imported: a bad value, or a rule refused the deal.
    case error(String)
}

/// One row's line number and outcome.
public struct PlannedRow: Sendable {
    /// The line the row starts on in the file (the header is line 1).
    public let line: Int
    /// What becomes of the row.
    public let outcome: ImportOutcome
}
