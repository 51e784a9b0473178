import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What one run of a program did.
public struct RunResult: CustomStringConvertible, Sendable {
    public let arguments: [String]
    /// The exit status, or the signal number when `signaled`.
    public let status: Int32
    public let signaled: Bool
    public let stdout: String
    public let stderr: String
    /// stdout as the bytes written (for output that is not UTF-8).
    public let stdoutData: Data

    public var description: String {
        "funnel \(arguments.joined(separator: " ")) → \(signaled ? "signal" : "exit") \(status)\n"
            + "stdout: \(stdout.prefix(2_000))\nstderr: \(stderr.prefix(2_000))"
    }

    /// stdout without its final newline.
    public var output: String { stdout.hasSuffix("\n") ? String(stdout.dropLast()) : stdout }

    public var ok: Bool { !signaled && status == 0 }
}

/// Exit codes from docs/cli.md.
public enum Exit {
    public static let ok: Int32 = 0
    public static let usage: Int32 = 2
    public static let refused: Int32 = 3
    public static let data: Int32 = 4
    public static let notFound: Int32 = 5
}

/// A program's end: its exit status, or the signal that ended it.
public struct Ending: Equatable, Sendable {
    public let status: Int32
    public let signaled: Bool

    /// As `sh` reports it in `$?`: a death by signal N reads as 128+N.
    public var shellStatus: Int32 { signaled ? 128 + status : status }
}

/// The one way tests run programs: `posix_spawn`, the child's descriptors only stdin
/// (/dev/null), stdout and stderr (files, never pipes that can fill up), signals at their
/// defaults, and `waitpid` for its end.
///
/// Not Foundation's `Process`: on Linux it learns of a child's exit through a descriptor the
/// child inherits, so a child that leaves a daemon behind (the tmux server), or whose descriptors
/// leaked into another test's long-lived child, would be waited for until that process ends.
public enum Spawn {
    /// Starts `executable ARGUMENTS` with exactly `environment`; stdin read from the file `stdin`,
    /// stdout and stderr written to the files given (created or emptied, mode 0600); /dev/null
    /// for each not given. Returns the child's pid.
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: String? = nil,
        stdout: String? = nil, stderr: String? = nil, workingDirectory: String? = nil
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        for (fd, path) in [(Int32(1), stdout), (Int32(2), stderr)] {
            posix_spawn_file_actions_addopen(&actions, fd, path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        if let workingDirectory {
            guard let addChdir else { throw SpawnFailure(description: "no posix_spawn_file_actions_addchdir_np") }
            _ = addChdir(&actions, workingDirectory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        var spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // A binary just copied (`FunnelBinary.copy`) is busy while a process another test thread
        // started at that moment still holds the copy's descriptor, until that process's exec.
        for _ in 0..<100 where spawned == ETXTBSY {
            usleep(20_000)
            spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        guard spawned == 0 else {
            throw SpawnFailure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29), looked up at run time: Swift does
    /// not import it without _GNU_SOURCE.
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// Waits for a child started by `start` and reaps it.
    public static func wait(_ pid: pid_t) -> Ending {
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1 {
            guard errno == EINTR else { return Ending(status: -1, signaled: false) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG do not import.
        let signal = raw & 0x7f
        return signal == 0 ? Ending(status: (raw >> 8) & 0xff, signaled: false) : Ending(status: signal, signaled: true)
    }

    /// The descriptors open in this process.
    static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        if names.isEmpty { return Array(3..<256).filter { fcntl($0, F_GETFD) != -1 } }
        return names.compactMap { Int32($0) }
    }

    /// Single-quotes a word for `sh`.
    public static func shellQuote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A program that could not be started.
public struct SpawnFailure: Error, CustomStringConvertible {
    public let description: String
}

/// Runs a program to its end with exactly the environment given, stdin `input` (/dev/null when
/// nil), stdout and stderr captured through files in a folder of its own (under `scratch` when
/// given), and a time limit: a program still running then is killed and the test records an issue.
public func runProgram(
    _ executable: String, _ arguments: [String], environment: [String: String], scratch: String? = nil,
    timeLimit: TimeInterval = 30, workingDirectory: String? = nil, input: Data? = nil
) throws -> RunResult {
    let folder = (scratch ?? FileManager.default.temporaryDirectory.path) + "/.run-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let inPath = folder + "/in", outPath = folder + "/out", errPath = folder + "/err"
    if let input { try input.write(to: URL(fileURLWithPath: inPath)) }
    let pid = try Spawn.start(
        executable, arguments, environment: environment, stdin: input == nil ? nil : inPath, stdout: outPath,
        stderr: errPath, workingDirectory: workingDirectory)
    let exit = ChildExit()
    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) {
        if exit.claimForWatchdog() { kill(pid, SIGKILL) }
    }
    let ending = Spawn.wait(pid)
    let killedByWatchdog = !exit.claimForWaiter()
    let out = FileManager.default.contents(atPath: outPath) ?? Data()
    let result = RunResult(
        arguments: arguments, status: ending.status, signaled: ending.signaled,
        stdout: String(decoding: out, as: UTF8.self),
        stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self), stdoutData: out)
    if killedByWatchdog { Issue.record("\(executable) \(arguments) ran longer than \(timeLimit)s and was killed") }
    return result
}

/// Lets either the watchdog or the waiter claim the child, never both, so a reaped pid is never killed.
final class ChildExit: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false
    /// The watchdog's claim: true when the child is still being waited for.
    func claimForWatchdog() -> Bool { claim() }
    /// The waiter's claim: false when the watchdog fired first.
    func claimForWaiter() -> Bool { claim() }

    private func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}
