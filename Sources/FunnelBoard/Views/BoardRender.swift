import Foundation
import FunnelCore
import FunnelText

/// Draws a board state at its size into a grid. Pure: the same state gives the same grid.
public enum BoardRender {
    public static func render(_ state: BoardState) -> Grid {
        var grid = Grid(width: state.width, height: state.height, display: state.display)
        if BoardLayout.isTooSmall(width: state.width, height: state.height) {
            let lines = [
                state.text(.tooSmall),
                state.text(.tooSmallNeed, ["w": "\(BoardLayout.minWidth)", "h": "\(BoardLayout.minHeight)"]),
                state.text(.tooSmallHave, ["w": "\(state.width)", "h": "\(state.height)"]),
            ]
            for (i, line) in lines.enumerated() where i < state.height {
                grid.put(fitting: line, x: 0, y: i, width: state.width, style: CellStyle(.warning, bold: i == 0))
            }
            return grid
        }
        header(state, &grid)
        ColumnsView.draw(state, &grid)
        statusLine(state, &grid)
        if let detail = state.detail, let deal = state.deals[detail.dealID] {
            DetailView.draw(deal, detail: detail, state: state, &grid)
        }
        if let modal = state.modal { ModalView.draw(modal, state: state, &grid) }
        return grid
    }

    static func header(_ state: BoardState, _ grid: inout Grid) {
        grid.fill(x: 0, y: 0, width: state.width, height: 1, style: CellStyle(.header))
        let parts = headerParts(state)
        let shown = BoardLayout.visibleColumns(width: state.width, stages: state.stages.count)
        let hiddenBefore = state.firstColumn
        let hiddenAfter = max(0, state.stages.count - state.firstColumn - shown)
        // The hidden columns' counts, by the side of the screen they are off.
        let (onLeft, onRight) = state.rightToLeft ? (hiddenAfter, hiddenBefore) : (hiddenBefore, hiddenAfter)
        var more = ""
        if onLeft > 0 || onRight > 0 {
            more =
                (onLeft > 0 ? "◀ " + state.text(.headerMoreColumns, count: onLeft) : "") + (onLeft > 0 && onRight > 0 ? " · " : "")
                + (onRight > 0 ? state.text(.headerMoreColumns, count: onRight) + " ▶" : "")
        }
        let moreWidth = DisplayWidth.of(more)
        let style = CellStyle(.header, bold: true)
        if state.rightToLeft {
            fieldsFromRight(parts, right: state.width - 1, left: moreWidth > 0 ? moreWidth + 2 : 0, y: 0, style: style, &grid)
            if moreWidth > 0 { grid.put(more, x: 1, y: 0, style: CellStyle(.header)) }
            return
        }
        grid.put(fitting: " " + parts.joined(separator: " · "), x: 0, y: 0, width: max(0, state.width - moreWidth - 1), style: style)
        if moreWidth > 0 { grid.put(more, x: state.width - moreWidth - 1, y: 0, style: CellStyle(.header)) }
    }

    /// The header's words: program, pipeline, who, whose cards, filter, sort.
    static func headerParts(_ state: BoardState) -> [String] {
        let role = state.text(state.actor.role == .manager ? .roleManager : .roleRep)
        let pipeline = state.pipelineHeading.map { state.text(.headerPipeline, ["name": $0]) } ?? state.pipeline.name
        var parts = ["funnel", pipeline, "\(state.actor.name) (\(role))"]
        switch state.scope {
        case .mine: parts.append(state.text(.headerMyDeals))
        case .everyone: parts.append(state.text(.headerAllSellers))
        case .seller(let account): parts.append(state.text(.headerSeller, ["name": state.funnel.team.user(account)?.name ?? account]))
        }
        if !state.filter.isEmpty { parts.append(state.text(.headerFilter, ["text": state.filter])) }
        parts.append(state.text(.headerSort, ["sort": sortName(state.sort, state)]))
        if let sync = state.sync.headerText(state) { parts.append(sync) }
        if let goal = state.headerGoalText { parts.append(goal) }
        return parts
    }

