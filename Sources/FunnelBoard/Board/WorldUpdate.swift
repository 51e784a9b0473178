import Foundation
import FunnelCore

/// News from the world, handled whatever has the focus: a resize, the clock, a reload, another
/// process's change, the outcome of a save, a mail, a quote or a sync, and the mouse.
enum WorldUpdate {
    /// The news' effects, or nil when `action` is a key's (for the focus's update).
    static func apply(_ action: Action, _ state: inout BoardState) -> [Effect]? {
        switch action {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            state.clampScroll()
            return []
        case .tick(let now):
            let month = Month(state.today)
            state.now = now
            // A new month whose goal counts activities counts calls logged on old deals too.
            let newMonth = Month(state.today)
            let readArchive = newMonth != month && state.holdsArchive && state.goals.contains { $0.kind == .activities && $0.month == newMonth }
            return SyncFlow.tick(&state) + (readArchive ? [.readArchive(then: nil)] : [])
        case .syncFinished(let outcome): return SyncFlow.finished(outcome, &state)
        case .syncNow: return SyncFlow.request(&state)
        case .reloaded(let pipeline, let team, let deals):
            reload(pipeline: pipeline, team: team, deals: deals, &state)
            return []
        case .changedElsewhere(let changed, let removed):
            changedElsewhere(changed: changed, removed: removed, &state)
            return []
        case .archiveRead(let deals, let warning):
            state.takeArchive(deals)
            if let warning { state.status = StatusMessage(text: warning, isError: true) }
            return []
        case .deferredRead(let deals):
            state.takeDeferred(deals)
            return []
        case .saved(let deal):
            state.replace(deal)
            return []
        case .mousePress(let x, let y): return CarryUpdate.mousePress(x: x, y: y, &state)
        case .mouseRelease(let x, let y): return CarryUpdate.mouseRelease(x: x, y: y, &state)
        default: return outcome(action, &state)
        }
    }

    /// What became of a write, and the data directory read again.
    private static func written(_ action: Action, _ state: inout BoardState) -> [Effect]? {
        switch action {
        case .saveFailed(let dealID, let failure): return WriteFlow.saveFailed(dealID, failure, &state)
        case .removeFailed(_, let failure): return WriteFlow.removeFailed(failure, &state)
        case .pipelineEdited(let failure): return WriteFlow.pipelineEdited(failure, &state)
        case .pipelineSaved:
            state.status = StatusMessage(text: state.text(.statusStagesSaved), isError: false)
            return []
        case .problem(let text):
            state.status = StatusMessage(text: text, isError: true)
            return []
        case .dataRead(let data): return WriteFlow.dataRead(data, &state)
        case .pipelineRead(let id, let data): return WriteFlow.pipelineRead(id, data, &state)
        case .readFailed(let why): return WriteFlow.readFailed(why, &state)
        default: return nil
        }
    }

    /// What a mail or a quote the driver prepared came to.
    private static func outcome(_ action: Action, _ state: inout BoardState) -> [Effect]? {
        switch action {
        case .mailTemplates(let job, let names): return MailFlow.templates(job, names, &state)
        case .mailDraft(let job, let draft, let filled): return MailFlow.draft(job, draft, filled: filled, &state)
        case .mailSent(let job, let subject): return MailFlow.sent(job, subject: subject, &state)
        case .mailFailed(let job, let reason): return MailFlow.failed(job, reason, &state)
        case .products(let dealID, let products): return QuoteFlow.products(dealID, products, &state)
        case .quoteIssued(let deal, let number, let pdf): return QuoteFlow.issued(deal, number: number, pdf: pdf, &state)
        case .quoteFailed(let reason): return QuoteFlow.failed(reason, &state)
        default: return written(action, &state)
        }
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
        state.deals = BoardData.byID(deals)
        noticeOpenDeal(before, &state)
        state.recompute(keeping: nil)
    }

    /// Some deals changed on disk (another process, an editor): only those cards move. A deal the
    /// user may no longer see (a rep's deal given to a teammate) leaves the board, as it would
    /// on the next opening, where a rep's board reads only their own deals and the inbox's.
    static func changedElsewhere(changed: [Deal], removed: [String], _ state: inout BoardState) {
        let before = state.detail.flatMap { state.deals[$0.dealID] }
        // A held deal changed or removed elsewhere is held no longer: it comes, or goes, as read.
        state.release(Set(changed.map(\.id) + removed))
        for deal in changed where state.deals[deal.id] != deal {
            if Visibility.canSee(deal, actor: state.actor) { state.replace(deal) } else { state.forget(deal.id) }
        }
        for id in removed { state.forget(id) }
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
                    if case .prompt(let prompt)? = state.modal, case .edit(before.id, _) = prompt.purpose { state.closeModal() }
                }
            } else {
                state.closeDetail()
                state.status = StatusMessage(text: state.text(.statusGone, ["title": before.title]), isError: true)
            }
        }
        if let drag = state.drag, state.deals[drag.dealID] == nil { state.focus = .board }
    }
}
