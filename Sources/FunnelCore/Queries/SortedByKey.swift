extension Sequence {
    /// The elements in the order of `key`, computed once per element (not once per comparison);
    /// elements with equal keys keep their order.
    public func sorted<Key: Comparable>(byKey key: (Element) -> Key) -> [Element] {
        let items = Array(self)
        let keys = items.map(key)
        return items.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { items[$0] }
    }
}
