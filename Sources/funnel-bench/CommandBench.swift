import Foundation
import FunnelCore
import FunnelStore

/// `funnel-bench --commands`: the commands of issue #15's table as whole processes of the release
/// `funnel` on `funnel demo --deals N --seed 1` data (warm page cache: one untimed run first), as
/// the manager dana unless a row says the rep; each run must exit 0.
struct CommandBench {
    let funnel: String
    let root: String
    let deals: Int
    let repetitions: Int
    var data: String { root + "/data" }
    var output: String { root + "/stdout" }
    var errors: String { root + "/stderr" }

    /// The release `funnel` beside this executable (the same `.build/release`), or why not.
    static func funnelBinary() throws -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let me = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let funnel = me.deletingLastPathComponent().appendingPathComponent("funnel").path
        guard FileManager.default.isExecutableFile(atPath: funnel) else {
            throw WrongResult(description: "no funnel at \(funnel): build it beside funnel-bench with `swift build -c release`")
        }
        return funnel
    }

    /// Every size in turn, each table printed when done; exits 1 on a failure or without `funnel`.
    /// Repetitions: `repetitions`, else 10 (5 from 100,000 deals, 3 at 1,000,000).
    static func all(sizes: [Int], repetitions: Int?) -> [CommandFigures] {
        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("funnel-bench: \(message)\n".utf8))
            exit(1)
        }
        let funnel: String
        do { funnel = try funnelBinary() } catch { fail("\(error)") }
        var figures: [CommandFigures] = []
        for size in sizes {
            FileHandle.standardError.write(Data("funnel-bench: commands at \(size) deals…\n".utf8))
            let count = repetitions ?? (size >= 1_000_000 ? 3 : size >= 100_000 ? 5 : 10)
            do {
                figures.append(try run(size: size, repetitions: count, funnel: funnel))
            } catch {
                fail("FAILED at \(size) deals: \(error)")
            }
            print(figures[figures.count - 1].table + "\n")
            fflush(nil)
        }
        return figures
    }

    /// Every row at `size` deals, then taskwarrior's when it is installed.
    static func run(size: Int, repetitions: Int, funnel: String) throws -> CommandFigures {
        let root = FileManager.default.temporaryDirectory.path + "/funnel-bench-commands-\(getpid())-\(size)"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bench = CommandBench(funnel: funnel, root: root, deals: size, repetitions: repetitions)
        let demo = try bench.demo()
        let listed = try bench.listedDeals()
        var rows = try bench.dealRows(id: try firstOpen(listed))
        rows += try bench.listRows(rep: try bench.firstRep())
        rows.append(try bench.coldStart())
        rows.append(try bench.capture())
        rows.append(demo)
        try bench.checkCount(rows)
        guard let task = ProcessTimer.find("task", path: ProcessInfo.processInfo.environment["PATH"]) else {
            return CommandFigures(deals: size, rows: rows, taskwarrior: nil)
        }
        let taskwarrior = try TaskwarriorBench(task: task, root: root + "/task", deals: listed)
        for (i, row) in rows.enumerated() {
            if let command = taskwarrior.counterpart(row.command) {
                rows[i].taskwarrior = (command.label, try taskwarrior.time(command, repetitions: repetitions))
            }
        }
        return CommandFigures(deals: size, rows: rows, taskwarrior: taskwarrior.version)
    }

    /// The environment of every `funnel` run: this one's, with the data directory, the user and a
    /// fixed now.
    func environment(user: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["FUNNEL_DATA_DIR"] = data
        environment["FUNNEL_USER"] = user
        environment["FUNNEL_NOW"] = "2026-11-24T09:00:00Z"
        environment["NO_COLOR"] = "1"
        return environment
    }

    /// One run of `funnel arguments`; a non-zero exit is an error that shows the command's stderr.
    @discardableResult
    func once(_ arguments: [String], user: String = DemoData.manager, keep: Bool = true) throws -> ProcessRun {
        let run = try ProcessTimer.run(
            funnel, arguments, environment: environment(user: user), stdout: keep ? output : "/dev/null", stderr: errors)
        guard run.status == 0 else {
            let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw WrongResult(description: "funnel \(arguments.joined(separator: " ")) exited \(run.status): \(said)")
        }
        return run
    }

    /// An untimed run to warm the page cache, then `repetitions` timed runs; `arguments` gets
    /// the run's number, `check` each run's standard output (when kept).
    func timed(
        _ arguments: (Int) -> [String], user: String = DemoData.manager, keep: Bool = true, check: (String) throws -> Void = { _ in }
    ) throws -> Timing {
        try once(arguments(-1), user: user, keep: keep)
        var runs: [ProcessRun] = []
        for i in 0..<repetitions {
            runs.append(try once(arguments(i), user: user, keep: keep))
            if keep { try check(try String(contentsOfFile: output, encoding: .utf8)) }
        }
        return Timing(runs)
    }

    var standardOutput: String { (try? String(contentsOfFile: output, encoding: .utf8)) ?? "" }
}
