import Foundation
import FunnelCore

/// A deal's priority on the board (`p`): a list of high, normal and low; on a stuck card, R13's
/// prompt instead: move it on to the next stage, or lower its priority. Changes go through
/// `Funnel.apply` like every other.
enum PriorityFlow {
    /// `p` on the board: R13's prompt for a stuck card, else the priority list.
    static func board(_ deal: Deal, _ state: inout BoardState) -> [Effect] {
        if state.selectedIsStuck, state.selectedDeal?.id == deal.id { return stuck(deal, &state) }
        return choose(deal, &state)
    }

    /// The list of priorities, the deal's own selected.
    static func choose(_ deal: Deal, _ state: inout BoardState) -> [Effect] {
        let options = Priority.allCases.map { PickerOption(value: $0.rawValue, label: label($0)) }
        state.open(
            .picker(
                Picker(
                    title: "Priority of “\(deal.title)”", options: options,
                    selected: Priority.allCases.firstIndex(of: deal.priority) ?? 1, purpose: .priority(dealID: deal.id))))
        return []
    }

    /// R13: "stuck in Meeting for 20 days": move it on, or lower its priority.
    static func stuck(_ deal: Deal, _ state: inout BoardState) -> [Effect] {
        let stage = state.pipeline.stage(id: deal.stage)
        let days = Int(state.now.timeIntervalSince(deal.stageEntered) / 86_400)
        var options: [PickerOption] = []
        if let next = nextStage(after: deal.stage, state) {
            options.append(PickerOption(value: "move", label: "Move it on to \(next.name)"))
        }
        if let lower = deal.priority.lower {
            options.append(PickerOption(value: "lower", label: "Lower its priority to \(lower.rawValue)"))
        }
        options.append(PickerOption(value: nil, label: "Leave it"))
        state.open(
            .picker(
                Picker(
                    title: "“\(deal.title)”: stuck in \(stage?.name ?? deal.stage) for \(days) days",
                    options: options, selected: 0, purpose: .stuck(dealID: deal.id))))
        return []
    }

    /// What choosing from either list does.
    static func chosen(_ value: String?, purpose: PickerPurpose, _ state: inout BoardState) -> [Effect] {
        switch purpose {
        case .priority(let dealID):
            guard let priority = value.flatMap(Priority.init(rawValue:)), state.deals[dealID]?.priority != priority else { return [] }
            return set(priority, on: dealID, &state)
        case .stuck(let dealID):
            guard let deal = state.deals[dealID] else { return [] }
            if value == "move", let next = nextStage(after: deal.stage, state) {
                return MoveFlow.attempt(dealID, to: next.id, extras: MoveExtras(), &state)
            }
            if value == "lower", let lower = deal.priority.lower { return set(lower, on: dealID, &state) }
            return []
        default:
            return []
        }
    }

    static func set(_ priority: Priority, on dealID: String, _ state: inout BoardState) -> [Effect] {
        var edit = DealEdit()
        edit.priority = priority
        let effects = DetailUpdate.change(dealID, .edit(edit), &state)
        if !effects.isEmpty, let deal = state.deals[dealID] {
            state.status = StatusMessage(text: "“\(deal.title)”: priority \(priority.rawValue)", isError: false)
        }
        return effects
    }

    /// The next stage in the pipeline's order, if there is one (a move's rules still apply).
    static func nextStage(after stageID: String, _ state: BoardState) -> Stage? {
        guard let index = state.stages.firstIndex(where: { $0.id == stageID }), index + 1 < state.stages.count else { return nil }
        return state.stages[index + 1]
    }

    /// "▲ high", "normal", "▽ low": the list's labels, with the card's marks.
    static func label(_ priority: Priority) -> String {
        mark(priority).map { "\($0) \(priority.rawValue)" } ?? priority.rawValue
    }

    /// The mark a card shows for its priority: ▲ high, ▽ low, nothing for normal.
    static func mark(_ priority: Priority) -> String? {
        switch priority {
        case .high: return "▲"
        case .normal: return nil
        case .low: return "▽"
        }
    }
}
