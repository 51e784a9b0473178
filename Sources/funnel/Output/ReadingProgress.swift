import Foundation
import FunnelCore
import Synchronization

/// The progress line of a command that reads every deal file (the cache missing or stale: after
/// a restore, a copy, a checkout): shown on a terminal once the reading has taken half a second,
/// at most every whole percent, and cleared at the end.
final class ReadingProgress: Sendable {
    /// How long the reading goes before the line shows.
    static let delay: TimeInterval = 0.5
    private let start = Date()
    /// The last percent drawn (-1: none yet).
    private let drawn = Mutex(-1)

    /// Called by the store, from any thread.
    func report(done: Int, total: Int) {
        guard total > 0, Date().timeIntervalSince(start) >= Self.delay || drawn.withLock({ $0 >= 0 }) else { return }
        let percent = done * 100 / total
        // Drawn under the lock, so that lines from two threads never land out of order.
        drawn.withLock { last in
            guard percent > last else { return }
            last = percent
            if done == total { return Console.endProgress() }
            Console.progress(UI.text(.cliReadingDeals, ["done": done.formatted(), "total": total.formatted(), "percent": "\(percent)"]))
        }
    }
}
