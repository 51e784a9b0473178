import Foundation
import FunnelCore

/// The board's pure update: a state and an action give the next state and the effects to run.
/// Every change to a deal is computed by `Funnel.apply`/`create`, the same call the command line uses.
public enum BoardUpdate {
    /// Turns a key into an action for the current context, then applies it.
    public static func key(_ key: KeyPress, _ state: inout BoardState) -> [Effect] {
        // A board too small to see is not worked blind: only quitting works.
        if BoardLayout.isTooSmall(width: state.width, height: state.height) {
            return key == .char("q") || key == .ctrl("c") ? [.quit] : []
        }
        guard let action = KeyTable.action(for: key, in: state.keyContext) else {
            // Esc and a key typed fast arrive as Alt plus the key: where Alt means nothing, both count.
            if case .alt(let c) = key { return self.key(.escape, &state) + self.key(.char(c), &state) }
            return []
        }
        return apply(action, &state)
    }

    public static func apply(_ action: Action, _ state: inout BoardState) -> [Effect] {
        // News from the world applies in every context.
        switch action {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            state.clampScroll()
            return []
        case .tick(let now):
            state.now = now
            return SyncFlow.tick(&state)
        case .syncFinished(let outcome): return SyncFlow.finished(outcome, &state)
        case .syncNow: return SyncFlow.request(&state)
        case .reloaded(let pipeline, let team, let deals):
            reload(pipeline: pipeline, team: team, deals: deals, &state)
            return []
        case .changedElsewhere(let changed, let removed):
            changedElsewhere(changed: changed, removed: removed, &state)
            return []
        case .saved(let deal):
            state.replace(deal)
            return []
        case .saveFailed(let text):
            state.status = StatusMessage(text: text, isError: true)
            return []
        case .pipelineSaved:
            state.status = StatusMessage(text: state.text(.statusStagesSaved), isError: false)
            return []
        case .mailTemplates(let job, let names): return MailFlow.templates(job, names, &state)
        case .mailDraft(let job, let draft, let filled): return MailFlow.draft(job, draft, filled: filled, &state)
        case .mailSent(let job, let subject): return MailFlow.sent(job, subject: subject, &state)
        case .mailFailed(let job, let reason): return MailFlow.failed(job, reason, &state)
        case .products(let dealID, let products): return QuoteFlow.products(dealID, products, &state)
        case .quoteIssued(let deal, let number, let pdf): return QuoteFlow.issued(deal, number: number, pdf: pdf, &state)
        case .quoteFailed(let reason): return QuoteFlow.failed(reason, &state)
        case .mousePress(let x, let y):
            return mousePress(x: x, y: y, &state)
        case .mouseRelease(let x, let y):
            return mouseRelease(x: x, y: y, &state)
        default:
            break
        }
        if state.modal != nil { return ModalUpdate.apply(action, &state) }
        if state.detail != nil { return DetailUpdate.apply(action, &state) }
        if state.drag != nil { return dragAction(action, &state) }
        state.status = nil
        return boardAction(action, &state)
    }

    static func boardAction(_ action: Action, _ state: inout BoardState) -> [Effect] {
        if let effects = cardAction(action, &state) {
            state.clampScroll()
            return effects
        }
        let count = state.count(state.column)
        switch action {
        case .left, .right: state.column = max(0, min(state.stages.count - 1, state.column + step(action, state)))
        case .up: state.rows[state.column] = max(0, state.rows[state.column] - 1)
        case .down: state.rows[state.column] = min(max(0, count - 1), state.rows[state.column] + 1)
        case .pageUp: state.rows[state.column] = max(0, state.rows[state.column] - state.visibleCards)
        case .pageDown: state.rows[state.column] = min(max(0, count - 1), state.rows[state.column] + state.visibleCards)
        case .top: state.rows[state.column] = 0
        case .bottom: state.rows[state.column] = max(0, count - 1)
        case .newDeal:
            let stage = state.stages[state.column]
            let target = stage.kind == .open || stage.kind == .inbox ? stage.id : state.pipeline.firstOpenStage.id
            state.modal = .form(DealForm(stage: target))
        case .startFilter:
            state.modal = .filter
        case .cycleSort:
            state.sort = state.sort.next
            state.recompute(keeping: nil)
            state.status = StatusMessage(
                text: state.text(.statusSortedBy, ["sort": BoardRender.sortName(state.sort, state)]),
                isError: false)
        case .undo: return UndoFlow.undo(&state)
        case .redo: return UndoFlow.redo(&state)
        case .todayList:
            state.modal = .today(TodayList())
        case .report:
            var screen = ReportScreen()
            screen.report = state.report(screen)
            state.modal = .report(screen)
        case .flagFilter: openFlagFilter(&state)
        case .help: state.modal = .help(scroll: 0)
        case .quit: return [.quit]
        case .bossMode, .pickSeller: return managerView(action, &state)
        case .stageEditor: return StageEditorFlow.open(&state)
        case .switchPipeline: return PipelineFlow.open(&state)
        case .cancel:
            if !state.filter.isEmpty || state.flagFilter != nil || state.priorityFilter != nil {
                state.filter = ""
                state.flagFilter = nil
                state.priorityFilter = nil
                state.refilter()
            }
        default:
            break
        }
        state.clampScroll()
        return []
    }

