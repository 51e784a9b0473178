import Foundation
import FunnelCore

/// Logging a call: after the outcome key, a one-line prompt takes the next call's date
/// (prefilled with the rule's proposal) and an optional note; Enter logs, Esc logs nothing.
/// After enough unanswered attempts it asks whether to close the deal as unreachable (R11, R14).
enum LogCallFlow {
    /// Opens the date-and-note prompt for `entry` on the picker's deal.
    static func open(_ entry: LogEntry, picker: LogPicker, _ state: inout BoardState) {
        guard let deal = state.deals[picker.dealID] else {
            state.closeModal()
            return
        }
        let proposed = Attempts.proposedNext(after: entry, today: state.today, pipeline: state.pipeline)
        let call = LogCall(dealID: deal.id, entry: entry, proposed: proposed, fromToday: picker.fromToday)
        let label = state.text(LogPicker.choices.first { $0.entry == entry }?.label ?? .logActivity)
        let text = proposed.map { QuickDate.typed($0.date, today: state.today) + " " } ?? ""
        state.open(
            .prompt(
                Prompt(
                    title: state.text(.promptLogTitle, ["what": label, "title": deal.title]),
                    label: state.text(proposed == nil ? .promptLogNote : .promptLogNext),
                    text: text, purpose: .logCall(call))))
    }

    /// What the prompt's text asks for: the next action (nil: leave it) and the note.
    static func parse(
        _ text: String, _ call: LogCall, today: Day,
        language: Language = .en
    ) -> Result<(next: NextAction?, note: String), EditError> {
        if let typed = NextActionText.split(text, today: today) {
            let what = call.proposed?.text ?? language.text(.promptCallAgain)
            return .success((NextAction(date: typed.date, text: what), typed.rest))
        }
        guard call.proposed == nil else { return .failure(EditError(.errLogDate, language)) }
        return .success((nil, text.trimmingCharacters(in: .whitespaces)))
    }

    /// Enter in the prompt: logs the call through the domain, then asks about closing it when
    /// it has had enough unanswered attempts, or moves on in today's list.
    static func submit(_ prompt: Prompt, _ call: LogCall, _ state: inout BoardState) -> [Effect] {
        var prompt = prompt
        let parsed: (next: NextAction?, note: String)
        switch parse(prompt.text, call, today: state.today, language: state.language) {
        case .failure(let error):
            prompt.error = error.message
            state.open(.prompt(prompt))
            return []
        case .success(let value): parsed = value
        }
        let position = state.callList.firstIndex { $0.deal.id == call.dealID }
        state.closeModal()
        let effects = DetailUpdate.change(call.dealID, .log(call.entry, note: parsed.note, next: parsed.next), &state)
        guard !effects.isEmpty, let deal = state.deals[call.dealID] else { return effects }
        state.status = StatusMessage(text: summary(deal, call, state), isError: false)
        let flags = DealFlags.of(deal, pipeline: state.pipeline, now: state.now, utcOffset: state.utcOffset)
        if case .call(let outcome) = call.entry, outcome.isUnanswered, flags.contains(.unreachable) {
            let reason = state.pipeline.work.unreachableReason
            state.open(
                .confirm(
                    Confirm(
                        title: "“\(deal.title)”: " + state.text(.pluralUnanswered, count: Attempts.unanswered(deal)),
                        question: state.text(.confirmCloseLost, ["reason": reason]),
                        purpose: .closeUnreachable(dealID: deal.id, fromToday: call.fromToday, position: position))))
        } else if call.fromToday {
            WorkUpdate.moveOn(after: call.dealID, position: position, &state)
        }
        return effects
    }

    /// The status line after logging: what, the next call, and what is owed.
    static func summary(_ deal: Deal, _ call: LogCall, _ state: BoardState) -> String {
        let label = state.text(LogPicker.choices.first { $0.entry == call.entry }?.label ?? .logActivity).lowercased()
        var text = state.text(.statusLogged, ["what": label, "title": deal.title])
        if let next = deal.nextAction { text += state.text(.statusLoggedNext, ["date": state.dates.full(next.date), "text": next.text]) }
        let flags = DealFlags.of(deal, pipeline: state.pipeline, now: state.now, utcOffset: state.utcOffset)
        if flags.contains(.emailDue) && !flags.contains(.unreachable) { text += state.text(.statusEmailDue) }
        return text
    }

    /// Esc in the prompt: nothing is logged.
    static func cancel(_ call: LogCall, _ state: inout BoardState) -> [Effect] {
        WorkUpdate.back(fromToday: call.fromToday, dealID: call.dealID, &state)
        state.status = StatusMessage(text: state.text(.statusNotLogged), isError: false)
        return []
    }

    /// y or n to "close as lost (Unreachable)?".
    static func answer(_ action: Action, _ confirm: Confirm, _ state: inout BoardState) -> [Effect] {
        guard case .closeUnreachable(let dealID, let fromToday, let position) = confirm.purpose else { return [] }
        var effects: [Effect] = []
        switch action {
        case .yes:
            state.closeModal()
            guard let lost = state.stages.first(where: { $0.kind == .lost }) else {
                state.status = StatusMessage(text: state.text(.statusNoLostStage), isError: true)
                return []
            }
            let extras = MoveExtras(lostReason: state.pipeline.work.unreachableReason)
            effects = MoveFlow.attempt(dealID, to: lost.id, extras: extras, &state)
        case .no:
            state.closeModal()
            let title = state.deals[dealID]?.title ?? dealID
            state.status = StatusMessage(text: state.text(.statusStaysOpen, ["title": title]), isError: false)
        default:
            return []
        }
        if fromToday && state.modal == nil { WorkUpdate.moveOn(after: dealID, position: position, &state) }
        return effects
    }
}
