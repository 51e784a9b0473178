import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway world for one test: its own temporary directory holding the data directory and a
/// fake home, a fixed clock and a chosen user. The real home is never touched.
final class Sandbox {
    let folder: TemporaryFolder
    let root: String
    /// FUNNEL_DATA_DIR for every run.
    let dataDir: String
    /// FUNNEL_USER unless a run names another.
    var user: String
    /// FUNNEL_NOW unless a run names another.
    var now: String

    init(user: String = "boss", now: String = FixedClock.iso) throws {
        _ = try FunnelBinary.require()
        folder = try TemporaryFolder("funnel-e2e")
        root = folder.path
        dataDir = root + "/data"
        self.user = user
        self.now = now
        try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
    }

    func remove() { folder.remove() }

    /// A sandbox after `initialize()`: `funnel init` plus reps rita and sam.
    static func initialized(user: String = "boss", template: String = "simple") throws -> Sandbox {
        let sandbox = try Sandbox(user: user)
        do {
            try sandbox.initialize(template: template)
        } catch {
            sandbox.remove()
            throw error
        }
        return sandbox
    }

    /// The child's whole environment.
    func environment(user: String? = nil, now: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": root + "/home",
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "FUNNEL_DATA_DIR": dataDir,
            "FUNNEL_USER": user ?? self.user,
            "FUNNEL_NOW": now ?? self.now,
            "FUNNEL_BIN": FunnelBinary.path,
        ]
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Runs `funnel ARGS…`.
    @discardableResult
    func run(_ arguments: String..., user: String? = nil, now: String? = nil, env: [String: String] = [:]) throws -> RunResult {
        try runProgram(
            FunnelBinary.path, arguments, environment: environment(user: user, now: now, extra: env),
            scratch: root)
    }

    /// Runs `funnel ARGUMENTS` (an array).
    @discardableResult
    func run(_ arguments: [String], user: String? = nil) throws -> RunResult {
        try runProgram(FunnelBinary.path, arguments, environment: environment(user: user), scratch: root)
    }

    /// Runs `funnel ARGUMENTS` and records an issue unless it exits 0.
    private func succeed(
        _ arguments: [String], user: String?, now: String? = nil, sourceLocation: SourceLocation
    ) throws -> RunResult {
        let result = try runProgram(
            FunnelBinary.path, arguments, environment: environment(user: user, now: now), scratch: root)
        #expect(result.ok, "\(result)", sourceLocation: sourceLocation)
        return result
    }

    /// Runs `funnel ARGS…` and records an issue unless it exits 0.
    @discardableResult
    func ok(
        _ arguments: String..., user: String? = nil, now: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        try succeed(arguments, user: user, now: now, sourceLocation: sourceLocation)
    }

    /// `funnel init` plus reps rita and sam.
    func initialize(template: String = "simple") throws {
        try ok("init", "--template", template)
        try ok("team", "add", "rita", "--role", "rep", "--name", "Rita Rep")
        try ok("team", "add", "sam", "--role", "rep", "--name", "Sam Rep")
    }

    /// `funnel add …`, returning the new id.
    func add(
        _ arguments: String..., user: String? = nil, now: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        try succeed(["add"] + arguments, user: user, now: now, sourceLocation: sourceLocation).output
    }

    /// `funnel show ID --json` as a dictionary.
    func deal(_ id: String, user: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try jsonObject(try succeed(["show", id, "--json"], user: user, sourceLocation: sourceLocation).stdout)
    }

    /// `funnel list ARGS… --json` as an array of dictionaries.
    func list(_ arguments: String..., user: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [[String: Any]]
    {
        try jsonArray(try succeed(["list"] + arguments + ["--json"], user: user, sourceLocation: sourceLocation).stdout)
    }

    /// `funnel add ARGS…`: the new deal's id, its file and the file's bytes, to show later that a
    /// refused change left the file as it was.
    func addWatched(
        _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (id: String, file: String, before: Data?) {
        let id = try succeed(["add"] + arguments, user: nil, sourceLocation: sourceLocation).output
        let file = try #require(dealFile(id), sourceLocation: sourceLocation)
        return (id, file, bytes(file))
    }

    /// The file a deal lives in, wherever its owner put it.
    func dealFile(_ id: String) -> String? {
        let candidates =
            [dataDir + "/inbox/\(id).json"]
            + ((try? FileManager.default.contentsOfDirectory(atPath: dataDir + "/deals")) ?? [])
            .map { dataDir + "/deals/\($0)/\(id).json" }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}
