import Testing

@testable import FunnelCore

/// `grouped(inOrderOf:)` is a stable sort by a key of few values.
@Suite struct GroupedInOrderTests {
    @Test func itIsAStableSortByTheKey() {
        var generator = SeededGenerator(seed: 42)
        for size in [0, 1, 2, 17, 1_000] {
            let items = (0..<size).map { ($0, Int.random(in: 0..<7, using: &generator) << 32 + Int.random(in: 0..<3, using: &generator)) }
            let grouped = items.grouped(inOrderOf: \.1)
            let stable = items.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
            #expect(grouped.map(\.0) == stable.map(\.0), "\(size) items")
        }
    }
}
