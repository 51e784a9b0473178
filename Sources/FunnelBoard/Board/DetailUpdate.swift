import Foundation
import FunnelCore

/// Keys in the detail pane: choose a field, edit it, pick the stage or owner from a list (R5).
enum DetailUpdate {
    /// The fields the actor can edit, in order. Owner is for managers only.
    static func fields(for actor: User) -> [DetailField] {
        DetailField.allCases.filter { $0 != .owner || actor.role == .manager }
    }

    static func apply(_ action: Action, _ state: inout BoardState) -> [Effect] {
        guard var detail = state.detail, let deal = state.deals[detail.dealID] else {
            state.closeDetail()
            return []
        }
        switch action {
        case .up, .down, .pageUp, .pageDown:
            scroll(
                action, &detail, lines: DetailView.lines(deal, state: state).count, rows: DetailView.rows(state),
                fields: fields(for: state.actor))
        case .cancel, .quit:
            state.closeDetail()
            return []
        case .undo:
            return UndoFlow.undo(&state)
        case .redo:
            return UndoFlow.redo(&state)
        case .logCall:
            state.open(.logPicker(LogPicker(dealID: deal.id, fromToday: false)))
            return []
        case .email:
            return MailFlow.start(deal.id, fromToday: false, &state)
        case .priority:
            return PriorityFlow.choose(deal, &state)
        case .quote:
            return QuoteFlow.start(deal, &state)
        case .billModule, .logTraining:
            modulePrompt(action == .billModule, deal: deal, &state)
            return []
        case .help:
            state.open(.help(scroll: 0))
            return []
        case .submit:
            let effects = open(detail.field, deal: deal, &state)
            state.updateDetail(detail)
            return effects
        default:
            return []
        }
        state.updateDetail(detail)
        return []
    }

    /// ↑↓ choose a field; ↓ past the last field scrolls on to the timeline and the stage history,
    /// ↑ scrolls back before choosing fields again; PgUp/PgDn scroll a page. The selected field
    /// stays on screen unless scrolled past the fields.
    static func scroll(_ action: Action, _ detail: inout DetailState, lines: Int, rows: Int, fields: [DetailField]) {
        let rows = max(1, rows)
        let last = fields.count - 1
        var index = fields.firstIndex(of: detail.field) ?? 0
        let maxScroll = max(0, lines - rows)
        let lastAtBottom = max(0, last - rows + 1)
        switch action {
        case .down where index < last:
            index += 1
            detail.scroll = max(detail.scroll, index - rows + 1)
        case .down:
            detail.scroll = min(maxScroll, detail.scroll + 1)
        case .up where index == last && detail.scroll > lastAtBottom:
            detail.scroll -= 1
        case .up:
            index = max(0, index - 1)
            detail.scroll = min(detail.scroll, index)
        case .pageDown:
            detail.scroll = min(maxScroll, detail.scroll + rows)
            index = min(last, max(index, detail.scroll))
        case .pageUp:
            detail.scroll = max(0, detail.scroll - rows)
            if index > detail.scroll + rows - 1 { index = min(last, detail.scroll + rows - 1) }
        default:
            break
        }
        detail.field = fields[index]
    }

    /// Opens the editor for a field: a list for stage, owner and payment method, a tick for call
    /// steps, a prompt for the rest.
    static func open(_ field: DetailField, deal: Deal, _ state: inout BoardState) -> [Effect] {
        switch field {
        case .stage:
            let options = state.stages.map { PickerOption(value: $0.id, label: $0.name) }
            let selected = state.stages.firstIndex { $0.id == deal.stage } ?? 0
            state.open(
                .picker(
                    Picker(
                        title: state.text(.pickerMoveTitle, ["title": deal.title]), options: options, selected: selected,
                        purpose: .stage(dealID: deal.id))))
        case .paymentMethod:
            let language = state.language
            let options =
                state.pipeline.work.paymentMethods.map { PickerOption(value: $0.rawValue, label: $0.label(in: language)) }
                + [PickerOption(value: nil, label: state.text(.pickerNoPaymentTerms))]
            let selected = deal.paymentTerms.flatMap { terms in options.firstIndex { $0.value == terms.method.rawValue } } ?? 0
            state.open(
                .picker(
                    Picker(
                        title: state.text(.pickerHowPay), options: options, selected: selected,
                        purpose: .paymentMethod(dealID: deal.id))))
        case .rapport, .discovery, .presentation, .closing:
            let step = field.callStep!
            return change(deal.id, .callStep(step, done: !deal.callSteps.contains(step)), &state)
        case .priority:
            return PriorityFlow.choose(deal, &state)
        case .owner:
            let options = state.peopleOptions(everyone: false)
            let selected = deal.owner.flatMap { owner in options.firstIndex { $0.value == owner } } ?? 0
            state.open(
                .picker(
                    Picker(
                        title: state.text(.pickerGiveTitle, ["title": deal.title]), options: options, selected: selected,
                        purpose: .owner(dealID: deal.id))))
        default:
            let label = field.label(in: state.language)
            state.open(
                .prompt(
                    Prompt(
                        title: state.text(.promptEditTitle, ["field": label.lowercased()]), label: label,
                        text: current(field, of: deal), error: nil,
                        purpose: .edit(dealID: deal.id, field: field))))
        }
        return []
    }

