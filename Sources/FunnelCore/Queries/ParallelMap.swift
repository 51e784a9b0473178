import Dispatch
import Synchronization

/// `transform` applied to every item on every core, the results in the items' order; `done` is
/// told how many items are finished after each chunk (from any thread). Reading 100,000 deal
/// files to rebuild the cache is JSON decoding: it takes as many cores as there are; so are
/// `list --all`'s 100,000 rows. Inlinable: a caller in another module gets it specialised.
@inlinable public func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], chunk: Int = 256, done: (@Sendable (Int) -> Void)? = nil, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    guard items.count > chunk else {
        let results = items.map(transform)
        done?(items.count)
        return results
    }
    let finished = Mutex(0)
    var slots = [Result?](repeating: nil, count: items.count)
    slots.withUnsafeMutableBufferPointer { buffer in
        let chunks = (items.count + chunk - 1) / chunk
        nonisolated(unsafe) let out = buffer
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let range = (index * chunk)..<min(items.count, (index + 1) * chunk)
            // Each chunk writes only its own slots.
            for i in range { out[i] = transform(items[i]) }
            let total = finished.withLock { count in
                count += range.count
                return count
            }
            done?(total)
        }
    }
    return slots.map { $0! }
}
