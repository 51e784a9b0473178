import Foundation
import FunnelCore

/// Working the day on the board: choosing a call's outcome, today's call list (R9, R14).
enum WorkUpdate {
    static func logPicker(_ action: Action, _ picker: LogPicker, _ state: inout BoardState) -> [Effect] {
        var picker = picker
        let choices = LogPicker.choices
        switch action {
        case .up: picker.selected = max(0, picker.selected - 1)
        case .down: picker.selected = min(choices.count - 1, picker.selected + 1)
        case .cancel:
            back(fromToday: picker.fromToday, dealID: picker.dealID, &state)
            return []
        case .input(let key):
            guard let index = choices.firstIndex(where: { $0.key == key }) else { return [] }
            LogCallFlow.open(choices[index].entry, picker: picker, &state)
            return []
        case .submit:
            LogCallFlow.open(choices[picker.selected].entry, picker: picker, &state)
            return []
        default:
            return []
        }
        state.open(.logPicker(picker))
        return []
    }

    static func today(_ action: Action, _ list: TodayList, _ state: inout BoardState) -> [Effect] {
        var list = list
        let entries = state.callList
        switch action {
        case .up: list.selected = max(0, list.selected - 1)
        case .down: list.selected = min(max(0, entries.count - 1), list.selected + 1)
        case .cancel, .quit, .todayList:
            state.closeModal()
            return []
        case .help:
            state.open(.help(scroll: 0))
            return []
        case .submit:
            guard entries.indices.contains(list.selected) else { return [] }
            state.closeModal()
            state.filter = ""
            state.flagFilter = nil
            state.refilter(keeping: entries[list.selected].deal.id)
            return []
        case .logCall:
            guard entries.indices.contains(list.selected) else { return [] }
            state.open(.logPicker(LogPicker(dealID: entries[list.selected].deal.id, fromToday: true)))
            return []
        case .email:
            guard entries.indices.contains(list.selected) else { return [] }
            return MailFlow.start(entries[list.selected].deal.id, fromToday: true, &state)
        default:
            return []
        }
        state.open(.today(list))
        return []
    }

    /// Where a deal stands in today's list (0 when it is not there).
    /// Closes an overlay opened on `dealID`: back to today's list on that deal when it was
    /// opened from there, else to the board or the detail pane.
    static func back(fromToday: Bool, dealID: String, _ state: inout BoardState) {
        if fromToday {
            state.open(.today(TodayList(selected: todayIndex(of: dealID, state))))
        } else {
            state.closeModal()
        }
    }

    static func todayIndex(of dealID: String, _ state: BoardState) -> Int {
        state.callList.firstIndex { $0.deal.id == dealID } ?? 0
    }

    /// Back to today's list after a call on `dealID` was logged (or not): the next deal is
    /// selected, never the one just called, so a second `c n` cannot log on it twice.
    /// `position` is where the deal stood before the call.
    static func moveOn(after dealID: String, position: Int?, _ state: inout BoardState) {
        let list = state.callList
        guard !list.isEmpty else {
            state.closeModal()
            return
        }
        let index: Int
        if let stays = list.firstIndex(where: { $0.deal.id == dealID }) {
            index = stays + 1 < list.count ? stays + 1 : (list.count > 1 ? 0 : stays)
        } else {
            index = min(position ?? 0, list.count - 1)
        }
        state.open(.today(TodayList(selected: index)))
    }
}
