import Foundation
import FunnelCore

/// Keys while a modal (help, list, prompt, form, filter) is on top.
enum ModalUpdate {
    static func apply(_ action: Action, _ state: inout BoardState) -> [Effect] {
        switch state.modal {
        case .help?:
            if action == .cancel || action == .submit || action == .help || action == .quit { state.modal = nil }
            return []
        case .filter?:
            return filter(action, &state)
        case .picker(var picker)?:
            switch action {
            case .up: picker.selected = max(0, picker.selected - 1)
            case .down: picker.selected = min(picker.options.count - 1, picker.selected + 1)
            case .cancel:
                state.modal = nil
                state.status = StatusMessage(text: "cancelled; nothing changed", isError: false)
                return []
            case .submit:
                state.modal = nil
                guard picker.options.indices.contains(picker.selected) else { return [] }
                return choose(picker.options[picker.selected].value, purpose: picker.purpose, &state)
            default: return []
            }
            state.modal = .picker(picker)
            return []
        case .prompt(var prompt)?:
            switch action {
            case .input(let c): prompt.text.append(c)
            case .backspace: if !prompt.text.isEmpty { prompt.text.removeLast() }
            case .cancel:
                state.modal = nil
                state.status = StatusMessage(text: "cancelled; nothing changed", isError: false)
                return []
            case .submit: return submit(prompt, &state)
            default: return []
            }
            prompt.error = nil
            state.modal = .prompt(prompt)
            return []
        case .form(var form)?:
            return FormUpdate.apply(action, &form, &state)
        case nil:
            return []
        }
    }

    static func filter(_ action: Action, _ state: inout BoardState) -> [Effect] {
        switch action {
        case .input(let c): state.filter.append(c)
        case .backspace: if !state.filter.isEmpty { state.filter.removeLast() }
        case .submit: state.modal = nil
        case .cancel:
            state.filter = ""
            state.modal = nil
        default: return []
        }
        state.recompute(keeping: nil)
        return []
    }

    static func choose(_ value: String, purpose: PickerPurpose, _ state: inout BoardState) -> [Effect] {
        switch purpose {
        case .stage(let dealID):
            guard let deal = state.deals[dealID], deal.stage != value else { return [] }
            return MoveFlow.attempt(dealID, to: value, extras: MoveExtras(), &state)
        case .lostReason(let dealID, let stage, var extras):
            extras.lostReason = value
            return MoveFlow.attempt(dealID, to: stage, extras: extras, &state)
        case .owner(let dealID):
            guard let deal = state.deals[dealID], deal.owner != value else { return [] }
            return DetailUpdate.change(dealID, .assign(owner: value), &state)
        case .seller:
            state.scope = value.isEmpty ? .everyone : .seller(value)
            state.recompute(keeping: nil)
            return []
        }
    }

    static func submit(_ prompt: Prompt, _ state: inout BoardState) -> [Effect] {
        var prompt = prompt
        switch prompt.purpose {
        case .nextAction(let dealID, let stage, var extras):
            guard let next = MoveFlow.parseNextAction(prompt.text, today: state.today) else {
                prompt.error = "start with a date: 2026-11-26, tomorrow or +2d"
                state.modal = .prompt(prompt)
                return []
            }
            extras.nextAction = next
            state.modal = nil
            return MoveFlow.attempt(dealID, to: stage, extras: extras, &state)
        case .value(let dealID, let stage, var extras):
            guard let amount = Money.parseAmount(prompt.text) else {
                prompt.error = "not an amount: digits with up to two decimals"
                state.modal = .prompt(prompt)
                return []
            }
            extras.value = amount
            state.modal = nil
            return MoveFlow.attempt(dealID, to: stage, extras: extras, &state)
        case .edit(let dealID, let field):
            switch DetailUpdate.edit(for: field, text: prompt.text, today: state.today) {
            case .failure(let message):
                prompt.error = message.message
                state.modal = .prompt(prompt)
                return []
            case .success(let edit):
                state.modal = nil
                return DetailUpdate.change(dealID, .edit(edit), &state)
            }
        }
    }
}
