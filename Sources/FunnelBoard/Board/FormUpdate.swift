import Foundation
import FunnelCore

/// The new-deal form: fields with validation messages beside them; creation goes through the domain.
enum FormUpdate {
    static func apply(_ action: Action, _ form: inout DealForm, _ state: inout BoardState) -> [Effect] {
        let fields = DealForm.Field.allCases
        let index = fields.firstIndex(of: form.field) ?? 0
        if form.lines[form.field, default: LineEditor()].handle(action) {
            form.errors[form.field] = nil
            state.open(.form(form))
            return []
        }
        switch action {
        case .nextField:
            form.field = fields[min(fields.count - 1, index + 1)]
        case .previousField:
            form.field = fields[max(0, index - 1)]
        case .cancel:
            state.closeModal()
            state.status = StatusMessage(text: state.text(.statusNewDealCancelled), isError: false)
            return []
        case .submit:
            if index < fields.count - 1 {
                form.field = fields[index + 1]
            } else {
                return submit(&form, &state)
            }
        default:
            return []
        }
        state.open(.form(form))
        return []
    }

    /// Validates every field, then asks the domain to create the deal.
    static func submit(_ form: inout DealForm, _ state: inout BoardState) -> [Effect] {
        form.errors = [:]
        func text(_ field: DealForm.Field) -> String { (form.values[field] ?? "").trimmingCharacters(in: .whitespaces) }
        var draft = NewDeal(title: text(.title))
        draft.company = text(.company)
        draft.contact = text(.contact)
        draft.phone = text(.phone)
        draft.email = text(.email)
        draft.stage = form.stage
        if draft.title.isEmpty { form.errors[.title] = state.text(.emptyTitle) }
        if !text(.value).isEmpty {
            if let amount = Money.parseAmount(text(.value)) { draft.value = amount } else { form.errors[.value] = state.text(.errNotAmount) }
        }
        if !text(.next).isEmpty {
            if let next = NextActionText.parse(text(.next), today: state.today) {
                draft.nextAction = next
            } else {
                form.errors[.next] = state.text(.errFormDate)
            }
        }
        if !draft.email.isEmpty && !draft.email.contains("@") { form.errors[.email] = state.text(.errNotEmail) }
        if let first = DealForm.Field.allCases.first(where: { form.errors[$0] != nil }) {
            form.field = first
            state.open(.form(form))
            return []
        }
        let id = DealID.make(using: &state.ids)
        switch state.funnel.create(draft, id: id, by: state.actor, now: state.now, utcOffset: state.utcOffset) {
        case .failure(let refusal):
            switch refusal.message {
            case .needsNextAction, .emptyTitle:
                let field: DealForm.Field = refusal.message == .emptyTitle ? .title : .next
                form.errors[field] = refusal.message.text(in: state.language)
                form.field = field
            case .needsValue, .negativeValue:
                form.errors[.value] = refusal.message.text(in: state.language)
                form.field = .value
            default:
                state.status = StatusMessage(text: refusal.message.text(in: state.language), isError: true)
            }
            state.open(.form(form))
            return []
        case .success(let deal):
            state.closeModal()
            UndoFlow.record(UndoEntry(id: deal.id, before: nil, after: deal), &state)
            state.replace(deal, focus: deal.id)
            state.status = StatusMessage(text: state.text(.statusCreated, ["title": deal.title]), isError: false)
            return [.create(deal)]
        }
    }
}
