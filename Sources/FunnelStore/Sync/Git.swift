import Foundation

/// Runs the `git` command in a data directory (Foundation `Process`, no library): never asks for a
/// password on a terminal (`GIT_TERMINAL_PROMPT=0`, ssh in batch mode unless `GIT_SSH_COMMAND` says
/// otherwise), messages in English for parsing, commits by the funnel user.
public struct Git: Sendable {
    /// What a git run returned.
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: String
        public var text: String { String(decoding: stdout, as: UTF8.self) }
        /// Why git failed: its first `fatal:` or `error:` line (the last lines are often advice,
        /// "…and the repository exists."), else the last non-empty line it wrote to stderr.
        public var reason: String {
            let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let said = lines.first { $0.hasPrefix("fatal: ") || $0.hasPrefix("error: ") } ?? lines.last
            return said ?? "git exited with status \(status)"
        }
    }

    /// Where git runs: the data directory.
    public let directory: String
    /// The environment git gets (see `environment(base:author:email:)`).
    public let environment: [String: String]
    /// The `git` executable: `FUNNEL_GIT`, else the first `git` on PATH.
    public let executable: String

    public init(directory: String, environment: [String: String], executable: String) {
        self.directory = directory
        self.environment = environment
        self.executable = executable
    }

    /// The environment for git: the caller's, with prompts off and the author set.
    public static func environment(base: [String: String], author: String, email: String) -> [String: String] {
        var env = base
        env["GIT_TERMINAL_PROMPT"] = "0"
        // A path is a path: a teammate's file named `*` or `:(glob)x` is never a pattern.
        env["GIT_LITERAL_PATHSPECS"] = "1"
        env["LC_ALL"] = "C"
        env["LANGUAGE"] = "C"
        if (env["GIT_SSH_COMMAND"] ?? "").isEmpty {
            env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=15"
        }
        env["GIT_AUTHOR_NAME"] = author
        env["GIT_AUTHOR_EMAIL"] = email
        env["GIT_COMMITTER_NAME"] = author
        env["GIT_COMMITTER_EMAIL"] = email
        return env
    }

    /// The git executable to run, or nil when there is none.
    public static func find(environment: [String: String]) -> String? {
        if let chosen = environment["FUNNEL_GIT"], !chosen.isEmpty { return chosen }
        for dir in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs git with `arguments`; `input` is given on stdin. Never throws for a non-zero status.
    @discardableResult
    public func run(
        _ arguments: [String], input: Data? = nil, extraEnvironment: [String: String] = [:],
        in cwd: String? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cwd ?? directory)
        process.environment = environment.merging(extraEnvironment) { $1 }
        // stdin and stderr through private files with no name, stdout through a pipe read to its
        // end: no deadlock whatever the sizes, and nothing left in the temporary directory when
        // funnel is killed mid-run.
        let stdin = try Self.scratchFile(holding: input ?? Data())
        let stderr = try Self.scratchFile(holding: Data())
        defer {
            try? stdin.close()
            try? stderr.close()
        }
        let pipe = Pipe()
        process.standardInput = stdin
        process.standardOutput = pipe
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw StoreError.io(path: executable, detail: "could not run git: \(error.localizedDescription)")
        }
        let stdout = pipe.fileHandleForReading.readDataToEndOfFile()
        let status = Self.waitForExit(process)
        _ = try? stderr.seek(toOffset: 0)
        let errors = String(decoding: (try? stderr.readToEnd()) ?? Data(), as: UTF8.self)
        return Output(status: status, stdout: stdout, stderr: errors)
    }

    /// A private file (0600, created new, its name removed at once) holding `data`, read from its
    /// start: git's stdin or stderr.
    static func scratchFile(holding data: Data) throws -> FileHandle {
        let name = FileManager.default.temporaryDirectory.path + "/funnel-git-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError.io(path: name, detail: "could not make a scratch file for git: \(String(cString: strerror(errno)))")
        }
        unlink(name)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.seek(toOffset: 0)
        } catch {
            throw StoreError.io(path: name, detail: "could not write a scratch file for git: \(error.localizedDescription)")
        }
        return handle
    }

    /// The child's exit status (128 + the signal when killed). Polls `waitpid` instead of
    /// `waitUntilExit`, whose run loop notices an exit up to 50 ms late: a sync runs a dozen gits.
    static func waitForExit(_ process: Process) -> Int32 {
        let pid = process.processIdentifier
        var pause: UInt32 = 100
        while true {
            var raw: Int32 = 0
            let reaped = waitpid(pid, &raw, WNOHANG)
            if reaped == pid {
                let signal = raw & 0x7f
                return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
            }
            if reaped == -1 && errno != EINTR {
                // Foundation reaped it first: its status is set once isRunning turns false.
                while process.isRunning { usleep(200) }
                return process.terminationStatus
            }
            usleep(pause)
            pause = min(pause * 2, 2_000)
        }
    }

    /// Runs git and returns its output; a non-zero status is an error naming the command.
    @discardableResult
    public func check(_ arguments: [String], input: Data? = nil, extraEnvironment: [String: String] = [:]) throws -> Output {
        let output = try run(arguments, input: input, extraEnvironment: extraEnvironment)
        guard output.status == 0 else {
            throw StoreError.io(path: directory, detail: "git \(arguments.prefix(2).joined(separator: " ")) failed: \(output.reason)")
        }
        return output
    }

    /// The trimmed first line of git's output, or nil when it failed.
    public func value(_ arguments: [String]) throws -> String? {
        let output = try run(arguments)
        guard output.status == 0 else { return nil }
        let text = output.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
