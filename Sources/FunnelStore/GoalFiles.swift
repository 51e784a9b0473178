import Foundation
import FunnelCore

extension GoalBook: StoredBody { static var key: String { "goals" } }

/// The monthly goals (`goals.json`, `{"schema": 1, "goals": [...]}`). Read by everyone on the
/// team; changed by managers under the lock, re-read first. Missing until the first goal is set.
extension FunnelStore {
    public var goalsPath: String { root + "/goals.json" }

    /// Every goal; none when there is no `goals.json` yet. A file that cannot be read is an error naming it.
    public func loadGoals() throws -> GoalBook {
        guard isInitialized else { throw StoreError.notInitialized(path: root) }
        guard let data = try AtomicFile.readFile(goalsPath, limit: Self.maximumFileBytes)?.data else { return GoalBook() }
        return try FunnelJSON.decode(StoredFile<GoalBook>.self, from: data, path: goalsPath).body
    }

    /// Re-reads the goals under the lock, lets `change` compute the next ones, and saves them;
    /// nothing is written when `change` refuses.
    public func updateGoals(_ change: (GoalBook) -> Result<GoalBook, Refusal>) throws -> Result<GoalBook, Refusal> {
        try lock.withLock {
            let result = change(try loadGoals())
            if case .success(let next) = result { try writeJSON(StoredFile(body: next), to: goalsPath) }
            return result
        }
    }
}
