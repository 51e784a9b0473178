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
            state.status = StatusMessage(
                text: state.text(.statusMoved, ["title": after.title, "from": from, "to": stage.name]),
                isError: false)
            return commit(before: deal, after: after, focus: true, &state)
        case .failure(let refusal):
            switch refusal.message {
            case .needsNextAction(_, let proposed):
                state.open(
                    .prompt(
                        Prompt(
                            title: state.text(.promptNextActionTitle, ["stage": stage.name]), label: state.text(.promptNextActionLabel),
                            text: "\(proposed.iso) " + state.text(.promptFollowUpCall), error: nil,
                            purpose: .nextAction(dealID: dealID, stage: stageID, extras: extras))))
            case .needsLostReason:
                let options = state.pipeline.lostReasons.map { PickerOption(value: $0, label: $0) }
                state.open(
                    .picker(
                        Picker(
                            title: state.text(.pickerLostTitle, ["title": deal.title]), options: options, selected: 0,
                            purpose: .lostReason(dealID: dealID, stage: stageID, extras: extras))))
            case .needsValue:
                state.open(
                    .prompt(
                        Prompt(
                            title: state.text(.promptValueTitle, ["stage": stage.name]),
                            label: state.text(.promptValueLabel, ["currency": deal.currency]),
                            text: deal.value.map(Money.plain) ?? "", error: nil,
                            purpose: .value(dealID: dealID, stage: stageID, extras: extras))))
            default:
                state.status = StatusMessage(
                    text: state.text(.statusNotMoved, ["why": refusal.message.text(in: state.language)]),
                    isError: true)
            }
            return []
        }
    }

    /// Takes a computed change into the state (optimistically) and asks the world to save it.
    /// `undoable: false` for what cannot be taken back (an email that was sent).
    static func commit(before: Deal, after: Deal, focus: Bool, undoable: Bool = true, _ state: inout BoardState) -> [Effect] {
        if undoable { UndoFlow.record(UndoEntry(id: after.id, before: before, after: after), &state) }
        state.replace(after, focus: focus ? after.id : nil)
        return [.save(before: before, after: after)]
    }

}
