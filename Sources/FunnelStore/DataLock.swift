import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The data directory's writer lock: `flock` on `.lock`, a file that is never replaced.
/// The kernel drops it when its holder dies, so a killed process never leaves a stale lock.
public struct DataLock {
    public let path: String

    public init(directory: String) { path = directory + "/.lock" }

    /// Runs `body` while holding the lock exclusively (writers).
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        try withLock(shared: false, body)
    }

    /// Runs `body` while holding the lock, shared (readers of the cache) or exclusive (writers).
    public func withLock<T>(shared: Bool, _ body: () throws -> T) throws -> T {
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, AtomicFile.newFileMode)
        // flock needs no write access: a member who may only read the lock file still locks.
        if fd < 0 && (errno == EACCES || errno == EROFS) { fd = open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw StoreError.errno(path, "opening the lock file") }
        defer { close(fd) }
        while flock(fd, shared ? LOCK_SH : LOCK_EX) != 0 {
            if errno != EINTR { throw StoreError.errno(path, "locking") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
