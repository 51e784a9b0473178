import Foundation
import FunnelCore

/// Keeping the board's columns (`CardIndex`), selection and scroll in step with the deals, the
/// query and the size.
extension BoardState {
    /// Rebuilds the columns from the deals and the query (a full sort), keeping `kept` (a deal
    /// id) selected if shown. For a scope, sort or data reload; one deal's change uses `replace`.
    public mutating func recompute(keeping kept: String?) {
        let focusID = kept ?? selectedDeal?.id
        // On the pipeline's own stages, in one pass over the deals; the stages deals are in that
        // it lacks are looked for only when a deal is in one, or was.
        if missingStages.isEmpty { index = columns(on: stages) }
        if !missingStages.isEmpty || index.strays {
            missingStages = pipeline.missingStages(of: deals)
            index = columns(on: stages)
        }
        countHeld()
        refreshHeaderGoal()
        refilter(keeping: focusID)
    }

    /// The deals' columns on `stages`, in the board's scope and order.
    private func columns(on stages: [Stage]) -> CardIndex {
        CardIndex(
            deals: deals, stages: stages, scope: scope, sort: sort, actor: actor, utcOffset: utcOffset,
            currency: pipeline.defaultCurrency, isArchived: archiveTest)
    }

    /// Whether a text filter can search every card now, or their search texts are still to be
    /// made (`prepareSearch`).
    public var searchReady: Bool { index.searchReady }

    /// Makes the cards' search texts (`CardIndex.prepareSearch`): the app does it after a frame,
    /// so the first frame comes sooner and a filter's first key finds them made.
    public mutating func prepareSearch() { index.prepareSearch() }

    /// The same cards in the order `sort` now says, without building the columns again (`s`).
    public mutating func resort() {
        let focusID = selectedDeal?.id
        index.resort(sort, flagged: flagTest)
        settle(focus: focusID)
    }

    /// Applies the text and flag filters again (narrowing while the text grows).
    public mutating func refilter(keeping kept: String? = nil) {
        let focusID = kept ?? selectedDeal?.id
        index.refilter(
            filter, flag: CardNarrowing.of(flag: flagFilter, priority: priorityFilter), showArchived: showArchived, flagged: flagTest)
        settle(focus: focusID)
    }

    /// Puts one deal's new version on the board (or takes it off), keeping `kept` selected.
    public mutating func replace(_ deal: Deal, focus kept: String? = nil) {
        // A deal moved to another pipeline (elsewhere) leaves this board.
        guard belongs(deal) else {
            // Its part of the goals stays counted with the other pipelines' deals, and a change to
            // one of those (another process's, read live) counts at once.
            if let known = dealsElsewhere.firstIndex(where: { $0.id == deal.id }) {
                dealsElsewhere[known] = deal
            } else {
                dealsElsewhere.append(deal)
            }
            return remove(deal.id)
        }
        let focusID = kept ?? selectedDeal?.id
        let old = deals[deal.id]
        deals[deal.id] = deal
        adjustHeaderGoal(old: old, new: deal)
        if !stages.contains(where: { $0.id == deal.stage }) { return recompute(keeping: focusID) }
        guard
            index.replace(
                old: old, new: deal, stages: stages, scope: scope, sort: sort, actor: actor, utcOffset: utcOffset,
                currency: pipeline.defaultCurrency, flagged: flagTest, isArchived: archiveTest)
        else { return recompute(keeping: focusID) }
        settle(focus: focusID)
    }

    /// Takes a deal off the board and out of the other pipelines' deals (its file is gone, or
    /// it is no longer the user's to see), keeping the selection where it was.
    public mutating func forget(_ id: String) {
        remove(id)
        if let elsewhere = dealsElsewhere.firstIndex(where: { $0.id == id }) { dealsElsewhere.remove(at: elsewhere) }
    }

    /// Takes a deal off the board (its file is gone), keeping the selection where it was.
    public mutating func remove(_ id: String) {
        guard let old = deals[id] else { return }
        let focusID = selectedDeal?.id
        deals[id] = nil
        adjustHeaderGoal(old: old, new: nil)
        // Taking a card off never needs a title rank, so it always succeeds.
        _ = index.replace(
            old: old, new: nil, stages: stages, scope: scope, sort: sort, actor: actor, utcOffset: utcOffset,
            currency: pipeline.defaultCurrency, flagged: flagTest, isArchived: archiveTest)
        settle(focus: focusID == id ? nil : focusID)
    }

    /// Whether a deal in a stage is archived today (`ArchiveRule`); captures values, not `self`.
    var archiveTest: @Sendable (Deal, Stage) -> Bool {
        let rule = archive, utcOffset = self.utcOffset
        let today = Day(now, utcOffset: utcOffset)
        return { deal, stage in rule.isArchived(deal, stage: stage, today: today, utcOffset: utcOffset) }
    }

    /// Whether a deal (by id) has the flag the board filters on; captures values, not `self`,
    /// so the index can be changed in place while it runs.
    var flagTest: (String) -> Bool {
        let deals = self.deals, pipeline = self.pipeline, now = self.now, utcOffset = self.utcOffset
        let flag = flagFilter, priority = priorityFilter
        guard flag != nil || priority != nil else { return { _ in true } }
        return { id in
            guard let deal = deals[id] else { return false }
            if let priority, deal.priority != priority { return false }
            guard let flag else { return true }
            return DealFlags.of(deal, pipeline: pipeline, now: now, utcOffset: utcOffset).contains(flag)
        }
    }

    /// Keeps the selection on `kept` when it is shown, and every row and scroll in range.
    private mutating func settle(focus kept: String?) {
        let count = stages.count
        if rows.count != count { rows = Array(repeating: 0, count: count) }
        if scrolls.count != count { scrolls = Array(repeating: 0, count: count) }
        column = min(max(0, column), max(0, count - 1))
        if let kept, let deal = deals[kept], let (c, r) = index.shownPlace(of: deal, stages: stages, sort: sort, utcOffset: utcOffset) {
            column = c
            rows[c] = r
        }
        for c in 0..<count { rows[c] = min(max(0, rows[c]), max(0, self.count(c) - 1)) }
        clampScroll()
    }

    /// Cards that fit in a column at the current size.
    public var visibleCards: Int { BoardLayout.visibleCards(height: height) }

    /// Keeps each column's selection inside its scrolled window, and the selected column on screen.
    public mutating func clampScroll() {
        let shown = BoardLayout.visibleColumns(width: width, stages: stages.count)
        let shownColumn = drag?.target ?? column
        if shownColumn < firstColumn { firstColumn = shownColumn }
        if shownColumn >= firstColumn + shown { firstColumn = shownColumn - shown + 1 }
        firstColumn = max(0, min(firstColumn, stages.count - shown))
        let visible = max(1, visibleCards)
        for c in 0..<min(rows.count, scrolls.count) {
            if rows[c] < scrolls[c] { scrolls[c] = rows[c] }
            if rows[c] >= scrolls[c] + visible { scrolls[c] = rows[c] - visible + 1 }
            scrolls[c] = max(0, min(scrolls[c], max(0, count(c) - visible)))
        }
    }
}
