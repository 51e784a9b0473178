extension Sequence {
    /// The elements in the order of `key`, elements with equal keys in their order (a stable
    /// sort), for keys that take few values (a stage's place, a pipeline's): the elements are
    /// dealt into one bucket per key and the buckets joined in the keys' order, so no two
    /// elements are ever compared.
    /// Inlinable, so a caller in another module gets it specialised for its element type.
    @inlinable public func grouped<Key: Comparable & Hashable>(inOrderOf key: (Element) -> Key) -> [Element] {
        var buckets: [Key: [Element]] = [:]
        var count = 0
        for item in self {
            buckets[key(item), default: []].append(item)
            count += 1
        }
        var out: [Element] = []
        out.reserveCapacity(count)
        for bucketKey in buckets.keys.sorted() { out += buckets[bucketKey] ?? [] }
        return out
    }
}
