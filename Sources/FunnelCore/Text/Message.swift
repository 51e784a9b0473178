import Foundation

/// Everything funnel says to a person about the domain. The words are in the catalogue
/// (`Catalogue`, English, Hebrew and Arabic); each case names its key and fills its placeholders.
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
    // Changing the stages and lost reasons (PipelineEditing)
    case onlyManagersEditPipeline
    case pipelineNeedsKind(kind: String)
    case emptyStageName
    case stageNameTaken(name: String)
    case badStageID(id: String)
    case stageIDTaken(id: String)
    case stagePlacedByItself(stage: String)
    case inboxStaysFirst(stage: String)
    case settingOutOfRange(setting: String, value: Int, range: ClosedRange<Int>)
    case stageKindWithDeals(stage: String, count: Int)
    case stageStillHasDeals(stage: String, id: String, count: Int)
    case emptyLostReason
    case lostReasonExists(reason: String)
    case lastLostReason(reason: String)
    case unreachableReasonStays(reason: String)
    case negativePrice
    case currencyWithQuoteLines(dealTitle: String, currency: String)
    case dealsRefusedMove(stage: String, target: String, count: Int, first: String)
    // Pipelines (PipelineSetEditing)
    case onlyManagersEditPipelines
    case emptyPipelineName
    case pipelineNameTaken(name: String)
    case pipelineNameReserved(name: String)
    case tooManyPipelines(limit: Int)
    case unknownPipeline(text: String, known: [String])
    case ambiguousPipeline(text: String, ids: [String])
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
    // Quotes (R19): Message+Quotes.swift
    case productBadCode(code: String)
    case productEmptyName
    case productExists(code: String)
    case tooManyProducts(limit: Int)
    case unknownProduct(code: String)
    case productCurrency(code: String, currency: String, deal: String)
    case onlyManagersChangeProducts
    case quoteLineEmptyText
    case quoteLineQuantity(quantity: String)
    case quoteLineDiscount(discount: String)
    case quoteLineTooLarge(text: String, limit: Decimal)
    case quoteTotalTooLarge(limit: Decimal)
    case tooManyQuoteLines(limit: Int)
    case tooManyQuotes(limit: Int)
    case noSuchQuoteLine(number: Int, count: Int)
    case quoteNoLines
    case quoteCorrupt(number: String)
    case needsQuote(stage: String)
    case quoteTemplateUnknownPlaceholder(language: String, placeholder: String)
    case quoteTemplateUnknownSection(language: String, section: String)
    case quoteTemplateTooLong(language: String, limit: Int)
    // Goals (issue #16): Message+Forecast.swift
    case goalNegative
    case goalCountInvalid(limit: Int)
    case tooManyGoals(limit: Int)
    case noSuchGoal(month: String, who: String)
    case onlyManagersSetGoals

    /// The English text: says what happened and what to do about it.
    public var english: String { text(in: .en) }

    /// The text in the user's language (English; `text(in:)` for another).
    public var text: String { english }

    /// The text in `language`, from the catalogue.
    public func text(in language: Language) -> String {
        let (key, args) = entry(language)
        return Catalogue.text(key, language, args)
    }

    /// The catalogue key and the placeholders' values of this message.
    private func entry(_ language: Language) -> (TextKey, [String: String]) {
        switch self {
        case .notOnTeam(let account): return (.notOnTeam, ["account": account])
        case .notYourDeal(let title, let owner): return (.notYourDeal, ["title": title, "owner": owner])
        case .onlyManagersAssign: return (.onlyManagersAssign, [:])
        case .onlyManagersSeeAll: return (.onlyManagersSeeAll, [:])
        case .unknownOwner(let account): return (.unknownOwner, ["account": account])
        case .unknownStage(let text, let known): return (.unknownStage, ["text": text, "known": language.list(known)])
        case .alreadyInStage(let stage): return (.alreadyInStage, ["stage": stage])
        case .needsNextAction(let stage, let proposed): return (.needsNextAction, ["stage": stage, "proposed": proposed.iso])
        case .needsLostReason(let stage, let reasons):
            return (.needsLostReason, ["stage": stage, "reasons": language.list(reasons)])
        case .unknownLostReason(let text, let reasons):
            return (.unknownLostReason, ["text": text, "reasons": language.list(reasons)])
        case .needsValue(let stage): return (.needsValue, ["stage": stage])
        case .negativeValue: return (.negativeValue, [:])
        case .invalidCurrency(let text):
            let guess = CurrencyCodes.suggestion(for: text).map { language.text(.didYouMeanSuffix, ["guess": $0]) } ?? ""
            return (.invalidCurrency, ["text": text, "guess": guess])
        case .emptyTitle: return (.emptyTitle, [:])
        case .fieldTooLong(let field, let limit): return (.fieldTooLong, ["field": field, "limit": "\(limit)"])
        case .inboxNeedsNoOwner: return (.inboxNeedsNoOwner, [:])
        case .outsideInboxNeedsOwner: return (.outsideInboxNeedsOwner, [:])
        case .tooManyStages(let count, let limit): return (.tooManyStages, ["count": "\(count)", "limit": "\(limit)"])
        case .staleDeal(let title): return (.staleDeal, ["title": title])
        case .notInInbox(let title): return (.notInInbox, ["title": title])
        case .badInstallments(let n):
            let range = Limits.installments
            return (.badInstallments, ["n": "\(n)", "low": "\(range.lowerBound)", "high": "\(range.upperBound)"])
        case .needsPaymentTerms(let stage): return (.needsPaymentTerms, ["stage": stage])
        case .valueTooLarge, .tooManyDecimals, .dayOutOfRange, .timeOutOfRange, .revisionOutOfRange: return limitEntry
        case .onlyManagersEditPipeline, .pipelineNeedsKind, .emptyStageName, .stageNameTaken, .badStageID, .stageIDTaken,
            .stagePlacedByItself, .inboxStaysFirst, .settingOutOfRange, .stageKindWithDeals, .stageStillHasDeals,
            .emptyLostReason, .lostReasonExists, .lastLostReason, .unreachableReasonStays, .dealsRefusedMove, .negativePrice, .currencyWithQuoteLines:
            return pipelineEntry
        case .onlyManagersEditPipelines, .emptyPipelineName, .pipelineNameTaken, .pipelineNameReserved, .tooManyPipelines, .unknownPipeline,
            .ambiguousPipeline:
            return pipelinesEntry(language)
        case .goalNegative, .goalCountInvalid, .tooManyGoals, .noSuchGoal, .onlyManagersSetGoals: return goalEntry
        default: return dayEntry
        }
    }

    /// The assignment, billing (R16, R21) and mail (R11) messages.
    private var dayEntry: (TextKey, [String: String]) {
        switch self {
        case .cannotReturnToInbox(let stage): return (.cannotReturnToInbox, ["stage": stage])
        case .needsTraining(let module): return (.needsTraining, ["module": module])
        case .alreadyBilled(let module): return (.alreadyBilled, ["module": module])
        case .mailNoRecipient(let title): return (.mailNoRecipient, ["title": title])
        case .mailBadAddress(let whose, let address): return (.mailBadAddress, ["whose": whose, "address": address])
        case .mailNoSender(let account): return (.mailNoSender, ["account": account])
        case .mailTemplateNoSubject(let name): return (.mailTemplateNoSubject, ["name": name])
        case .mailTemplateUnknownPlaceholder(let name, let placeholder):
            let all = MailTemplate.placeholders.map { "{\($0)}" }.joined(separator: ", ")
            return (.mailTemplateUnknownPlaceholder, ["name": name, "placeholder": placeholder, "placeholders": all])
        case .mailTemplateTooLong(let name, let limit): return (.mailTemplateTooLong, ["name": name, "limit": "\(limit)"])
        case .mailSubjectTooLong(let limit): return (.mailSubjectTooLong, ["limit": "\(limit)"])
        case .emptyModule: return (.emptyModule, [:])
        default: return quoteEntry
        }
    }

    /// A value past one of the `Limits`: names the limit.
    private var limitEntry: (TextKey, [String: String]) {
        let days = ["first": Limits.earliestDay.iso, "last": Limits.latestDay.iso]
        switch self {
        case .valueTooLarge(let limit):
            return (.valueTooLarge, ["limit": Money.display(limit, currency: "").trimmingCharacters(in: .whitespaces)])
        case .tooManyDecimals(let places): return (.tooManyDecimals, ["places": "\(places)"])
        case .dayOutOfRange(let field, let day): return (.dayOutOfRange, days.merging(["field": field, "day": day.iso]) { a, _ in a })
        case .timeOutOfRange(let field):
            return (
                .timeOutOfRange,
                [
                    "field": field, "first": Timestamp.format(Limits.earliestTime),
                    "last": Timestamp.format(Limits.latestTime),
                ]
            )
        default:
            guard case .revisionOutOfRange(let revision, let limit) = self else { return (.emptyModule, [:]) }
            return (.revisionOutOfRange, ["revision": "\(revision)", "limit": "\(limit)"])
        }
    }
}

/// A change the domain refused: why, in words a person can act on. Nothing was changed.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: Message

    public init(_ message: Message) { self.message = message }

    public var description: String { message.text }
}
