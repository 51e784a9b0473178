import Foundation

/// Median, p99 and peak memory of a command's timed runs (whole processes).
struct Timing {
    var median: Double
    var p99: Double
    /// The highest peak resident memory of any run, in MB.
    var peakMB: Double
    var runs: Int

    init(_ runs: [ProcessRun]) {
        let summary = Measure.summary(runs.map(\.seconds))
        median = summary.median
        p99 = summary.p99
        peakMB = runs.map(\.peakMB).max() ?? 0
        self.runs = runs.count
    }
}

/// One row of a size's table: a command of issue #15, and taskwarrior's for the same work.
struct CommandRow {
    var command: String
    var funnel: Timing
    /// What the figure means beyond milliseconds, e.g. "926 leads/s".
    var rate: String?
    var taskwarrior: (command: String, timing: Timing)?

    init(_ command: String, _ funnel: Timing, rate: String? = nil) {
        self.command = command
        self.funnel = funnel
        self.rate = rate
    }

    /// funnel's median over taskwarrior's, when both ran.
    var ratio: Double? {
        guard let task = taskwarrior?.timing, task.median > 0 else { return nil }
        return funnel.median / task.median
    }
}

/// Every command row at one size.
struct CommandFigures {
    var deals: Int
    var rows: [CommandRow]
    /// `task --version`, or nil when taskwarrior is not installed.
    var taskwarrior: String?

    /// The size's table (command | funnel median | p99 | MB | taskwarrior | ratio), milliseconds.
    var table: String {
        var lines = [
            "\(deals) deals — whole processes of the release funnel, milliseconds; MB: peak resident memory"
                + (taskwarrior.map { " (taskwarrior \($0))" } ?? ""),
            "| command | funnel median | p99 | MB | taskwarrior | ratio |", "|---|---|---|---|---|---|",
        ]
        for row in rows {
            let median = f(row.funnel.median) + (row.rate.map { " (\($0))" } ?? "")
            var task = taskwarrior == nil ? "not installed" : "—"
            if let (command, timing) = row.taskwarrior { task = "`\(command)` \(f(timing.median)) / \(f(timing.p99)), \(mb(timing.peakMB)) MB" }
            let ratio = row.ratio.map { String(format: "%.2f", $0) } ?? "—"
            lines.append("| `\(row.command)` | \(median) | \(f(row.funnel.p99)) | \(mb(row.funnel.peakMB)) | \(task) | \(ratio) |")
        }
        if taskwarrior == nil { lines.append("taskwarrior: not installed") }
        return lines.joined(separator: "\n")
    }

    /// The same figures as one JSON object.
    var json: String {
        func timing(_ t: Timing) -> String {
            "{\"median_ms\": \(f(t.median)), \"p99_ms\": \(f(t.p99)), \"peak_memory_mb\": \(mb(t.peakMB)), \"runs\": \(t.runs)}"
        }
        let rows = rows.map { row -> String in
            let task = row.taskwarrior.map { "{\"command\": \(quoted($0.command)), \"timing\": \(timing($0.timing))}" } ?? "null"
            return "{\"command\": \(quoted(row.command)), \"funnel\": \(timing(row.funnel)), \"rate\": \(row.rate.map(quoted) ?? "null"), "
                + "\"taskwarrior\": \(task), \"ratio\": \(row.ratio.map { String(format: "%.3f", $0) } ?? "null")}"
        }
        return "{\"deals\": \(deals), \"taskwarrior\": \(taskwarrior.map(quoted) ?? "null"), \"rows\": [\n    "
            + rows.joined(separator: ",\n    ") + "\n  ]}"
    }
}

func mb(_ value: Double) -> String { String(format: "%.0f", value) }

/// A JSON string literal.
func quoted(_ text: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: [text], options: [])) ?? Data("[\"\"]".utf8)
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
}
