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
                    "hints": KeyHints.line(for: .today, inbox: false, width: 50, language: state.language, rightToLeft: state.rightToLeft),
                ]))
        guard !entries.isEmpty else {
            grid.put(fitting: "  " + state.text(.todayNothing), x: rect.x + 1, y: rect.y + 2, width: rect.width - 2, style: CellStyle(.overlay))
            return
        }
        // Lines: a group title before each group's first entry.
        var lines: [(title: String?, entry: Int?)] = []
        var group: CallList.Group?
        for (i, entry) in entries.enumerated() {
            if entry.group != group {
                group = entry.group
                lines.append((entry.group.title(in: state.language), nil))
            }
            lines.append((nil, i))
        }
        let rows = rect.height - 2
        let selectedLine = lines.firstIndex { $0.entry == list.selected } ?? 0
        let top = max(0, min(selectedLine - rows + 2, lines.count - rows))
        for row in 0..<rows {
            let index = top + row
            guard lines.indices.contains(index) else { break }
            let y = rect.y + 1 + row
            if let entry = lines[index].entry {
                entryLine(entries[entry].deal, selected: entry == list.selected, x: rect.x + 1, y: y, width: rect.width - 2, state: state, &grid)
            } else {
                grid.put(
                    fitting: " " + (lines[index].title ?? "") + " ", x: rect.x + 1, y: y, width: rect.width - 2, alignRight: state.rightToLeft,
                    style: CellStyle(.overlayTitle, bold: true), direction: state.rightToLeft ? .rightToLeft : .leftToRight)
            }
        }
    }

    /// One deal of the list: a marker, then its parts, each its own field (a Hebrew or Arabic
    /// company reads right to left where it stands, and the phone, date and amount beside it keep
    /// their order), from the left edge, or from the right one on a board laid out right to left.
    static func entryLine(_ deal: Deal, selected: Bool, x: Int, y: Int, width: Int, state: BoardState, _ grid: inout Grid) {
        let style = CellStyle(selected ? .selection : .overlay, bold: selected)
        grid.fill(x: x, y: y, width: width, height: 1, style: style)
        let marker = selected ? "▸" : " "
        if state.rightToLeft {
            grid.put(marker, x: x + width - 2, y: y, style: style)
            BoardRender.fieldsFromRight(parts(deal, state: state), right: x + width - 3, left: x, y: y, style: style, &grid)
        } else {
            grid.put(marker, x: x + 1, y: y, style: style)
            BoardRender.fieldsFromLeft(parts(deal, state: state), left: x + 3, right: x + width, y: y, style: style, &grid)
        }
    }

    /// What the list says of a deal, field by field.
    static func parts(_ deal: Deal, state: BoardState) -> [String] {
        var parts = [deal.title]
        if !deal.company.isEmpty { parts.append(deal.company) }
        if !deal.phone.isEmpty { parts.append("☎ " + deal.phone) }
        if let money = deal.money { parts.append(money.display) }
        if let next = deal.nextAction { parts.append("→ " + state.dates.full(next.date)) }
        let attempts = Attempts.unanswered(deal)
        if attempts > 0 { parts.append(state.text(.pluralTries, count: attempts)) }
        if DealFlags.isNewLead(deal, pipeline: state.pipeline) { parts.append(DealFlags.age(of: deal, now: state.now)) }
        return parts
    }
}
