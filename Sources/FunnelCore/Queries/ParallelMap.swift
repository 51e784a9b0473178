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
    // The results made in place: no optional slot per item, no second array to unwrap them into.
    return [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
        let chunks = (items.count + chunk - 1) / chunk
        nonisolated(unsafe) let out = buffer
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let range = (index * chunk)..<min(items.count, (index + 1) * chunk)
            // Each chunk writes only its own slots, each once.
            for i in range { (out.baseAddress! + i).initialize(to: transform(items[i])) }
            let total = finished.withLock { count in
                count += range.count
                return count
            }
            done?(total)
        }
        initialized = items.count
    }
}

/// `transform` applied to every value of `dictionary` on every core, the results in the
/// dictionary's order: a pass over 100,000 deals by id reads them all over memory, and both cores
/// wait on memory at once.
@inlinable public func parallelMapValues<Key: Hashable & Sendable, Value: Sendable, Result: Sendable>(
    _ dictionary: [Key: Value], chunk: Int = 4_096, _ transform: @Sendable (Value) -> Result
) -> [Result] {
    parallelMap(Array(dictionary.indices), chunk: chunk) { transform(dictionary[$0].value) }
}
