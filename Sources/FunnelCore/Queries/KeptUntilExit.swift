import Foundation

/// Values the process keeps until it exits instead of freeing them: the deals of `list --all` or
/// `report`, a table's cells, a board's last state. Freeing 100,000 deals one by one took a tenth
/// of those commands and a sixth of a second after the board's `q` (three seconds at a million),
/// while the operating system takes a process's memory back at once when it ends.
public enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` alive until the process ends.
    public static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