    /// A field's value as the prompt shows it for editing.
    static func current(_ field: DetailField, of deal: Deal) -> String {
        switch field {
        case .title: return deal.title
        case .company: return deal.company
        case .contact: return deal.contact
        case .phone: return deal.phone
        case .email: return deal.email
        case .value: return deal.value.map(Money.plain) ?? ""
        case .nextAction: return deal.nextAction.map { "\($0.date.iso) \($0.text)" } ?? ""
        case .notes: return deal.notes.replacingOccurrences(of: "\n", with: " ")
        case .stage: return deal.stage
        case .owner: return deal.owner ?? ""
        case .priority: return deal.priority.rawValue
        case .installments: return String(deal.paymentTerms?.installments ?? PaymentTerms.defaultInstallments)
        case .paymentMethod: return deal.paymentTerms?.method.rawValue ?? ""
        case .probability: return deal.probability.map { "\($0)" } ?? ""
        case .expectedClose: return deal.expectedClose?.iso ?? ""
        case .rapport, .discovery, .presentation, .closing: return ""
        }
    }

    /// The change a prompt's text asks for, or what is wrong with it.
    static func change(for field: DetailField, text: String, deal: Deal, state: BoardState) -> Result<DealChange, EditError> {
        if field == .installments {
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), (1...120).contains(n) else {
                return .failure(EditError(.errInstallments, state.language))
            }
            let method = deal.paymentTerms?.method ?? state.pipeline.work.paymentMethods.first ?? .creditCard
            return .success(.paymentTerms(PaymentTerms(installments: n, method: method)))
        }
        return edit(for: field, text: text, today: state.today, language: state.language).map { .edit($0) }
    }

    /// The edit a prompt's text asks for, or what is wrong with it.
    static func edit(for field: DetailField, text: String, today: Day, language: Language = .en) -> Result<DealEdit, EditError> {
        var edit = DealEdit()
        switch field {
        case .title: edit.title = text
        case .company: edit.company = text
        case .contact: edit.contact = text
        case .phone: edit.phone = text
        case .email: edit.email = text
        case .notes: edit.notes = text
        case .value:
            if text.isBlank {
                edit.value = .some(nil)
            } else {
                guard let amount = Money.parseAmount(text) else { return .failure(EditError(.errAmount, language)) }
                edit.value = .some(amount)
            }
        case .nextAction:
            if text.isBlank {
                edit.nextAction = .some(nil)
            } else {
                guard let next = NextActionText.parse(text, today: today) else {
                    return .failure(EditError(.errStartDate, language))
                }
                edit.nextAction = .some(next)
            }
        case .probability, .expectedClose:
            return forecastEdit(for: field, text: text, today: today, language: language)
        case .stage, .owner, .priority, .installments, .paymentMethod, .rapport, .discovery, .presentation, .closing:
            break
        }
        return .success(edit)
    }

    /// A deal's own probability (a whole number 0-100; empty: its stage's again) or its expected
    /// close (a date as the next action takes it; empty clears it).
    static func forecastEdit(for field: DetailField, text: String, today: Day, language: Language) -> Result<DealEdit, EditError> {
        var edit = DealEdit()
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if field == .probability {
            if trimmed.hasSuffix("%") { trimmed = String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) }
            if trimmed.isEmpty { edit.probability = .some(nil); return .success(edit) }
            guard trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let percent = Int(trimmed), Limits.probability.contains(percent) else {
                return .failure(EditError(.errProbability, language))
            }
            edit.probability = .some(percent)
            return .success(edit)
        }
        if trimmed.isEmpty { edit.expectedClose = .some(nil); return .success(edit) }
        guard let day = Day.parse(trimmed, today: today) else { return .failure(EditError(.errExpectedClose, language)) }
        edit.expectedClose = .some(day)
        return .success(edit)
    }

    /// `b` or `t`: a prompt for the module to bill, or the module a training was held on (R21).
    static func modulePrompt(_ billing: Bool, deal: Deal, _ state: inout BoardState) {
        let trained = deal.trainedModules.filter { !deal.isBilled($0) }
        state.open(
            .prompt(
                Prompt(
                    title: billing ? "Bill a module on “\(deal.title)”" : "Training held on “\(deal.title)”",
                    label: billing
                        ? "Module" + (trained.isEmpty ? " (R21: its training logged first)" : " · trained: " + trained.joined(separator: ", "))
                        : "Module the customer was trained on",
                    text: billing && trained.count == 1 ? trained[0] : "",
                    purpose: billing ? .bill(dealID: deal.id) : .training(dealID: deal.id))))
    }

    /// Applies a change to a deal through the domain; a refusal is shown and changes nothing.
    static func change(_ dealID: String, _ change: DealChange, _ state: inout BoardState) -> [Effect] {
        guard let deal = state.deals[dealID] else { return [] }
        switch state.funnel.apply(change, to: deal, by: state.actor, now: state.now, utcOffset: state.utcOffset) {
        case .success(let after):
            state.status = StatusMessage(text: state.text(.statusSaved, ["title": after.title]), isError: false)
            return MoveFlow.commit(before: deal, after: after, focus: true, &state)
        case .failure(let refusal):
            state.status = StatusMessage(
                text: state.text(.statusNotChanged, ["why": refusal.message.text(in: state.language)]),
                isError: true)
            return []
        }
    }
}

/// A message about input that cannot be used.
struct EditError: Error, ExpressibleByStringLiteral {
    let message: String
    init(stringLiteral value: String) { message = value }
    init(_ key: TextKey, _ language: Language) { message = language.text(key) }
}
