import Foundation
import FunnelCore

/// Finding and changing one deal for the acting user (R15). A deal the actor may not see
/// behaves exactly like a deal that does not exist: an id or prefix resolves only among the
/// deals they may see, and every miss gets the same message and exit code (5), so a rep learns
/// nothing — not a title, an owner or even that the id is taken — about another rep's deals.
extension Session {
    /// The deal id a person typed (or a unique prefix), resolved among the deals `actor` may see.
    /// Only the files named like it are looked at: a whole id costs a few `lstat`s.
    /// For a command that changes the deal next (`change`, which looks again under the lock and
    /// reports a deal gone or hidden the same way): a manager's whole id named by the cache's id
    /// index as it stands (`unconfirmedDealFile`) is taken without the checked look.
    func resolveDeal(_ typed: String, actor: User) throws -> String {
        let id = typed.lowercased()
        if actor.role == .manager, typed.count == DealID.length, DealID.isWellFormed(typed),
            store.unconfirmedDealFile(id: id) != nil
        {
            return id
        }
        return try resolveDealFiles(typed, actor: actor).id
    }

    /// `resolveDeal`, with the files a whole id was found in (read next without looking again;
    /// none for a prefix).
    func resolveDealFiles(_ typed: String, actor: User) throws -> (id: String, files: [String]) {
        guard DealID.isWellFormed(typed) else { throw Self.unknownDeal(typed) }
        let candidates = try data { try store.dealFiles(matching: typed) }
        let ids = actor.role == .manager ? Array(candidates.keys) : try visibleIDs(candidates, actor: actor)
        switch DealID.resolve(typed, among: ids) {
        // Only a whole id's files were found the way every read looks (`locate`: no link, a
        // seller's folder); a prefix's come from listing the folders, so its deal is looked for again.
        case .found(let id): return (id, typed.count >= DealID.length ? candidates[id] ?? [] : [])
        case .notFound: throw Self.unknownDeal(typed)
        case .ambiguous(let matches):
            throw CommandFailure.notFound(UI.text(.cliDealAmbiguous, ["id": typed, "matches": matches.joined(separator: ", ")]))
        }
    }

    /// Of the candidate ids (with their files), those whose deals `actor` may see. Only those
    /// candidates are read, so a broken file elsewhere does not stop the command; one that cannot
    /// be read counts as unseen unless it lies in the inbox or the actor's own folder (then the
    /// error is theirs to see).
    func visibleIDs(_ candidates: [String: [String]], actor: User) throws -> [String] {
        let own = [store.root + "/inbox/", store.root + "/deals/\(actor.account)/"]
        return try candidates.filter { id, paths in
            do {
                return try data { try store.loadDeal(id: id, found: paths) }.map { Visibility.canSee($0, actor: actor) } ?? false
            } catch {
                if paths.contains(where: { path in own.contains { path.hasPrefix($0) } }) { throw error }
                return false
            }
        }.map(\.key)
    }

    /// Loads a deal the actor may see.
    func visibleDeal(_ typed: String, actor: User) throws -> Deal {
        let (id, files) = try resolveDealFiles(typed, actor: actor)
        guard let deal = try data({ try store.loadDeal(id: id, found: files) }), Visibility.canSee(deal, actor: actor) else {
            throw Self.unknownDeal(typed)
        }
        return deal
    }

    /// The board's funnel, the acting user and the deal `typed` names among those they may see:
    /// how a command about one deal begins.
    func visibleDealWithFunnel(_ typed: String) throws -> (funnel: Funnel, actor: User, deal: Deal) {
        let funnel = try self.funnel()
        let actor = try actor(in: funnel)
        return (funnel, actor, try visibleDeal(typed, actor: actor))
    }

    /// The one message for a deal that is not there, or not there for this actor.
    static func unknownDeal(_ typed: String) -> CommandFailure {
        CommandFailure.notFound(UI.text(.cliDealNotFound, ["id": typed]))
    }

    /// Applies a change to a deal under the store's lock, re-reading it first, and returns the saved deal.
    func change(_ dealID: String, by actor: User, funnel: Funnel, _ change: DealChange, intoPipeline: Bool = false) throws -> Deal {
        try self.change(dealID, by: actor, funnel: funnel, [change], intoPipeline: intoPipeline)
    }

    /// Applies several changes in one read-modify-write: all pass their rules and are saved
    /// together, or nothing is saved. A deal the actor may not see (say, reassigned since it was
    /// resolved) is reported as unknown; only a captured lead is attached to anyone's deal (R4).
    /// The changes apply in the deal's own pipeline; with `intoPipeline`, in `funnel`'s (a move
    /// there takes the deal into it: `move --pipeline`).
    func change(_ dealID: String, by actor: User, funnel: Funnel, _ changes: [DealChange], intoPipeline: Bool = false) throws -> Deal {
        let pipelines = try self.pipelines()
        let onlyAttaches = changes.allSatisfy { if case .attachLead = $0 { return true } else { return false } }
        var hidden = false
        let result = try data {
            try store.update(id: dealID) { current in
                guard onlyAttaches || Visibility.canSee(current, actor: actor) else {
                    hidden = true
                    return .failure(Refusal(.onlyManagersSeeAll))
                }
                let funnel = intoPipeline ? funnel : funnel.on(pipelines.entry(for: current))
                return funnel.apply(changes, to: current, by: actor, now: now, utcOffset: utcOffset)
            }
        }
        if hidden { throw Self.unknownDeal(dealID) }
        switch result {
        case .saved(let deal): return deal
        case .refused(let refusal): throw CommandFailure.refused(refusal.message.localized)
        case .notFound: throw Self.unknownDeal(dealID)
        }
    }
}