    /// `f`: the list of flags, and high priority, to show only those cards.
    static func openFlagFilter(_ state: inout BoardState) {
        let language = state.language
        let options =
            [PickerOption(value: nil, label: state.text(.pickerAllCards))]
            + DealFlag.allCases.map { PickerOption(value: $0.rawValue, label: "\($0.label(in: language)) — \($0.advice(in: language))") }
            + [PickerOption(value: highPriority, label: state.text(.pickerHighPriority))]
        let current = state.priorityFilter == .high ? highPriority : state.flagFilter?.rawValue
        state.modal = .picker(
            Picker(
                title: state.text(.pickerFlagTitle), options: options,
                selected: current.flatMap { f in options.firstIndex { $0.value == f } } ?? 0,
                purpose: .flag))
    }

    /// `b` and `o`: every seller's cards, or one seller's (managers only).
    static func managerView(_ action: Action, _ state: inout BoardState) -> [Effect] {
        guard state.actor.role == .manager else { return notManager(&state) }
        if action == .bossMode {
            state.scope = state.scope == .everyone ? .mine : .everyone
            state.recompute(keeping: nil)
            state.status = StatusMessage(text: state.text(state.scope == .everyone ? .statusBossMode : .headerMyDeals), isError: false)
        } else {
            let options = state.peopleOptions(everyone: true)
            state.modal = .picker(Picker(title: state.text(.pickerOneSeller), options: options, selected: 0, purpose: .seller))
        }
        return []
    }

    /// Keys that act on the selected card (carry, move, open, log, inbox, assign, email,
    /// priority); nil for every other action.
    static func cardAction(_ action: Action, _ state: inout BoardState) -> [Effect]? {
        switch action {
        case .pickUpOrDrop, .moveStageLeft, .moveStageRight, .openDetail, .logCall, .accept, .reject, .assign, .email, .priority:
            break
        default:
            return nil
        }
        guard let deal = state.selectedDeal else { return noCard(&state) }
        switch action {
        case .pickUpOrDrop:
            state.drag = Drag(dealID: deal.id, origin: state.column, target: state.column)
            state.status = StatusMessage(text: state.text(.statusCarrying, ["title": deal.title]), isError: false)
        case .moveStageLeft, .moveStageRight:
            let target = state.column + step(action, state)
            guard state.stages.indices.contains(target) else {
                state.status = StatusMessage(
                    text: state.text(action == .moveStageLeft ? .statusNoStageLeft : .statusNoStageRight),
                    isError: true)
                return []
            }
            return MoveFlow.attempt(deal.id, to: state.stages[target].id, extras: MoveExtras(), &state)
        case .openDetail:
            state.detail = DetailState(dealID: deal.id)
        case .logCall:
            state.modal = .logPicker(LogPicker(dealID: deal.id, fromToday: false))
        case .email:
            return MailFlow.start(deal.id, fromToday: false, &state)
        case .priority:
            return PriorityFlow.board(deal, &state)
        case .accept:
            return DetailUpdate.change(deal.id, .accept, &state)
        case .reject:
            guard state.pipeline.stage(id: deal.stage)?.kind == .inbox else {
                state.status = StatusMessage(text: Message.notInInbox(dealTitle: deal.title).text(in: state.language), isError: true)
                return []
            }
            state.modal = .prompt(
                Prompt(
                    title: state.text(.promptRejectTitle, ["title": deal.title]), label: state.text(.promptRejectLabel),
                    text: "", error: nil, purpose: .reject(dealID: deal.id)))
        case .assign:
            guard state.actor.role == .manager else {
                state.status = StatusMessage(text: Message.onlyManagersAssign.text(in: state.language), isError: true)
                return []
            }
            let options = state.peopleOptions(everyone: false)
            state.modal = .picker(
                Picker(
                    title: state.text(.pickerAssignTitle, ["title": deal.title]), options: options,
                    selected: options.firstIndex { $0.value == deal.owner } ?? 0, purpose: .assign(dealID: deal.id)))
        default:
            break
        }
        return []
    }

    /// The `f` list's value for "high priority" (not a flag's name).
    static let highPriority = "priority:high"

