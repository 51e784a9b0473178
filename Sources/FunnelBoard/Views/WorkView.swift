import Foundation
import FunnelCore
import FunnelText

/// Overlays for working the day: the log-a-call chooser and today's call list.
enum WorkView {
    static func logPicker(_ picker: LogPicker, state: BoardState, _ grid: inout Grid) {
        let title = state.deals[picker.dealID].map { state.text(.logTitle, ["title": $0.title]) } ?? state.text(.logTitlePlain)
        let choices = LogPicker.choices
        let rect = CenteredRect(screenWidth: state.width, screenHeight: state.height, width: 44, height: choices.count + 2)
        grid.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: title)
        for (i, choice) in choices.enumerated() where i < rect.height - 2 {
            let selected = i == picker.selected
            grid.put(
                fitting: " \(choice.key)  \(state.text(choice.label))", x: rect.x + 1, y: rect.y + 1 + i, width: rect.width - 2,
                style: CellStyle(selected ? .selection : .overlay, bold: selected))
        }
    }

    static func today(_ list: TodayList, state: BoardState, _ grid: inout Grid) {
        let entries = state.callList
        let rect = CenteredRect(screenWidth: state.width, screenHeight: state.height, width: 100, height: state.height - 2)
        grid.box(
            x: rect.x, y: rect.y, width: rect.width, height: rect.height,
            title: state.text(
                .todayTitle,
                [
                    "count": "\(entries.count)",
                    "hints": KeyHints.line(for: .today, inbox: false, width: 50, language: state.language),
                ]))
        guard !entries.isEmpty else {
            grid.put(fitting: "  " + state.text(.todayNothing), x: rect.x + 1, y: rect.y + 2, width: rect.width - 2, style: CellStyle(.overlay))
            return
        }
        // Lines: a group title before each group's first entry.
        var lines: [(text: String, entry: Int?)] = []
        var group: CallList.Group?
        for (i, entry) in entries.enumerated() {
            if entry.group != group {
                group = entry.group
                lines.append((entry.group.title(in: state.language), nil))
            }
            lines.append((line(entry.deal, state: state), i))
        }
        let rows = rect.height - 2
        let selectedLine = lines.firstIndex { $0.entry == list.selected } ?? 0
        let top = max(0, min(selectedLine - rows + 2, lines.count - rows))
        for row in 0..<rows {
            let index = top + row
            guard lines.indices.contains(index) else { break }
            let item = lines[index]
            let y = rect.y + 1 + row
            if let entry = item.entry {
                let selected = entry == list.selected
                grid.put(
                    fitting: (selected ? " ▸ " : "   ") + item.text, x: rect.x + 1, y: y, width: rect.width - 2,
                    style: CellStyle(selected ? .selection : .overlay, bold: selected))
            } else {
                grid.put(fitting: " " + item.text, x: rect.x + 1, y: y, width: rect.width - 2, style: CellStyle(.overlayTitle, bold: true))
            }
        }
    }

    static func line(_ deal: Deal, state: BoardState) -> String {
        var parts = [deal.title]
        if !deal.company.isEmpty { parts.append(deal.company) }
        if !deal.phone.isEmpty { parts.append("☎ " + deal.phone) }
        if let money = deal.money { parts.append(money.display) }
        if let next = deal.nextAction { parts.append("→ " + state.dates.full(next.date)) }
        let attempts = Attempts.unanswered(deal)
        if attempts > 0 { parts.append(state.text(.pluralTries, count: attempts)) }
        if DealFlags.isNewLead(deal, pipeline: state.pipeline) { parts.append(DealFlags.age(of: deal, now: state.now)) }
        return parts.joined(separator: " · ")
    }
}
