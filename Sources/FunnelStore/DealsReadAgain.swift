import FunnelCore

extension FunnelStore {
    /// The deals `ids` read again from their files (another process changed them), each on its
    /// own: one that is gone is `removed`; one that cannot be read is left out and the first such
    /// error given, so it never holds back the others.
    public func readAgain(_ ids: [String]) -> (changed: [Deal], removed: [String], failure: (any Error)?) {
        var changed: [Deal] = []
        var removed: [String] = []
        var failure: (any Error)?
        for id in ids {
            do {
                if let deal = try loadDeal(id: id) { changed.append(deal) } else { removed.append(id) }
            } catch {
                failure = failure ?? error
            }
        }
        return (changed, removed, failure)
    }
}