    static func dragAction(_ action: Action, _ state: inout BoardState) -> [Effect] {
        guard var drag = state.drag else { return [] }
        switch action {
        case .left, .right: drag.target = max(0, min(state.stages.count - 1, drag.target + step(action, state)))
        case .drop, .pickUpOrDrop, .submit:
            state.drag = nil
            state.status = nil
            if drag.target == drag.origin { return [] }
            return MoveFlow.attempt(drag.dealID, to: state.stages[drag.target].id, extras: MoveExtras(), &state)
        case .cancel:
            state.drag = nil
            state.status = StatusMessage(text: state.text(.statusPutBack), isError: false)
            state.clampScroll()
            return []
        default:
            return []
        }
        state.drag = drag
        state.clampScroll()
        return []
    }

    static func noCard(_ state: inout BoardState) -> [Effect] {
        state.status = StatusMessage(text: state.text(.statusNoCard), isError: true)
        return []
    }

    static func notManager(_ state: inout BoardState) -> [Effect] {
        let why = Message.onlyManagersSeeAll.text(in: state.language)
        state.status = StatusMessage(text: state.text(.statusNotManager, ["why": why]), isError: true)
        return []
    }

    /// Which way ← and → (and Shift with them) go through the stages: as the eye sees, so on a
    /// right-to-left board ← goes to the next stage.
    static func step(_ action: Action, _ state: BoardState) -> Int {
        let towardsLeft = action == .left || action == .moveStageLeft
        return towardsLeft == state.rightToLeft ? 1 : -1
    }

    /// New data from disk: replaces the deals, keeps the selection, and tells about a deal on
    /// screen that changed underneath.
    static func reload(pipeline: Pipeline, team: Team, deals: [Deal], _ state: inout BoardState) {
        let before = state.detail.flatMap { state.deals[$0.dealID] }
        let shown = state.funnel.pipelineID
        state.funnel = Funnel(pipeline: pipeline, team: team)
        state.funnel.pipelineID = shown
        state.dealsElsewhere = deals.filter { !state.belongs($0) }
        let deals = deals.filter(state.belongs)
        if let me = team.user(state.actor.account) { state.actor = me }
        state.deals = Dictionary(deals.map { ($0.id, $0) }, uniquingKeysWith: { a, b in a.revision >= b.revision ? a : b })
        noticeOpenDeal(before, &state)
        state.recompute(keeping: nil)
    }

    /// Some deals changed on disk (another process, an editor): only those cards move.
    static func changedElsewhere(changed: [Deal], removed: [String], _ state: inout BoardState) {
        let before = state.detail.flatMap { state.deals[$0.dealID] }
        for deal in changed where state.deals[deal.id] != deal { state.replace(deal) }
        for id in removed { state.remove(id) }
        noticeOpenDeal(before, &state)
    }

    /// Tells when the deal open in the detail pane changed or went away underneath (its content,
    /// not only its revision: a file edited by hand keeps its revision), and drops a carried card
    /// that is gone.
    private static func noticeOpenDeal(_ before: Deal?, _ state: inout BoardState) {
        if let before {
            if let now = state.deals[before.id] {
                if now != before {
                    state.status = StatusMessage(text: state.text(.statusChangedElsewhere, ["title": now.title]), isError: true)
                    if case .prompt(let prompt)? = state.modal, case .edit(before.id, _) = prompt.purpose { state.modal = nil }
                }
            } else {
                state.detail = nil
                state.status = StatusMessage(text: state.text(.statusGone, ["title": before.title]), isError: true)
            }
        }
        if let drag = state.drag, state.deals[drag.dealID] == nil { state.drag = nil }
    }

    static func mousePress(x: Int, y: Int, _ state: inout BoardState) -> [Effect] {
        guard state.modal == nil, state.detail == nil,
            let hit = BoardLayout.hit(
                x: x, y: y, width: state.width, height: state.height, stages: state.stages.count,
                rightToLeft: state.rightToLeft)
        else { return [] }
        let column = state.firstColumn + hit.column
        guard state.stages.indices.contains(column) else { return [] }
        state.column = column
        if let card = hit.card {
            let row = state.scrolls[column] + card
            if let deal = state.deal(column: column, row: row) {
                state.rows[column] = row
                state.mouseDrag = deal.id
            }
        }
        state.clampScroll()
        return []
    }

    static func mouseRelease(x: Int, y: Int, _ state: inout BoardState) -> [Effect] {
        defer { state.mouseDrag = nil }
        guard let dealID = state.mouseDrag, let deal = state.deals[dealID],
            let hit = BoardLayout.hit(
                x: x, y: y, width: state.width, height: state.height, stages: state.stages.count,
                rightToLeft: state.rightToLeft)
        else { return [] }
        let column = state.firstColumn + hit.column
        guard state.stages.indices.contains(column), state.stages[column].id != deal.stage else { return [] }
        return MoveFlow.attempt(dealID, to: state.stages[column].id, extras: MoveExtras(), &state)
    }
}
