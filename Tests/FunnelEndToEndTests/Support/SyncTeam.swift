import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A team across machines for `funnel sync` tests: a bare git repository in the sandbox and one
/// data directory (clone) per person, each run with its own FUNNEL_USER and FUNNEL_DATA_DIR.
final class SyncTeam {
    let sandbox: Sandbox
    let remote: String
    /// The manager's data directory is the sandbox's; the reps' sit beside it.
    let people = ["boss", "rita", "sam"]

    init() throws {
        sandbox = try Sandbox()
        remote = sandbox.root + "/team.git"
        let made = try PlainGit.makeBare(remote, environment: sandbox.environment())
        #expect(made.ok, "\(made)")
    }

    func dataDir(_ person: String) -> String { person == "boss" ? sandbox.dataDir : sandbox.root + "/" + person }

    /// Runs `funnel ARGS…` as `person` in their clone, at `now` (default: the sandbox's).
    @discardableResult
    func run(_ person: String, _ arguments: [String], now: String? = nil, env: [String: String] = [:]) throws -> RunResult {
        var extra = env
        extra["FUNNEL_DATA_DIR"] = dataDir(person)
        return try runProgram(
            FunnelBinary.path, arguments, environment: sandbox.environment(user: person, now: now, extra: extra),
            scratch: sandbox.root)
    }

    /// Runs it and records an issue unless it exits 0.
    @discardableResult
    func ok(
        _ person: String, _ arguments: String..., now: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        let result = try run(person, arguments, now: now)
        #expect(result.ok, "\(result)", sourceLocation: sourceLocation)
        return result
    }

    /// The manager's data shared, and a clone for each rep.
    func setUp() throws {
        try ok("boss", "sync", "init", remote)
        for rep in people.dropFirst() { try ok(rep, "sync", "init", remote) }
    }

    /// Every file of a clone that funnel shares, path → bytes (no .git, cache, lock).
    func files(_ person: String) -> [String: Data] {
        let root = dataDir(person)
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: root)
        while let path = walker?.nextObject() as? String {
            if path == ".git" || path == "cache" || path == "quarantine" { walker?.skipDescendants(); continue }
            if path == ".lock" { continue }
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            out[path] = FileManager.default.contents(atPath: root + "/" + path)
        }
        return out
    }

    /// `funnel list --json` as the manager sees the clone of `person`.
    func list(_ person: String) throws -> String {
        try asManager(in: person, ["list", "--json", "--all"]).stdout
    }

    /// A deal as the manager sees it in `person`'s clone.
    func deal(_ id: String, in person: String) throws -> [String: Any] {
        try jsonObject(try asManager(in: person, ["show", id, "--json"]).stdout)
    }

    /// `funnel ARGUMENTS` as the manager in `person`'s clone, recording an issue unless it exits 0.
    private func asManager(in person: String, _ arguments: [String]) throws -> RunResult {
        let extra = ["FUNNEL_DATA_DIR": dataDir(person), "FUNNEL_USER": "boss"]
        let result = try runProgram(
            FunnelBinary.path, arguments, environment: sandbox.environment(extra: extra), scratch: sandbox.root)
        #expect(result.ok, "\(result)")
        return result
    }

    /// Runs plain `git ARGS…` in `person`'s clone as that person (a teammate going around funnel),
    /// recording an issue unless each exits 0.
    func git(_ person: String, _ commands: [String]..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        for arguments in commands {
            let result = try PlainGit.run(arguments, in: dataDir(person), as: person, environment: sandbox.environment())
            #expect(result.ok, "\(result)", sourceLocation: sourceLocation)
        }
    }

    func remove() { sandbox.remove() }
}
