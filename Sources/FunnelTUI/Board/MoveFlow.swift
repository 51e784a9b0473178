import Foundation
import FunnelCore

/// Moving a card: tries the domain move; when a rule needs input (a next action, a lost
/// reason, a value) it opens a prompt for it instead of only refusing (R5–R8).
enum MoveFlow {
    static func attempt(_ dealID: String, to stageID: String, extras: MoveExtras, _ state: inout BoardState) -> [Effect] {
        guard let deal = state.deals[dealID], let stage = state.pipeline.stage(id: stageID) else { return [] }
        let change = DealChange.move(to: stageID, lostReason: extras.lostReason, nextAction: extras.nextAction, value: extras.value)
        switch state.funnel.apply(change, to: deal, by: state.actor, now: state.now, utcOffset: state.utcOffset) {
        case .success(let after):
            let from = state.pipeline.stage(id: deal.stage)?.name ?? deal.stage
            state.status = StatusMessage(text: "moved “\(after.title)” from \(from) to \(stage.name)", isError: false)
            return commit(before: deal, after: after, focus: true, &state)
        case .failure(let refusal):
            switch refusal.message {
            case .needsNextAction(_, let proposed):
                state.modal = .prompt(Prompt(
                    title: "\(stage.name) needs a next action", label: "Date and what (e.g. +2d Call back)",
                    text: "\(proposed.iso) Follow-up call", error: nil,
                    purpose: .nextAction(dealID: dealID, stage: stageID, extras: extras)))
            case .needsLostReason:
                let options = state.pipeline.lostReasons.map { PickerOption(value: $0, label: $0) }
                state.modal = .picker(Picker(title: "Why was “\(deal.title)” lost?", options: options, selected: 0,
                                             purpose: .lostReason(dealID: dealID, stage: stageID, extras: extras)))
            case .needsValue:
                state.modal = .prompt(Prompt(
                    title: "\(stage.name) needs the deal's value", label: "Value in \(deal.currency)",
                    text: deal.value.map(Money.plain) ?? "", error: nil,
                    purpose: .value(dealID: dealID, stage: stageID, extras: extras)))
            default:
                state.status = StatusMessage(text: "not moved: " + refusal.message.text, isError: true)
            }
            return []
        }
    }

    /// Takes a computed change into the state (optimistically) and asks the world to save it.
    static func commit(before: Deal, after: Deal, focus: Bool, _ state: inout BoardState) -> [Effect] {
        state.undo.append(UndoEntry(before: before, after: after))
        if state.undo.count > 100 { state.undo.removeFirst() }
        state.redo = []
        state.replace(after, focus: focus ? after.id : nil)
        return [.save(before: before, after: after)]
    }

    /// Parses "DATE what" as typed in the next-action prompt.
    static func parseNextAction(_ text: String, today: Day) -> NextAction? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ", maxSplits: 1)
        guard let first = parts.first, let day = Day.parse(String(first), today: today) else { return nil }
        return NextAction(date: day, text: parts.count > 1 ? String(parts[1]) : "")
    }
}

/// Undo and redo: each is a domain `restore`, saved like any change. An entry holds the version
/// to put back (`before`) and the version it must find (`after`); anything newer is left alone.
enum UndoFlow {
    static func undo(_ state: inout BoardState) -> [Effect] {
        guard let entry = state.undo.last else {
            state.status = StatusMessage(text: "nothing to undo", isError: false)
            return []
        }
        state.undo.removeLast()
        guard let (effects, restored) = restore(entry.after, to: entry.before, &state) else { return [] }
        state.redo.append(UndoEntry(before: entry.after, after: restored))
        state.status = StatusMessage(text: "undone: “\(entry.before.title)”", isError: false)
        return effects
    }

    static func redo(_ state: inout BoardState) -> [Effect] {
        guard let entry = state.redo.last else {
            state.status = StatusMessage(text: "nothing to redo", isError: false)
            return []
        }
        state.redo.removeLast()
        guard let (effects, redone) = restore(entry.after, to: entry.before, &state) else { return [] }
        state.undo.append(UndoEntry(before: entry.after, after: redone))
        state.status = StatusMessage(text: "redone: “\(redone.title)”", isError: false)
        return effects
    }

    /// Puts the deal's fields back as in `target`, if the deal is still exactly `expected`.
    static func restore(_ expected: Deal, to target: Deal, _ state: inout BoardState) -> ([Effect], Deal)? {
        guard let current = state.deals[expected.id] else {
            state.status = StatusMessage(text: "that deal is gone", isError: true)
            return nil
        }
        // Only the version this change produced may be put back: anything newer (another
        // process's edit, a logged call) would be erased.
        guard current.revision == expected.revision else {
            state.status = StatusMessage(text: "“\(current.title)” changed since; not undone", isError: true)
            return nil
        }
        switch state.funnel.apply(.restore(target), to: current, by: state.actor, now: state.now, utcOffset: state.utcOffset) {
        case .success(let after):
            state.replace(after, focus: after.id)
            return ([.save(before: current, after: after)], after)
        case .failure(let refusal):
            state.status = StatusMessage(text: refusal.message.text, isError: true)
            return nil
        }
    }
}
