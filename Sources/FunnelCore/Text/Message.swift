import Foundation

/// Everything funnel says to a person about the domain, in one table (`english` below).
/// Hebrew and Arabic tables will sit beside it, keyed by the same cases.
public enum Message: Hashable, Sendable {
    case notOnTeam(account: String)
    case notYourDeal(dealTitle: String, owner: String)
    case onlyManagersAssign
    case onlyManagersSeeAll
    case unknownOwner(account: String)
    case unknownStage(text: String, known: [String])
    case alreadyInStage(stage: String)
    case needsNextAction(stage: String, proposed: Day)
    case needsLostReason(stage: String, reasons: [String])
    case unknownLostReason(text: String, reasons: [String])
    case needsValue(stage: String)
    case negativeValue
    case invalidCurrency(text: String)
    case emptyTitle
    case fieldTooLong(field: String, limit: Int)
    case inboxNeedsNoOwner
    case outsideInboxNeedsOwner
    case tooManyStages(count: Int, limit: Int)
    case staleDeal(dealTitle: String)
    case notInInbox(dealTitle: String)
    case badInstallments(Int)
    case needsPaymentTerms(stage: String)
    case valueTooLarge(limit: Decimal)
    case tooManyDecimals(places: Int)
    case dayOutOfRange(field: String, day: Day)
    case timeOutOfRange(field: String)
    case revisionOutOfRange(revision: Int, limit: Int)
    case cannotReturnToInbox(stage: String)
    case emptyModule
    case needsTraining(module: String)
    case alreadyBilled(module: String)
    case mailNoRecipient(dealTitle: String)
    case mailBadAddress(whose: String, address: String)
    case mailNoSender(account: String)
    case mailTemplateNoSubject(name: String)
    case mailTemplateUnknownPlaceholder(name: String, placeholder: String)
    case mailTemplateTooLong(name: String, limit: Int)
    case mailSubjectTooLong(limit: Int)

    /// The English text: says what happened and what to do about it.
    public var english: String {
        switch self {
        case .notOnTeam(let account):
            return "\(account) is not on this team; a manager can add them with: funnel team add \(account) --role rep"
        case .notYourDeal(let title, let owner):
            return "“\(title)” belongs to \(owner); only its owner or a manager can change it"
        case .onlyManagersAssign:
            return "only a manager can give a deal to someone else"
        case .onlyManagersSeeAll:
            return "only a manager can see every seller's deals"
        case .unknownOwner(let account):
            return "\(account) is not on the team; see: funnel team"
        case .unknownStage(let text, let known):
            return "no stage called “\(text)”; stages are: \(known.joined(separator: ", "))"
        case .alreadyInStage(let stage):
            return "the deal is already in \(stage)"
        case .needsNextAction(let stage, let proposed):
            return "\(stage) needs a next action: give a date (proposed: \(proposed.iso), a follow-up in two days)"
        case .needsLostReason(let stage, let reasons):
            return "closing as \(stage) needs a lost reason, one of: \(reasons.joined(separator: ", "))"
        case .unknownLostReason(let text, let reasons):
            return "“\(text)” is not a lost reason of this pipeline; pick one of: \(reasons.joined(separator: ", "))"
        case .needsValue(let stage):
            return "closing as \(stage) needs the deal's value"
        case .negativeValue:
            return "a deal's value cannot be negative"
        case .invalidCurrency(let text):
            let guess = CurrencyCodes.suggestion(for: text).map { "; did you mean \($0)?" } ?? ""
            return "“\(text)” is not an ISO 4217 currency code\(guess) (three letters such as ILS, USD or EUR)"
        case .emptyTitle:
            return "a deal needs a title"
        case .fieldTooLong(let field, let limit):
            return "\(field) is longer than \(limit) characters"
        case .inboxNeedsNoOwner:
            return "a deal in the inbox has no owner yet; move it to a stage to take it"
        case .outsideInboxNeedsOwner:
            return "a deal outside the inbox needs an owner"
        case .tooManyStages(let count, let limit):
            return "this pipeline has \(count) stages; more than \(limit) measurably hurts sales"
        case .staleDeal(let title):
            return "“\(title)” was changed elsewhere since you opened it; it has been reloaded, try again"
        case .notInInbox(let title):
            return "“\(title)” is not in the inbox; only inbox leads are accepted or rejected"
        case .badInstallments(let n):
            let range = Limits.installments
            return "\(n) is not a number of installments; use \(range.lowerBound) to \(range.upperBound) (deals are annual: 12 is usual)"
        case .needsPaymentTerms(let stage):
            return "closing as \(stage) needs payment terms: installments and a payment method"
        case .valueTooLarge, .tooManyDecimals, .dayOutOfRange, .timeOutOfRange, .revisionOutOfRange:
            return limitText
        default:
            return dayText
        }
    }

