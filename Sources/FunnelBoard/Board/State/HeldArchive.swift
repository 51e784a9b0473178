import Foundation
import FunnelCore

/// The archived deals the board opens without (docs/performance.md, "The archive held back"):
/// closed deals older than the archive's days (`ArchiveRule`) are kept off the columns, so the
/// board need not decode them to draw its first frame — at a million deals over years, most of
/// them. Their heads (`DealHead`) say which column keeps how many off; they are read the first
/// time something needs them (`Effect.readArchive`): `z`, a text filter, the report screen, the
/// stage editor.
public enum HeldArchive {
    /// Which deals a board opening on `today` may hold back unread: archived ones (`archive`),
    /// closed before this month began (a goal in the header counts this month's wins) — nil,
    /// none, when the archive is off or a goal of this month counts activities (an old deal's
    /// call logged today counts).
    public static func test(
        pipelines: PipelineSet, archive: ArchiveRule, goals: [Goal], today: Day, utcOffset: Int
    ) -> (@Sendable (DealHead) -> Bool)? {
        let month = Month(today)
        guard archive.days > 0, !goals.contains(where: { $0.kind == .activities && $0.month == month }) else { return nil }
        let monthBegan = month.firstDay
        // Each pipeline's stages' kinds, by the pipeline a head's field names (`home(ofPipeline:)`).
        let kinds = Dictionary(
            uniqueKeysWithValues: pipelines.entries.map { entry in
                (entry.id, Dictionary(entry.pipeline.stages.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first }))
            })
        let firstID = PipelineSet.firstID
        return { head in
            let kind = (kinds[head.pipeline ?? firstID] ?? kinds[firstID])?[head.stage]
            guard archive.isArchived(head, kind: kind, today: today, utcOffset: utcOffset) else { return false }
            return Day(head.stageEntered, utcOffset: utcOffset) < monthBegan
        }
    }

    /// Per column of `stages`, how many of `heads` are in it and in `scope`.
    static func counts(_ heads: [DealHead], stages: [Stage], scope: Scope, actor: User) -> [Int] {
        var counts = Array(repeating: 0, count: stages.count)
        guard !heads.isEmpty else { return counts }
        let position = Dictionary(stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for head in heads where Visibility.includes(owner: head.owner, scope: scope, actor: actor) {
            if let c = position[head.stage] { counts[c] += 1 }
        }
        return counts
    }
}

extension BoardState {
    /// Whether some archived deals were not read (`HeldArchive`).
    public var holdsArchive: Bool { !held.isEmpty }

    /// The heads of this pipeline's deals held back, from every pipeline's in `heads`.
    mutating func hold(_ heads: [DealHead]) {
        guard let pipelines, pipelines.entries.count > 1 else {
            held = heads
            return
        }
        held = heads.filter { pipelines.home(ofPipeline: $0.pipeline) == funnel.pipelineID }
    }

    /// The held deals `ids` are held no longer: another process changed or removed them, and
    /// they come (or go) as any deal read again.
    mutating func release(_ ids: Set<String>) {
        guard !held.isEmpty, !ids.isEmpty else { return }
        let before = held.count
        held.removeAll { ids.contains($0.id) }
        if held.count != before { countHeld() }
    }

    /// The held deals, read (`Action.archiveRead`): on the board beside those it holds, whose
    /// versions stay (kept up to date since the opening, as a held deal changed elsewhere was
    /// read then); nothing is held any longer.
    mutating func takeArchive(_ archived: [Deal]) {
        let focusID = selectedDeal?.id
        deals.reserveCapacity(deals.count + archived.count)
        for deal in archived where deals[deal.id] == nil && belongs(deal) { deals[deal.id] = deal }
        held = []
        rebuildColumns(keeping: focusID)
    }

    /// Counts the held deals in each column, in scope (`heldCounts`).
    mutating func countHeld() {
        heldCounts = HeldArchive.counts(held, stages: stages, scope: scope, actor: actor)
    }

    /// Whether `action` on the board needs the archived deals held back: `Effect.readArchive`
    /// reads them first.
    func needsArchive(_ action: Action) -> Bool {
        // A card held down with the mouse (`pressing`) takes the board's keys too.
        guard holdsArchive, keyContext == .board else { return false }
        switch action {
        case .toggleArchived, .startFilter, .report, .stageEditor: return true
        default: return false
        }
    }

    /// Per column, the archived cards kept off it: those on the board and those held back.
    public func archivedCount(_ column: Int) -> Int {
        (column < index.archived.count ? index.archived[column] : 0) + (column < heldCounts.count ? heldCounts[column] : 0)
    }
}