    /// A sort order's name in the board's language.
    static func sortName(_ sort: CardOrder, _ state: BoardState) -> String {
        let keys: [CardOrder: TextKey] = [
            .due: .sortDue, .created: .sortCreated, .value: .sortValue, .title: .sortTitle,
            .priority: .sortPriority,
        ]
        return keys[sort].map { state.text($0) } ?? sort.rawValue
    }

    /// Left to right: each part its own field (so each reads in its own direction: a Hebrew
    /// company never reorders the phone number beside it), the first at `left`, the next after
    /// " · ", while they fit before `right`; the last that does not fit is cut with "…".
    static func fieldsFromLeft(_ parts: [String], left: Int, right: Int, y: Int, style: CellStyle, _ grid: inout Grid) {
        var x = left
        for (i, part) in parts.enumerated() {
            if i > 0 {
                guard x + 3 < right else { return }
                grid.put(" · ", x: x, y: y, style: style)
                x += 3
            }
            let width = min(DisplayWidth.of(part), right - x)
            guard width > 0 else { return }
            grid.put(fitting: part, x: x, y: y, width: width, style: style)
            x += width
        }
    }

    /// Right to left: each part its own field (so each reads in its own direction), the first
    /// at the right edge, the next to its left after " · ", while they fit between `left` and `right`.
    static func fieldsFromRight(_ parts: [String], right: Int, left: Int, y: Int, style: CellStyle, _ grid: inout Grid) {
        var end = right
        for (i, part) in parts.enumerated() {
            if i > 0 {
                guard end - 3 > left else { return }
                grid.put(" · ", x: end - 3, y: y, style: style)
                end -= 3
            }
            let width = DisplayWidth.of(part)
            guard end - width >= left else {
                if end - left > 1 { grid.put(fitting: part, x: left, y: y, width: end - left, alignRight: true, style: style) }
                return
            }
            grid.put(fitting: part, x: end - width, y: y, width: width, style: style)
            end -= width
        }
    }

    static func statusLine(_ state: BoardState, _ grid: inout Grid) {
        let y = state.height - 1
        if let status = state.status {
            grid.fill(x: 0, y: y, width: state.width, height: 1, style: CellStyle(status.isError ? .statusError : .status))
            // The interface's message reads in the interface's direction, even when a quoted title
            // starts with a letter of the other direction.
            grid.put(
                fitting: state.rightToLeft ? status.text + " " : " " + status.text, x: 0, y: y, width: state.width,
                alignRight: state.rightToLeft, style: CellStyle(status.isError ? .statusError : .status, bold: status.isError),
                direction: state.rightToLeft ? .rightToLeft : .leftToRight)
            return
        }
        grid.fill(x: 0, y: y, width: state.width, height: 1, style: CellStyle(.status))
        if state.keyContext == .board, !state.firstSteps.isEmpty {
            firstStepsLine(state, &grid)
            return
        }
        let line = KeyHints.line(
            for: state.keyContext, inbox: state.inInbox,
            stuck: state.keyContext == .board && state.selectedIsStuck, width: state.width - 2,
            language: state.language, rightToLeft: state.rightToLeft)
        if state.rightToLeft {
            fieldsFromRight(line.components(separatedBy: " · "), right: state.width - 1, left: 0, y: y, style: CellStyle(.status), &grid)
            return
        }
        grid.put(fitting: " " + line, x: 0, y: y, width: state.width, style: CellStyle(.status))
    }

    /// A new user's footer: the first steps not done yet, then how to open the help.
    static func firstStepsLine(_ state: BoardState, _ grid: inout Grid) {
        let y = state.height - 1
        let steps = FirstSteps.line(state.firstSteps, language: state.language)
        let help = KeyHints.hints(for: .board, inbox: false, language: state.language).first { $0.keys == "?" }?.display
        let style = CellStyle(.status, bold: true)
        if state.rightToLeft {
            fieldsFromRight([steps] + (help.map { [$0] } ?? []), right: state.width - 1, left: 0, y: y, style: style, &grid)
            return
        }
        grid.put(fitting: " " + steps + (help.map { " · " + $0 } ?? ""), x: 0, y: y, width: state.width, style: style)
    }
}
