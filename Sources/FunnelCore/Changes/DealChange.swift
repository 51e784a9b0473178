import Foundation

/// The fields of a new deal, as a person or a script gives them.
public struct NewDeal: Sendable, Hashable {
    public var title: String
    public var company: String = ""
    public var contact: String = ""
    public var phone: String = ""
    public var email: String = ""
    public var value: Decimal?
    public var currency: String?
    /// nil: the acting user (or nobody, for the inbox).
    public var owner: String?
    /// nil: the first open stage.
    public var stage: String?
    public var nextAction: NextAction?
    public var lostReason: String?
    public var notes: String = ""
    /// nil: normal.
    public var priority: Priority?
    /// The deal's own chance of winning, in percent (nil: its stage's).
    public var probability: Int?
    /// When the deal is expected to close.
    public var expectedClose: Day?

    public init(title: String) { self.title = title }
}

/// Fields to change on a deal; nil leaves a field as it is.
public struct DealEdit: Sendable, Hashable {
    public var title: String?
    public var company: String?
    public var contact: String?
    public var phone: String?
    public var email: String?
    /// `.some(nil)` clears the value.
    public var value: Decimal??
    public var currency: String?
    /// `.some(nil)` clears the next action.
    public var nextAction: NextAction??
    public var notes: String?
    public var priority: Priority?
    /// `.some(nil)` clears the deal's own probability (its stage's applies again).
    public var probability: Int??
    /// `.some(nil)` clears the expected close date.
    public var expectedClose: Day??

    public init() {}

    public var isEmpty: Bool { self == DealEdit() }
}

/// A change to an existing deal. Every caller — key, form, command line — makes one of
/// these and hands it to `Funnel.apply`, which checks every rule.
public enum DealChange: Sendable, Hashable {
    /// To another stage, with what the target stage may need (R6, R7, R8).
    case move(to: String, lostReason: String? = nil, nextAction: NextAction? = nil, value: Decimal? = nil)
    case edit(DealEdit)
    /// Give the deal to someone (nil: back to nobody, only in the inbox) (R16).
    case assign(owner: String?)
    /// Put the deal's fields back as in an earlier version (undo, redo); a stage change is recorded.
    /// Calls and other activities logged since (or, for a redo, undone since) go or come back
    /// with it when one timeline continues the other; the stage history is never rewritten.
    case restore(Deal)
    /// Log a call, email, meeting, note or training (R2, R14, R21); never changes the stage.
    /// `next` replaces the next action when given.
    case log(LogEntry, note: String = "", next: NextAction? = nil)
    /// Tick or untick a call-script step (R14).
    case callStep(CallStep, done: Bool)
    /// Set or clear the payment terms (R20).
    case paymentTerms(PaymentTerms?)
    /// A rep takes an inbox lead: they become its owner and it moves to the first open stage (R4).
    case accept
    /// Turn an inbox lead down with a reason: it is closed as lost, and stays searchable (R4, R7).
    case reject(reason: String)
    /// A duplicate lead captured again: attached to the deal as an activity (R4).
    case attachLead(note: String, source: String)
    /// Log a customer training for a module (R21): what lets the module be billed.
    case training(module: String, note: String = "")
    /// Bill a module (R21): refused until a training for it is logged (`TrainingBeforeBilling`).
    case bill(module: String)
    /// Add a line to the quote being prepared (R19); `QuoteLinesAreValid` checks it.
    case addLine(QuoteLine)
    /// Remove the quote line at `number` (1 for the first).
    case removeLine(number: Int)
    /// Issue a quote of the deal's lines (R19): frozen on the deal, logged, and the quote's total
    /// becomes the deal's value when it has none.
    case issueQuote(IssuedQuote)
}
