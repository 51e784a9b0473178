import Foundation
import Testing

/// The generated zsh and fish completions, loaded by the real shells: fish answers `complete -C`,
/// zsh completes a line typed into an interactive zsh in tmux and pressed Tab.
@Suite("zsh and fish completions in the real shells")
struct ShellCompletionTests {
    static func path(of program: String) -> String? {
        ["/usr/bin/", "/bin/"].map { $0 + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The sandbox's environment with the release binary first on PATH, as a user installs it.
    static func environment(_ s: Sandbox) -> [String: String] {
        var env = s.environment()
        env["PATH"] = (FunnelBinary.path as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["HOME"] = s.root
        return env
    }

    /// What fish proposes for `line`: the words of `complete -C`, without their descriptions.
    func fish(_ s: Sandbox, _ line: String) throws -> [String] {
        let fish = try #require(Self.path(of: "fish"), "fish is needed (apt-get install fish; .ci/run does)")
        let script = "funnel completions fish | source; complete -C '\(line)'"
        let result = try runProgram(fish, ["--no-config", "-c", script], environment: Self.environment(s), scratch: s.root)
        #expect(result.ok && result.stderr.isEmpty, "\(result)")
        return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
    }

    @Test func fishCompletesCommandsFlagsChoicesStagesAccountsAndDealIDs() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Fish deal", "--owner", "rita")
        #expect(try fish(s, "funnel mo") == ["move"])
        #expect(try fish(s, "funnel import x.csv --encoding windows-125") == ["windows-1255", "windows-1256"])
        #expect(try fish(s, "funnel list --stage fo") == ["follow-up", "former-customer"])
        #expect(try fish(s, "funnel add x --priority h") == ["high"])
        #expect(try fish(s, "funnel assign \(id) r") == ["rita"])
        #expect(try fish(s, "funnel move \(id.prefix(3))") == [id])
        #expect(try fish(s, "funnel move --reason x \(id) cust") == ["customer"], "the second argument, past a flag's value")
        #expect(try fish(s, "funnel config set mo") == ["mouse"])
        #expect(try fish(s, "funnel export --format x") == ["xlsx-csv"])
    }

    @Test func zshCompletesALineTypedIntoAnInteractiveShell() throws {
        let zsh = try #require(Self.path(of: "zsh"), "zsh is needed (apt-get install zsh; .ci/run does)")
        _ = try #require(Self.path(of: "tmux"), "tmux is needed")
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Zsh deal", "--owner", "rita")
        var env = Self.environment(s)
        env["ZDOTDIR"] = s.root
        let session = try TmuxSession(
            folder: s.root, command: [zsh, "-f", "-i"].joined(separator: " "), environment: env, width: 150, height: 10,
            name: "z", killByPID: true)
        defer { session.close() }
        try session.type("source <(funnel completions zsh)")
        try session.press("Enter")
        for part in ["funnel list --stage follow", " --priority h", "  # ; funnel move \(id.prefix(4))"] {
            try session.type(part)
            try session.press("Tab")
            Thread.sleep(forTimeInterval: 0.3)
        }
        let expected = "funnel list --stage follow-up --priority high  # ; funnel move \(id)"
        var screen = ""
        for _ in 0..<50 where !screen.contains(expected) {
            Thread.sleep(forTimeInterval: 0.1)
            screen = try session.capture()
        }
        #expect(screen.contains(expected), "\(screen)")
    }
}
