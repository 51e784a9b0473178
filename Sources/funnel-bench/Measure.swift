import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing and summary statistics for the benchmark.
enum Measure {
    /// Seconds taken by `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        try body()
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    /// Median and 99th percentile (nearest rank) of samples, in milliseconds.
    static func summary(_ seconds: [Double]) -> (median: Double, p99: Double) {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return (0, 0) }
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let rank = min(sorted.count, max(1, Int((0.99 * Double(sorted.count)).rounded(.up))))
        return (median * 1000, sorted[rank - 1] * 1000)
    }

    /// Peak resident memory of this process so far, in MB.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
