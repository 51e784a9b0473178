import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The data directory's writer lock: `flock` on `.lock`, a file that is never replaced.
/// The kernel drops it when its holder dies, so a killed process never leaves a stale lock.
///
/// Readers never need it (every file is replaced by rename, so a reader sees a whole file); they
/// use it only to read or rebuild the cache, and only when it is free (`ifFree`). A writer waits
/// for it, says after a second who holds it, and gives up after `timeout`.
public struct DataLock {
    public let path: String
    /// How long a writer waits before giving up (`FUNNEL_LOCK_TIMEOUT`, default 30 s).
    public var timeout: TimeInterval = 30
    /// Told once, after a second of waiting, who holds the lock ("pid 42 (funnel capture)").
    public var onWait: (@Sendable (String) -> Void)?
    /// Asked while waiting: true ends the wait at once (the board, when a quit signal arrived).
    public var shouldStop: (@Sendable () -> Bool)?

    /// A directory locked itself (`flock` on the directory), not a `.lock` file in it.
    let isDirectory: Bool

    public init(directory: String) {
        path = directory + "/.lock"
        isDirectory = false
    }

    /// The lock of `directory` itself: no file of its own (`FunnelStore.withCaptureTurn`).
    public init(lockingDirectory directory: String) {
        path = directory
        isDirectory = true
    }

    /// Runs `body` while holding the lock exclusively (writers), waiting up to `timeout`.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        let fd = try openLockFile()
        defer { close(fd) }
        let start = Date()
        var told = false
        var pause: UInt32 = 200
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            guard errno == EWOULDBLOCK else { throw StoreError.errno(path, "locking") }
            let waited = Date().timeIntervalSince(start)
            if shouldStop?() == true {
                throw StoreError.busy(path: path, holder: holder(fd) ?? "another process", seconds: Int(waited.rounded()))
            }
            if waited >= timeout {
                throw StoreError.busy(path: path, holder: holder(fd) ?? "another process", seconds: Int(timeout.rounded()))
            }
            if !told && waited >= 1 {
                told = true
                onWait?(holder(fd) ?? "another process")
            }
            usleep(pause)
            pause = min(pause * 2, 10_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try HeldLocks.holding(path, body)
    }

    /// Runs `body` holding the lock (shared or exclusive) if it can be had at once; nil when
    /// another process holds it. Readers use this for the cache and never wait.
    public func ifFree<T>(shared: Bool, _ body: () throws -> T) rethrows -> T? {
        try whenFree(shared: shared, within: 0, body)
    }

    /// Runs `body` holding the lock if it can be had within `seconds` (at once when this process
    /// already holds it); nil otherwise. A reader that found a writer's work half done (a
    /// reassignment between its two steps) waits this briefly, never longer.
    public func whenFree<T>(shared: Bool, within seconds: TimeInterval, _ body: () throws -> T) rethrows -> T? {
        if HeldLocks.isHeld(path) { return try body() }
        guard let fd = try? openLockFile() else { return nil }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(seconds)
        while flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
            guard errno == EINTR || (errno == EWOULDBLOCK && Date() < deadline && shouldStop?() != true) else { return nil }
            if errno == EWOULDBLOCK { usleep(2_000) }
        }
        defer { flock(fd, LOCK_UN) }
        return try HeldLocks.holding(path, body)
    }

    private func openLockFile() throws -> Int32 {
        if isDirectory {
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { throw StoreError.errno(path, "opening the folder to lock it") }
            return fd
        }
        var fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, AtomicFile.newFileMode)
        // flock needs no write access: a member who may only read the lock file still locks.
        if fd < 0 && (errno == EACCES || errno == EROFS) { fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { throw StoreError.errno(path, "opening the lock file") }
        return fd
    }

    /// Who holds the lock on `fd`'s file: "pid N (funnel capture)". The pid is the kernel's own
    /// (/proc/locks), which no process can forge; the name after it is the holder's command line,
    /// which its owner can set to anything (it is shown sanitised, as a hint).
    func holder(_ fd: Int32) -> String? {
        var info = stat()
        guard fstat(fd, &info) == 0, let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        let dev = UInt64(info.st_dev)
        let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~UInt64(0xfff))
        let minor = (dev & 0xff) | ((dev >> 12) & ~UInt64(0xff))
        let file = String(format: "%02llx:%02llx:%llu", major, minor, UInt64(info.st_ino))
        for line in table.split(separator: "\n") where !line.contains("->") {
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == file, let pid = Int32(fields[4]) else { continue }
            return "pid \(pid)" + (Self.command(of: pid).map { " (\($0))" } ?? "")
        }
        return nil
    }

    /// The first two words of a process's command line ("funnel capture"), or nil.
    static func command(of pid: Int32) -> String? {
        guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !raw.isEmpty else { return nil }
        let words = raw.split(separator: 0, omittingEmptySubsequences: true).prefix(2)
            .map { String(decoding: $0, as: UTF8.self) }
        guard let first = words.first else { return nil }
        return ([(first as NSString).lastPathComponent] + words.dropFirst()).joined(separator: " ")
    }
}

/// The data locks this process holds now, so a nested read under a writer's lock never waits for
/// itself (flock would: a second open file is a second lock).
final class HeldLocks: @unchecked Sendable {
    private static let shared = HeldLocks()
    private let guardLock = NSLock()
    private var paths: [String: Int] = [:]

    static func isHeld(_ path: String) -> Bool {
        shared.guardLock.lock()
        defer { shared.guardLock.unlock() }
        return shared.paths[path, default: 0] > 0
    }

    static func holding<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        shared.change(path, by: 1)
        defer { shared.change(path, by: -1) }
        return try body()
    }

    private func change(_ path: String, by delta: Int) {
        guardLock.lock()
        defer { guardLock.unlock() }
        paths[path, default: 0] += delta
    }
}
