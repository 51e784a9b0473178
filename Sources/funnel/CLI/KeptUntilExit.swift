import Foundation

/// Values a command keeps until the process exits: freeing 100,000 deals one by one at the end of
/// `list --all` or `report` took a tenth of their time, and the system frees the whole process at once.
final class KeptUntilExit: @unchecked Sendable {
    static let shared = KeptUntilExit()
    private let lock = NSLock()
    private var kept: [Any] = []

    /// Keeps `value` alive until the process exits.
    func keep(_ value: Any) {
        lock.lock()
        defer { lock.unlock() }
        kept.append(value)
    }
}
