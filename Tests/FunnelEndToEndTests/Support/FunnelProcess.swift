import Foundation
// The binary under test is decided in one place for every test target.
@_exported import FunnelTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What one run of a program did.
struct RunResult: CustomStringConvertible {
    let arguments: [String]
    /// The exit status, or the signal number when `signaled`.
    let status: Int32
    let signaled: Bool
    let stdout: String
    let stderr: String

    var description: String {
        "funnel \(arguments.joined(separator: " ")) → \(signaled ? "signal" : "exit") \(status)\n"
            + "stdout: \(stdout.prefix(2_000))\nstderr: \(stderr.prefix(2_000))"
    }

    /// stdout without its final newline.
    var output: String { stdout.hasSuffix("\n") ? String(stdout.dropLast()) : stdout }

    var ok: Bool { !signaled && status == 0 }
}

/// Exit codes from docs/cli.md.
enum Exit {
    static let ok: Int32 = 0
    static let usage: Int32 = 2
    static let refused: Int32 = 3
    static let data: Int32 = 4
    static let notFound: Int32 = 5
}

/// Runs a program with exactly the environment given (nothing inherited but PATH), stdin from
/// /dev/null, stdout and stderr captured through files (no pipe can fill up and block), and a time limit.
func runProgram(
    _ executable: String, _ arguments: [String], environment: [String: String], scratch: String,
    timeLimit: TimeInterval = 30, workingDirectory: String? = nil
) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
    process.arguments = arguments
    process.environment = environment
    let tag = UUID().uuidString
    let outPath = "\(scratch)/.out-\(tag)", errPath = "\(scratch)/.err-\(tag)"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let pid = process.processIdentifier
    let exit = ChildExit()
    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) {
        if exit.claimForWatchdog() { kill(pid, SIGKILL) }
    }
    let (status, signaled) = waitForExit(process)
    let killedByWatchdog = !exit.claimForWaiter()
    try out.close()
    try err.close()
    let result = RunResult(
        arguments: arguments, status: status, signaled: signaled,
        stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
        stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    if killedByWatchdog { Issue.record("\(executable) \(arguments) ran longer than \(timeLimit)s and was killed") }
    return result
}

/// Waits for a child started by `process` and returns its exit status (or signal number).
///
/// Not `waitUntilExit()` alone: swift-corelibs-foundation notices a child's end when a socket the
/// child inherited is closed, so a child whose descriptors leaked into a long-lived process (another
/// test's daemon started at the same moment) would be waited for until that process ends. Polling
/// `waitpid(WNOHANG)` reaps the child as soon as it exits; when Foundation reaped it first, its
/// own status is used.
func waitForExit(_ process: Process) -> (status: Int32, signaled: Bool) {
    let pid = process.processIdentifier
    var pause: UInt32 = 200
    while true {
        var raw: Int32 = 0
        let reaped = waitpid(pid, &raw, WNOHANG)
        if reaped == pid {
            let signal = raw & 0x7f
            return signal == 0 ? ((raw >> 8) & 0xff, false) : (signal, true)
        }
        if reaped == -1 && errno != EINTR {
            // Foundation reaped it (ECHILD): its status is set once isRunning turns false.
            while process.isRunning { usleep(500) }
            return (process.terminationStatus, process.terminationReason == .uncaughtSignal)
        }
        usleep(pause)
        pause = min(pause * 2, 5_000)
    }
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
