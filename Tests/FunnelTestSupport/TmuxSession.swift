import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real terminal for a test: one detached tmux session on a private server
/// (`tmux -L <socket> -f /dev/null`, its socket in `folder`), killed in `close()`.
/// The board's tmux tests and the shell-completion test drive their programs through it.
public final class TmuxSession {
    public let socket: String
    /// Where the server's socket lives (TMUX_TMPDIR): the test's temporary folder.
    public let folder: String
    public let name: String
    private var serverPID: pid_t?
    private var closed = false

    /// Starts a `width`×`height` session running `command` under `shell`, every variable of
    /// `environment` set for it (its TERM as tmux's default-terminal, which an `-e TERM=` loses
    /// to). `after` are tmux commands run in the same call, before the server reads the pane.
    /// With `killByPID`, `close()` also kills the server by its pid.
    public init(
        folder: String, command: String, environment: [String: String], width: Int, height: Int,
        shell: String = "/bin/sh", name: String = "board", after: [String] = [], killByPID: Bool = false
    ) throws {
        self.folder = folder
        self.name = name
        socket = "funnel-test-\(UUID().uuidString.lowercased().prefix(13))"
        var arguments = [
            "-f", "/dev/null", "start-server", ";",
            "set-option", "-g", "default-terminal", environment["TERM"] ?? "xterm-256color", ";",
            "set-option", "-g", "default-shell", shell, ";",
            "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
        ]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        if !after.isEmpty { arguments += [";"] + after }
        let result = try run(arguments, environment: environment)
        guard result.ok else { throw TmuxFailure(description: "tmux new-session failed: \(result.stderr)") }
        if killByPID {
            serverPID = pid_t(try tmux("display-message", "-p", "#{pid}").trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    deinit { close() }

    /// Kills the private server (and with it the pane's processes); with `killByPID`, by its pid
    /// too (kill-server alone has left servers behind). Safe to call twice.
    /// Waits (up to two seconds) for the pane's processes to end, so a board still saving its
    /// state as it exits never writes into a test folder already removed (they were left in /tmp).
    public func close() {
        guard !closed else { return }
        closed = true
        let groups = Set(
            ((try? run(["list-panes", "-a", "-F", "#{pane_pid}"]))?.stdout ?? "").split(separator: "\n").compactMap { pid_t($0) })
        _ = try? run(["kill-server"])
        if let serverPID, serverPID > 1 { kill(serverPID, SIGKILL) }
        let deadline = Date().addingTimeInterval(2)
        while !groups.isEmpty, Self.anyAlive(inGroups: groups), Date() < deadline { usleep(10_000) }
    }

    /// Whether a process of one of the process groups `groups` is still running (a zombie, ended
    /// but not yet reaped, does not count).
    static func anyAlive(inGroups groups: Set<pid_t>) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
        for entry in entries where entry.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After "pid (comm) ": state, ppid, pgrp.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, fields[0] != "Z", let group = pid_t(fields[2]), groups.contains(group) { return true }
        }
        return false
    }

    /// Runs `tmux ARGUMENTS` against this server; its result, whatever the status.
    public func run(_ arguments: [String], environment: [String: String]? = nil) throws -> RunResult {
        var env = environment ?? ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        env["TERM"] = env["TERM"] ?? "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["TMUX"] = nil
        env["TMUX_TMPDIR"] = folder
        return try runProgram("/usr/bin/env", ["tmux", "-L", socket] + arguments, environment: env)
    }

    /// Runs `tmux ARGUMENTS`, requiring success; its stdout.
    @discardableResult
    public func tmux(_ arguments: String...) throws -> String { try tmux(arguments) }

    /// Runs `tmux ARGUMENTS`, requiring success; its stdout.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        guard result.ok else {
            throw TmuxFailure(description: "tmux \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// Presses keys by tmux name: "Right", "S-Right", "Space", "Enter", "Escape", "C-r", "Tab", "j"…
    public func press(_ keys: String...) throws {
        for key in keys { try tmux("send-keys", "-t", name, key) }
    }

    /// Types text literally.
    public func type(_ text: String) throws {
        try tmux("send-keys", "-t", name, "-l", text)
    }

    /// The pane as text, one line per row; with `escapes`, its attributes and colours as SGR sequences.
    public func capture(escapes: Bool = false) throws -> String {
        escapes ? try tmux("capture-pane", "-p", "-e", "-t", name) : try tmux("capture-pane", "-p", "-t", name)
    }

    /// A tmux format, e.g. `#{alternate_on}`, for the pane.
    public func display(_ format: String) throws -> String {
        try tmux("display-message", "-p", "-t", name, format).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// tmux refused a command.
public struct TmuxFailure: Error, CustomStringConvertible {
    public let description: String
}
