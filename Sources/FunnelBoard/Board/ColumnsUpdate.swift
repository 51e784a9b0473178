import Foundation
import FunnelCore

/// Keys on the columns: a table from action to handler. Moving the selection, opening the
/// board's screens and views; what acts on the selected card is in `CardUpdate`.
enum ColumnsUpdate {
    typealias Handler = @Sendable (inout BoardState) -> [Effect]

    static func apply(_ action: Action, _ state: inout BoardState) -> [Effect] {
        state.status = nil
        guard let handler = handlers[action] else {
            state.clampScroll()
            return []
        }
        let effects = handler(&state)
        state.clampScroll()
        return effects
    }

    /// Each action's handler on the columns; an action not here does nothing.
    static let handlers: [Action: Handler] = navigation.merging(screens) { first, _ in first }
        .merging(CardUpdate.handlers.mapValues(onSelectedDeal)) { first, _ in first }

    /// A card action's handler, run on the selected card (`BoardUpdate.withSelectedDeal`).
    static func onSelectedDeal(_ body: @escaping CardUpdate.Handler) -> Handler {
        { BoardUpdate.withSelectedDeal(&$0, body) }
    }

    /// Moving the selection.
    static let navigation: [Action: Handler] = [
        .left: { selectColumn(.left, &$0) },
        .right: { selectColumn(.right, &$0) },
        .up: { state in selectRow(state.selectedRow - 1, &state) },
        .down: { state in selectRow(state.selectedRow + 1, &state) },
        .pageUp: { state in selectRow(state.selectedRow - state.visibleCards, &state) },
        .pageDown: { state in selectRow(state.selectedRow + state.visibleCards, &state) },
        .top: { selectRow(0, &$0) },
        .bottom: { state in selectRow(state.count(state.column) - 1, &state) },
        .cancel: clearFilters,
        .quit: { _ in [.quit] },
    ]

    /// Opening a screen, a list or a view of the board.
    static let screens: [Action: Handler] = [
        .newDeal: newDeal,
        .startFilter: { open(.filter, &$0) },
        .cycleSort: cycleSort,
        .undo: { UndoFlow.undo(&$0) },
        .redo: { UndoFlow.redo(&$0) },
        .todayList: { open(.today(TodayList()), &$0) },
        .report: openReport,
        .flagFilter: openFlagFilter,
        .toggleArchived: toggleArchived,
        .help: { open(.help(scroll: 0), &$0) },
        .bossMode: bossMode,
        .pickSeller: pickSeller,
        .stageEditor: { StageEditorFlow.open(&$0) },
        .switchPipeline: { PipelineFlow.open(&$0) },
    ]

    /// Puts `modal` on top; nothing for the world to do.
    static func open(_ modal: Modal, _ state: inout BoardState) -> [Effect] {
        state.open(modal)
        return []
    }

    /// ← and →: the column beside, as the eye sees it.
    static func selectColumn(_ action: Action, _ state: inout BoardState) -> [Effect] {
        state.column = max(0, min(state.stages.count - 1, state.column + BoardUpdate.step(action, state)))
        return []
    }

    /// Selects card `row` of the selected column, kept within the column.
    static func selectRow(_ row: Int, _ state: inout BoardState) -> [Effect] {
        state.rows[state.column] = min(max(0, state.count(state.column) - 1), max(0, row))
        return []
    }

    /// `n`: the new-deal form, for the selected column's stage if deals can start there.
    static func newDeal(_ state: inout BoardState) -> [Effect] {
        let stage = state.stages[state.column]
        let target = stage.kind == .open || stage.kind == .inbox ? stage.id : state.pipeline.firstOpenStage.id
        return open(.form(DealForm(stage: target)), &state)
    }

    static func cycleSort(_ state: inout BoardState) -> [Effect] {
        state.sort = state.sort.next
        state.resort()
        state.status = StatusMessage(
            text: state.text(.statusSortedBy, ["sort": BoardRender.sortName(state.sort, state)]), isError: false)
        return []
    }

    static func openReport(_ state: inout BoardState) -> [Effect] {
        var screen = ReportScreen()
        screen.report = state.report(screen)
        return open(.report(screen), &state)
    }

    /// Esc: every card again, when a filter hides some.
    static func clearFilters(_ state: inout BoardState) -> [Effect] {
        guard !state.filter.isEmpty || state.flagFilter != nil || state.priorityFilter != nil else { return [] }
        state.filter = ""
        state.flagFilter = nil
        state.priorityFilter = nil
        state.refilter()
        return []
    }

    /// `z`: the closed deals archived off the columns shown in them, or hidden again.
    static func toggleArchived(_ state: inout BoardState) -> [Effect] {
        guard state.archive.days > 0 else {
            state.status = StatusMessage(text: state.text(.statusArchiveOff), isError: false)
            return []
        }
        state.showArchived.toggle()
        state.refilter()
        let days = ["days": String(state.archive.days)]
        let text =
            state.showArchived
            ? state.text(.statusArchivedShown, days, count: state.stages.indices.reduce(0) { $0 + state.archivedCount($1) })
            : state.text(.statusArchivedHidden, days)
        state.status = StatusMessage(text: text, isError: false)
        return []
    }

    /// `f`: the list of flags, and high priority, to show only those cards.
    static func openFlagFilter(_ state: inout BoardState) -> [Effect] {
        let language = state.language
        let options =
            [PickerOption(value: nil, label: state.text(.pickerAllCards))]
            + DealFlag.allCases.map { PickerOption(value: $0.rawValue, label: "\($0.label(in: language)) — \($0.advice(in: language))") }
            + [PickerOption(value: highPriority, label: state.text(.pickerHighPriority))]
        let current = state.priorityFilter == .high ? highPriority : state.flagFilter?.rawValue
        let picker = Picker(
            title: state.text(.pickerFlagTitle), options: options,
            selected: current.flatMap { f in options.firstIndex { $0.value == f } } ?? 0, purpose: .flag)
        return open(.picker(picker), &state)
    }

    /// The `f` list's value for "high priority" (not a flag's name).
    static let highPriority = "priority:high"

    /// Why a rep cannot see every seller's cards.
    static func notManager(_ state: BoardState) -> String {
        state.text(.statusNotManager, ["why": Message.onlyManagersSeeAll.text(in: state.language)])
    }

    /// `b`: every seller's cards, or back to one's own (managers only).
    static func bossMode(_ state: inout BoardState) -> [Effect] {
        BoardUpdate.requireManager(notManager, &state) { state in
            state.scope = state.scope == .everyone ? .mine : .everyone
            state.recompute(keeping: nil)
            state.status = StatusMessage(text: state.text(state.scope == .everyone ? .statusBossMode : .headerMyDeals), isError: false)
            return []
        }
    }

    /// `o`: one seller's cards (managers only).
    static func pickSeller(_ state: inout BoardState) -> [Effect] {
        BoardUpdate.requireManager(notManager, &state) { state in
            let options = state.peopleOptions(everyone: true)
            return open(.picker(Picker(title: state.text(.pickerOneSeller), options: options, selected: 0, purpose: .seller)), &state)
        }
    }
}