    /// The English text of the assignment, billing (R16, R21) and mail (R11) messages.
    private var dayText: String {
        switch self {
        case .cannotReturnToInbox(let stage):
            return "a deal that has left \(stage) cannot be put back there by a rep (R4, R16); ask a manager"
        case .emptyModule:
            return "a module needs a name, e.g. --module reports"
        case .needsTraining(let module):
            return "R21: module “\(module)” is billed only after its training is logged; "
                + "first: funnel log ID training --module \"\(module)\""
        case .alreadyBilled(let module):
            return "module “\(module)” is already billed on this deal"
        case .mailNoRecipient(let title):
            return "“\(title)” has no email address; add one with: funnel edit ID --email ADDRESS"
        case .mailBadAddress(let whose, let address):
            return "\(whose) “\(address)” is not an address funnel sends to (one name@domain, no spaces or line breaks)"
        case .mailNoSender(let account):
            return "\(account) has no email address to send from; a manager sets it with: funnel team email \(account) ADDRESS"
        case .mailTemplateNoSubject(let name):
            return "mail template “\(name)” must start with a line “Subject: …” that is not empty"
        case .mailTemplateUnknownPlaceholder(let name, let placeholder):
            return "mail template “\(name)” has an unknown placeholder {\(placeholder)}; "
                + "placeholders are: \(MailTemplate.placeholders.map { "{\($0)}" }.joined(separator: ", "))"
        case .mailTemplateTooLong(let name, let limit):
            return "mail template “\(name)” is longer than \(limit) bytes"
        case .mailSubjectTooLong(let limit):
            return "the email's subject is longer than \(limit) characters"
        default:
            return ""
        }
    }

    /// The English text of a value past one of the `Limits`: names the limit.
    private var limitText: String {
        switch self {
        case .valueTooLarge(let limit):
            let text = Money.display(limit, currency: "").trimmingCharacters(in: .whitespaces)
            return "a deal's value cannot be more than \(text), the largest funnel keeps"
        case .tooManyDecimals(let places):
            return "a deal's value has at most \(places) decimal places"
        case .dayOutOfRange(let field, let day):
            return "the \(field) \(day.iso) is outside \(Limits.earliestDay.iso) … \(Limits.latestDay.iso), the dates funnel keeps"
        case .timeOutOfRange(let field):
            return "the \(field) time is outside \(Timestamp.format(Limits.earliestTime)) … "
                + "\(Timestamp.format(Limits.latestTime)), the times funnel keeps; check the clock (FUNNEL_NOW)"
        case .revisionOutOfRange(let revision, let limit):
            return "revision \(revision) is outside 1 … \(limit), the most saved changes funnel keeps for one deal; "
                + "add a new deal to go on"
        default:
            return ""
        }
    }

    /// The text in the user's language (English for now).
    public var text: String { english }
}

/// A change the domain refused: why, in words a person can act on. Nothing was changed.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: Message

    public init(_ message: Message) { self.message = message }

    public var description: String { message.text }
}
