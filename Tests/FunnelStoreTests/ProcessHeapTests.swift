import Testing

@testable import FunnelStore

/// The C library's heaps as the board and the benchmark count them (`ProcessHeap`); that the
/// board's threads share one heap is checked by `funnel-bench --smoke` in its own process, since
/// a setting made after a second heap exists changes nothing (this test process has many threads).
@Suite struct ProcessHeapTests {
    @Test func theMainHeapIsCounted() throws {
        let count = try #require(ProcessHeap.arenaCount)
        #expect(count >= 1)
    }
}
