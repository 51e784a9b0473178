import CFunnelHeap

/// The C library's heaps in this process. glibc gives each thread that allocates at once with
/// another a heap (arena) of its own, and memory freed in one is not reused by the others: the
/// board, whose deals are decoded on worker threads and a thread of its own and then freed and
/// made again on its loop all day, kept 8–14 MB more at 100,000 deals than it held (156–162 MB
/// against 147–148 after `z s s`, docs/performance.md). Threads share the one heap once
/// `useOneArena` was called, before any was started.
public enum ProcessHeap {
    /// Every thread allocates from the main heap from now on; false when the C library refused.
    /// Only the first heaps count: call it before a thread is started.
    @discardableResult
    public static func useOneArena() -> Bool { funnel_heap_use_one_arena() == 1 }

    /// How many heaps the allocator has made, or nil when it cannot say.
    public static var arenaCount: Int? {
        let count = funnel_heap_arena_count()
        return count < 0 ? nil : Int(count)
    }
}
