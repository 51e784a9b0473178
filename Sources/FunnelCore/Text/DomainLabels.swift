import Foundation

extension DealFlag {
    /// The short word for a card, in `language`.
    public func label(in language: Language) -> String {
        let keys: [DealFlag: TextKey] = [
            .speedToLead: .flagSpeedToLead, .leadOverdue: .flagLeadOverdue, .fewAttempts: .flagFewAttempts,
            .unreachable: .flagUnreachable, .emailDue: .flagEmailDue, .noNextAction: .flagNoNextAction,
            .overdue: .flagOverdue, .stuck: .flagStuck, .stageMissing: .flagStageMissing,
            .breaksRule: .flagBreaksRule,
        ]
        return language.text(keys[self] ?? .flagStuck)
    }

    /// What the person should do about it, in `language`.
    public func advice(in language: Language) -> String {
        let keys: [DealFlag: TextKey] = [
            .speedToLead: .adviceSpeedToLead, .leadOverdue: .adviceLeadOverdue, .fewAttempts: .adviceFewAttempts,
            .unreachable: .adviceUnreachable, .emailDue: .adviceEmailDue, .noNextAction: .adviceNoNextAction,
            .overdue: .adviceOverdue, .stuck: .adviceStuck, .stageMissing: .adviceStageMissing,
            .breaksRule: .adviceBreaksRule,
        ]
        return language.text(keys[self] ?? .adviceStuck)
    }
}

extension CallOutcome {
    /// The outcome in words, in `language`.
    public func label(in language: Language) -> String {
        let keys: [CallOutcome: TextKey] = [
            .reached: .outcomeReached, .noAnswer: .outcomeNoAnswer, .busy: .outcomeBusy,
            .leftMessage: .outcomeLeftMessage, .wrongNumber: .outcomeWrongNumber,
        ]
        return language.text(keys[self] ?? .outcomeReached)
    }
}

extension ActivityKind {
    /// The kind in words, in `language` (English: the stored name).
    public func label(in language: Language) -> String {
        let keys: [ActivityKind: TextKey] = [
            .call: .activityCall, .email: .activityEmail, .meeting: .activityMeeting, .note: .activityNote,
            .lead: .activityLead, .training: .activityTraining, .quote: .activityQuote,
        ]
        return keys[self].map { language.text($0) } ?? rawValue
    }
}

extension Activity {
    /// A short line for timelines, in `language`: "call: no answer — note".
    public func summary(in language: Language) -> String {
        var text = kind.label(in: language)
        if let outcome { text += ": " + outcome.label(in: language) }
        if let module { text += ": " + module }
        if !note.isEmpty { text += " — " + note }
        return text
    }
}

extension CallStep {
    /// The step's name, in `language`.
    public func label(in language: Language) -> String {
        let keys: [CallStep: TextKey] = [
            .rapport: .stepRapport, .discovery: .stepDiscovery, .presentation: .stepPresentation, .closing: .stepClosing,
        ]
        return language.text(keys[self] ?? .stepClosing)
    }
}

extension PaymentMethod {
    /// The method's name, in `language`.
    public func label(in language: Language) -> String {
        let keys: [PaymentMethod: TextKey] = [
            .creditCard: .payCreditCard, .bankTransfer: .payBankTransfer, .cardStandingOrder: .payCardStandingOrder,
            .bankStandingOrder: .payBankStandingOrder, .cheques: .payCheques,
        ]
        return language.text(keys[self] ?? .payCheques)
    }
}

extension CallList.Group {
    /// The group's heading, in `language`.
    public func title(in language: Language) -> String {
        switch self {
        case .newLeads: return language.text(.groupNewLeads)
        case .due: return language.text(.groupDue)
        case .noAnswerYesterday: return language.text(.groupNoAnswerYesterday)
        }
    }
}

extension ReportPeriod.Kind {
    /// The period's name, in `language`.
    public func label(in language: Language) -> String {
        let keys: [ReportPeriod.Kind: TextKey] = [
            .week: .periodWeek, .month: .periodMonth, .quarter: .periodQuarter, .year: .periodYear, .all: .periodAll,
        ]
        return language.text(keys[self] ?? .periodAll)
    }
}

extension ReportPeriod {
    /// "2026-11-01 to 2026-11-30" or "all time to 2026-11-30", in `language`, dates written as
    /// `dates` writes them.
    public func label(in language: Language, dates: DateStyle = .iso) -> String {
        guard let first else { return language.text(.periodAllTime, ["last": dates.full(last)]) }
        return language.text(.periodRange, ["first": dates.full(first), "last": dates.full(last)])
    }
}
