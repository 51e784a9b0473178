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

    /// Peak resident memory of this process so far, in MB: `VmHWM` of /proc/self/status, the
    /// peak of this program's own memory. (`ru_maxrss` is kept across `exec`, so a child started
    /// by a vfork — `posix_spawn` — reports its parent's peak when that was higher: the bench's
    /// generator, not the board.) `ru_maxrss` where there is no /proc.
    static func peakMemoryMB() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
        {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
