import Foundation
import FunnelCore

/// Keys on the columns that act on the selected card: carry, move, open, log, inbox, assign,
/// email, priority. `ColumnsUpdate` runs each through `BoardUpdate.withSelectedDeal`.
enum CardUpdate {
    typealias Handler = @Sendable (Deal, inout BoardState) -> [Effect]

    /// Each card action's handler.
    static let handlers: [Action: Handler] = [
        .pickUpOrDrop: pickUp,
        .moveStageLeft: { moveStage(.moveStageLeft, $0, &$1) },
        .moveStageRight: { moveStage(.moveStageRight, $0, &$1) },
        .openDetail: { deal, state in focus(.detail(DetailState(dealID: deal.id)), &state) },
        .logCall: { deal, state in ColumnsUpdate.open(.logPicker(LogPicker(dealID: deal.id, fromToday: false)), &state) },
        .email: { MailFlow.start($0.id, fromToday: false, &$1) },
        .priority: { PriorityFlow.board($0, &$1) },
        .accept: { DetailUpdate.change($0.id, .accept, &$1) },
        .reject: reject,
        .assign: assign,
    ]

    /// Gives the keys to `focus`; nothing for the world to do.
    static func focus(_ focus: Focus, _ state: inout BoardState) -> [Effect] {
        state.focus = focus
        return []
    }

    /// Space: the card is carried (←/→ choose its column, Space drops it).
    static func pickUp(_ deal: Deal, _ state: inout BoardState) -> [Effect] {
        state.focus = .carrying(Drag(dealID: deal.id, origin: state.column, target: state.column))
        state.status = StatusMessage(text: state.text(.statusCarrying, ["title": deal.title]), isError: false)
        return []
    }

    /// Shift+←/→: the card to the stage beside at once.
    static func moveStage(_ action: Action, _ deal: Deal, _ state: inout BoardState) -> [Effect] {
        let target = state.column + BoardUpdate.step(action, state)
        guard state.stages.indices.contains(target) else {
            state.status = StatusMessage(
                text: state.text(action == .moveStageLeft ? .statusNoStageLeft : .statusNoStageRight), isError: true)
            return []
        }
        return MoveFlow.attempt(deal.id, to: state.stages[target].id, extras: MoveExtras(), &state)
    }

    /// `x` on an inbox lead: the reason it is rejected.
    static func reject(_ deal: Deal, _ state: inout BoardState) -> [Effect] {
        guard state.pipeline.stage(id: deal.stage)?.kind == .inbox else {
            state.status = StatusMessage(text: Message.notInInbox(dealTitle: deal.title).text(in: state.language), isError: true)
            return []
        }
        let prompt = Prompt(
            title: state.text(.promptRejectTitle, ["title": deal.title]), label: state.text(.promptRejectLabel),
            text: "", error: nil, purpose: .reject(dealID: deal.id))
        return ColumnsUpdate.open(.prompt(prompt), &state)
    }

    /// `a`: who the card goes to (managers only).
    static func assign(_ deal: Deal, _ state: inout BoardState) -> [Effect] {
        BoardUpdate.requireManager({ Message.onlyManagersAssign.text(in: $0.language) }, &state) { state in
            let options = state.peopleOptions(everyone: false)
            let picker = Picker(
                title: state.text(.pickerAssignTitle, ["title": deal.title]), options: options,
                selected: options.firstIndex { $0.value == deal.owner } ?? 0, purpose: .assign(dealID: deal.id))
            return ColumnsUpdate.open(.picker(picker), &state)
        }
    }
}
