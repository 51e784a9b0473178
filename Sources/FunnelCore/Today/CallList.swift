import Foundation

/// Today's call list (R9), in the order the sources prescribe.
public enum CallList {
    /// Why a deal is on the list; the groups come in this order.
    public enum Group: String, CaseIterable, Sendable {
        /// New leads nobody has spoken to yet, oldest first.
        case newLeads = "new-lead"
        /// Next action due today or overdue, largest value first.
        case due
        /// The last attempt, yesterday, went unanswered.
        case noAnswerYesterday = "no-answer-yesterday"

        public var title: String { title(in: .en) }
    }

    public struct Entry: Hashable, Sendable {
        public var deal: Deal
        public var group: Group
    }

    /// The call list of `deals` (already limited to what the user sees), each deal once,
    /// in its first group. Closed deals are never on it.
    public static func compute(_ deals: [Deal], pipeline: Pipeline, now: Date, utcOffset: Int) -> [Entry] {
        let today = Day(now, utcOffset: utcOffset)
        let yesterday = today.adding(days: -1)
        let open = deals.filter { pipeline.stage(id: $0.stage).map { !$0.kind.isClosed } ?? false }
        var seen = Set<String>()
        var entries: [Entry] = []

        let newLeads = open.filter { DealFlags.isNewLead($0, pipeline: pipeline) }
            .sorted { $0.created != $1.created ? $0.created < $1.created : CardOrder.title.precedes($0, $1, utcOffset: utcOffset) }
        for deal in newLeads where seen.insert(deal.id).inserted { entries.append(Entry(deal: deal, group: .newLeads)) }

        let due = open.filter { deal in deal.nextAction.map { $0.date <= today } ?? false }
            .sorted { a, b in
                let va = a.value ?? -1, vb = b.value ?? -1
                if va != vb { return va > vb }
                let da = a.nextAction!.date, db = b.nextAction!.date
                if da != db { return da < db }
                return CardOrder.title.precedes(a, b, utcOffset: utcOffset)
            }
        for deal in due where seen.insert(deal.id).inserted { entries.append(Entry(deal: deal, group: .due)) }

        let unanswered = open.filter { deal in
            guard let call = Attempts.lastCall(deal) else { return false }
            return call.outcome?.isUnanswered == true && Day(call.at, utcOffset: utcOffset) == yesterday
        }
        .sorted { Attempts.lastCall($0)!.at < Attempts.lastCall($1)!.at }
        for deal in unanswered where seen.insert(deal.id).inserted {
            entries.append(Entry(deal: deal, group: .noAnswerYesterday))
        }
        return entries
    }
}
