import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One whole process, timed: wall clock from spawn to exit, peak resident memory from `wait4`'s
/// rusage (`ru_maxrss`), and how it ended.
struct ProcessRun {
    var seconds: Double
    var peakMB: Double
    /// The exit code, or 128 + the signal that ended it.
    var status: Int32
}

/// Spawns a program the way a shell would (`posix_spawn`, no shell) and waits for it with `wait4`.
enum ProcessTimer {
    /// Runs `executable` with `arguments` and exactly `environment`; standard input from /dev/null,
    /// standard output and error into the files named (created or truncated; /dev/null by default).
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], stdout: String = "/dev/null",
        stderr: String = "/dev/null"
    ) throws -> ProcessRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        var status: Int32 = 0
        var usage = rusage()
        var failure: Int32 = 0
        let seconds = try Measure.time {
            failure = posix_spawn(&pid, executable, &actions, nil, argv, envp)
            guard failure == 0 else { return }
            while wait4(pid, &status, 0, &usage) < 0 {
                guard errno == EINTR else { throw WrongResult(description: "wait4 for \(executable) failed: errno \(errno)") }
            }
        }
        guard failure == 0 else { throw WrongResult(description: "cannot start \(executable): \(String(cString: strerror(failure)))") }
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return ProcessRun(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, status: code)
    }

    /// The first executable called `name` in `path` (a PATH value), or nil.
    static func find(_ name: String, path: String?) -> String? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
