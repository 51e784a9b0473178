import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Work done on a thread of its own while the board's loop goes on answering keys: its answer
/// once there, and a descriptor that becomes readable then (the loop waits on it beside the
/// terminal, `Terminal.next(timeout:watching:)`).
final class OffLoop<Value: Sendable>: Sendable {
    private let answer = Mutex<Value?>(nil)
    /// The pipe's read end (`descriptor`) and write end (one byte when the answer is there).
    private let ends: (read: Int32, write: Int32)

    /// Starts `work`; nil when no pipe could be made (the caller does the work itself).
    init?(_ work: @escaping @Sendable () -> Value) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        ends = (fds[0], fds[1])
        // Not left open in a mailer or editor the board starts.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        Thread.detachNewThread { [self] in
            let value = work()
            answer.withLock { $0 = value }
            var byte: UInt8 = 1
            _ = write(ends.write, &byte, 1)
        }
    }

    deinit {
        close(ends.read)
        close(ends.write)
    }

    /// Readable once the answer is there.
    var descriptor: Int32 { ends.read }

    /// Whether the answer is there.
    var isDone: Bool { answer.withLock { $0 != nil } }

    /// The answer, waited for; nil as soon as `stop` says so, asked again whenever `wakeUp` (the
    /// descriptor a quit signal's handler writes to) becomes readable.
    func wait(wakingOn wakeUp: Int32? = nil, stop: () -> Bool = { false }) -> Value? {
        while true {
            if let value = answer.withLock({ $0 }) { return value }
            if stop() { return nil }
            var fds = [pollfd(fd: ends.read, events: Int16(POLLIN), revents: 0)]
            if let wakeUp { fds.append(pollfd(fd: wakeUp, events: Int16(POLLIN), revents: 0)) }
            _ = poll(&fds, nfds_t(fds.count), -1)
        }
    }
}
