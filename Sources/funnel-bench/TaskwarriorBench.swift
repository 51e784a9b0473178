import Foundation

/// Taskwarrior (`task`) beside funnel: its own TASKRC and TASKDATA in a temporary folder, one task
/// per demo deal (pending while the deal is open, completed once won or lost), imported with
/// `task import`; then `task list`, `task add probe` and `task ID modify x` timed as whole processes.
struct TaskwarriorBench {
    /// One timed taskwarrior command; `arguments` gets the run's number.
    struct Command {
        var label: String
        var arguments: (Int) -> [String]
    }

    let task: String
    let root: String
    /// `task _version`.
    var version = ""
    /// Every run's settings: quiet, no colour, no hooks, a fixed report width.
    static let settings = [
        "rc.verbose=nothing", "rc.color=off", "rc.hooks=off", "rc.detection=off", "rc.defaultwidth=120", "rc.confirmation=off",
    ]

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["TASKRC"] = root + "/taskrc"
        environment["TASKDATA"] = root + "/data"
        return environment
    }

    /// A taskwarrior with the same number of tasks as `deals`.
    init(task: String, root: String, deals: [ListedDeal]) throws {
        self.task = task
        self.root = root
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        try Data("data.location=\(root)/data\nhooks=off\ngc=on\n".utf8).write(to: URL(fileURLWithPath: root + "/taskrc"))
        let file = root + "/tasks.json"
        try Data(Self.importText(deals).utf8).write(to: URL(fileURLWithPath: file))
        try run(["import", file])
        _ = try run(["_version"])
        self.version = try String(contentsOfFile: root + "/stdout", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try run(["count"])
        let count = Int(try String(contentsOfFile: root + "/stdout", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        try check(count == deals.count, "taskwarrior counts \(count) tasks, imported \(deals.count)")
    }

    /// One task per line, as `task import` reads them.
    static func importText(_ deals: [ListedDeal]) -> String {
        var text = ""
        for deal in deals {
            let entry = deal.created.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            let end = deal.open ? "" : ", \"end\": \"\(entry)\""
            text += "{\"uuid\": \"\(UUID().uuidString.lowercased())\", \"description\": \(quoted(deal.title)), "
            text += "\"status\": \"\(deal.open ? "pending" : "completed")\", \"entry\": \"\(entry)\"\(end)}\n"
        }
        return text
    }

    /// One run of `task arguments` with the settings; a non-zero exit is an error.
    @discardableResult
    func run(_ arguments: [String]) throws -> ProcessRun {
        let run = try ProcessTimer.run(
            task, Self.settings + arguments, environment: environment, stdout: root + "/stdout", stderr: root + "/stderr")
        guard run.status == 0 else {
            let said = (try? String(contentsOfFile: root + "/stderr", encoding: .utf8)) ?? ""
            throw WrongResult(description: "task \(arguments.joined(separator: " ")) exited \(run.status): \(said)")
        }
        return run
    }

    /// Taskwarrior's command for one of funnel's rows, or nil when it has none.
    func counterpart(_ funnelCommand: String) -> Command? {
        switch funnelCommand {
        case "list": Command(label: "task list", arguments: { _ in ["list"] })
        case "add probe --value 5": Command(label: "task add probe", arguments: { _ in ["add", "probe"] })
        case "edit ID --notes x": Command(label: "task 1 modify x", arguments: { ["1", "modify", $0 % 2 == 0 ? "x" : "y"] })
        default: nil
        }
    }

    /// An untimed run, then `repetitions` timed ones.
    func time(_ command: Command, repetitions: Int) throws -> Timing {
        try run(command.arguments(-1))
        var runs: [ProcessRun] = []
        for i in 0..<repetitions { runs.append(try run(command.arguments(i))) }
        return Timing(runs)
    }
}
