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

/// Spawns a program and waits for it with `wait4`.
///
/// Through a small go-between, this executable in `--spawn` mode: glibc's `posix_spawn` is a
/// vfork, and Linux counts the parent's peak memory in a vforked child's `ru_maxrss` (the address
/// space it shared until exec), which put the bench's own peak on every command. The go-between
/// (a few MB) starts the command with a real `fork`, which carries over only its small resident
/// memory, and times it, so its own start is not counted.
enum ProcessTimer {
    /// Runs `executable` with `arguments` and exactly `environment`; standard input from /dev/null,
    /// standard output and error into the files named (created or truncated; /dev/null by default).
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], stdout: String = "/dev/null",
        stderr: String = "/dev/null"
    ) throws -> ProcessRun {
        let report = FileManager.default.temporaryDirectory.path + "/funnel-bench-spawn-\(getpid())"
        defer { unlink(report) }
        // This very executable, even when a build replaced the file meanwhile.
        let me = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments[0]
        let between = try spawn(
            me, ["--spawn", report, executable] + arguments, environment: environment, files: ["/dev/null", stdout, stderr])
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        let fields = text.split(separator: " ").compactMap { Double($0) }
        guard between.status == 0, fields.count == 3 else {
            throw WrongResult(description: "cannot run \(executable) (go-between exit \(between.status)): \(text)")
        }
        return ProcessRun(seconds: fields[0], peakMB: fields[1] / 1024, status: Int32(fields[2]))
    }

    /// `--spawn REPORT PROGRAM ARGS…`: runs the program with this process's standard files and
    /// environment, then writes "seconds peak-KB status" into REPORT.
    static func serve(_ arguments: [String]) -> Never {
        guard arguments.count >= 2 else { exit(2) }
        do {
            let run = try spawn(arguments[1], Array(arguments.dropFirst(2)), environment: ProcessInfo.processInfo.environment, files: nil)
            try Data("\(run.seconds) \(run.peakMB * 1024) \(run.status)".utf8).write(to: URL(fileURLWithPath: arguments[0]))
            exit(0)
        } catch {
            try? Data("\(error)".utf8).write(to: URL(fileURLWithPath: arguments[0]))
            exit(1)
        }
    }

    /// One `posix_spawn` and `wait4`, timed; `files` are what standard input, output and error
    /// open (nil: this process's).
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String], files: [String]?) throws -> ProcessRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, file) in (files ?? []).enumerated() {
            posix_spawn_file_actions_addopen(&actions, Int32(fd), file, fd == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
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
            if files == nil {
                // The go-between: a real fork, so the child's peak starts from this small process's
                // resident pages, not from a shared address space's peak; then only exec in the child.
                pid = fork()
                if pid == 0 {
                    execve(executable, argv, envp)
                    _exit(127)
                }
                failure = pid < 0 ? errno : 0
            } else {
                failure = posix_spawn(&pid, executable, &actions, nil, argv, envp)
            }
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
