import Foundation
import FunnelCore

/// Working the day on the board: logging calls in two key presses, today's call list (R9, R14).
enum WorkUpdate {
    static func logPicker(_ action: Action, _ picker: LogPicker, _ state: inout BoardState) -> [Effect] {
        var picker = picker
        let choices = LogPicker.choices
        switch action {
        case .up: picker.selected = max(0, picker.selected - 1)
        case .down: picker.selected = min(choices.count - 1, picker.selected + 1)
        case .cancel:
            state.modal = picker.fromToday ? .today(TodayList()) : nil
            return []
        case .input(let key):
            guard let index = choices.firstIndex(where: { $0.key == key }) else { return [] }
            return log(choices[index].entry, picker: picker, &state)
        case .submit:
            return log(choices[picker.selected].entry, picker: picker, &state)
        default:
            return []
        }
        state.modal = .logPicker(picker)
        return []
    }

    /// Logs the entry with the proposed next action; from today's list, moves on to the next deal.
    static func log(_ entry: LogEntry, picker: LogPicker, _ state: inout BoardState) -> [Effect] {
        let position = state.callList.firstIndex { $0.deal.id == picker.dealID }
        state.modal = nil
        let next = Attempts.proposedNext(after: entry, today: state.today, pipeline: state.pipeline)
        let effects = DetailUpdate.change(picker.dealID, .log(entry, note: "", next: next), &state)
        guard !effects.isEmpty, let deal = state.deals[picker.dealID] else { return effects }
        let label = LogPicker.choices.first { $0.entry == entry }?.label.lowercased() ?? "activity"
        var text = "logged \(label) on “\(deal.title)”"
        if let next = deal.nextAction { text += "; next: \(next.date.iso) \(next.text)" }
        let flags = DealFlags.of(deal, pipeline: state.pipeline, now: state.now, utcOffset: state.utcOffset)
        if flags.contains(.unreachable) { text += " — \(DealFlag.unreachable.advice)" }
        else if flags.contains(.emailDue) { text += " — send an email (c e logs it)" }
        state.status = StatusMessage(text: text, isError: false)
        if picker.fromToday {
            let list = state.callList
            let index = min(position ?? 0, max(0, list.count - 1))
            state.modal = list.isEmpty ? nil : .today(TodayList(selected: index))
        }
        return effects
    }

    static func today(_ action: Action, _ list: TodayList, _ state: inout BoardState) -> [Effect] {
        var list = list
        let entries = state.callList
        switch action {
        case .up: list.selected = max(0, list.selected - 1)
        case .down: list.selected = min(max(0, entries.count - 1), list.selected + 1)
        case .cancel, .quit, .todayList:
            state.modal = nil
            return []
        case .submit:
            guard entries.indices.contains(list.selected) else { return [] }
            state.modal = nil
            state.filter = ""
            state.flagFilter = nil
            state.refilter(keeping: entries[list.selected].deal.id)
            return []
        case .logCall:
            guard entries.indices.contains(list.selected) else { return [] }
            state.modal = .logPicker(LogPicker(dealID: entries[list.selected].deal.id, fromToday: true))
            return []
        default:
            return []
        }
        state.modal = .today(list)
        return []
    }
}
