import Foundation

/// What the process keeps until it exits instead of freeing it: a board's last state. Freeing
/// 100,000 deals and their cards one by one took a sixth of a second after `q` (three seconds
/// at a million), while the operating system takes a process's memory back at once when it ends.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` alive until the process ends.
    static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
