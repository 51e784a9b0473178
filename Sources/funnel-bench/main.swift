import Foundation
import FunnelCore
import FunnelStore
import FunnelTUI
#if canImport(Glibc)
import Glibc
#endif

/// funnel-bench: generates demo data sets and measures what a user feels (docs/performance.md).
///
///     swift run -c release funnel-bench                 1,000, 10,000 and 100,000 deals
///     swift run -c release funnel-bench --sizes 1000    chosen sizes
///     funnel-bench --smoke                              1,000 and 10,000, few repetitions, checks results
///     funnel-bench --json results.json                  also write the figures as JSON
struct Options {
    var sizes = [1_000, 10_000, 100_000]
    var repetitions = 30
    var smoke = false
    var json: String?

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var i = 0
        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("funnel-bench: \(message)\n".utf8))
            exit(2)
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--smoke":
                options.smoke = true
                options.sizes = [1_000, 10_000]
                options.repetitions = 5
            case "--sizes":
                i += 1
                guard i < arguments.count else { fail("--sizes needs a list such as 1000,10000") }
                let sizes = arguments[i].split(separator: ",").compactMap { Int($0) }
                guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 && $0 <= 1_000_000 }) else { fail("bad --sizes \(arguments[i])") }
                options.sizes = sizes
            case "--repetitions":
                i += 1
                guard i < arguments.count, let n = Int(arguments[i]), n > 0 else { fail("--repetitions needs a number") }
                options.repetitions = n
            case "--json":
                i += 1
                guard i < arguments.count else { fail("--json needs a file") }
                options.json = arguments[i]
            case "-h", "--help":
                print("usage: funnel-bench [--smoke] [--sizes N,N] [--repetitions N] [--json FILE]")
                exit(0)
            default:
                fail("unknown argument \(arguments[i])")
            }
            i += 1
        }
        return options
    }
}

/// One data set's figures, in milliseconds (memory in MB).
struct Result {
    var deals: Int
    var open: (median: Double, p99: Double)
    var reference: (median: Double, p99: Double)
    var navigate: (median: Double, p99: Double)
    var filter: (median: Double, p99: Double)
    var move: (median: Double, p99: Double)
    var save: (median: Double, p99: Double)
    var report: (median: Double, p99: Double)
    var memory: Double
}

struct WrongResult: Error, CustomStringConvertible {
    let description: String
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw WrongResult(description: message()) }
}

let now = Timestamp.parse("2026-11-24T09:00:00Z")!
let options = Options.parse(Array(CommandLine.arguments.dropFirst()))

func run(size: Int) throws -> Result {
    let root = FileManager.default.temporaryDirectory.path + "/funnel-bench-\(getpid())-\(size)"
    try? FileManager.default.removeItem(atPath: root)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let store = FunnelStore(root: root)
    let pipeline = PipelineTemplate.simple.pipeline
    try store.initialize(pipeline: pipeline, team: DemoData.team)
    let generated = DemoData.deals(count: size, pipeline: pipeline, now: now, seed: 7)
    try store.insertBulk(generated)
    let manager = DemoData.team.user(DemoData.manager)!
    let repetitions = size >= 100_000 ? max(3, options.repetitions / 6) : options.repetitions

    // 1. Open: load everything and render the first frame, boss mode, 120×40.
    var openTimes: [Double] = []
    var state: BoardState?
    for _ in 0..<repetitions {
        openTimes.append(try Measure.time {
            let funnel = try store.loadFunnel()
            let deals = try store.loadDeals()
            var s = BoardState(funnel: funnel, actor: manager, deals: deals, now: now, utcOffset: 0, width: 120, height: 40)
            s.scope = .everyone
            s.recompute(keeping: nil)
            _ = BoardRender.render(s)
            state = s
        })
    }
    guard var board = state else { throw WrongResult(description: "no board state") }
    try check(board.deals.count == size, "loaded \(board.deals.count) deals, generated \(size)")
    try check(board.columns.reduce(0) { $0 + $1.count } == size, "the board shows \(board.columns.reduce(0) { $0 + $1.count }) of \(size)")

    // Reference: a plain Foundation JSONDecoder load of the same files.
    struct Plain: Decodable {
        struct Inner: Decodable { let id: String; let title: String; let stage: String }
        let deal: Inner
    }
    var referenceTimes: [Double] = []
    let paths = try store.dealPaths()
    for _ in 0..<max(1, repetitions / 3) {
        referenceTimes.append(try Measure.time {
            let decoder = JSONDecoder()
            var count = 0
            for path in paths {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                _ = try decoder.decode(Plain.self, from: data)
                count += 1
            }
            try check(count == size, "reference read \(count)")
        })
    }

    // 2. Key to frame: navigation, a filter key press, a card move (update + render).
    board.column = board.stages.firstIndex { $0.id == "new" }!
    var navigateTimes: [Double] = []
    for i in 0..<repetitions * 10 {
        navigateTimes.append(Measure.time {
            _ = BoardUpdate.key(i % 20 < 10 ? .down : .up, &board)
            _ = BoardRender.render(board)
        })
    }
    var filterTimes: [Double] = []
    _ = BoardUpdate.key(.char("/"), &board)
    for i in 0..<repetitions {
        filterTimes.append(Measure.time {
            _ = BoardUpdate.key(i % 2 == 0 ? .char("a") : .backspace, &board)
            _ = BoardRender.render(board)
        })
    }
    _ = BoardUpdate.key(.escape, &board)
    var moveTimes: [Double] = []
    var saves: [(Deal, Deal)] = []
    for i in 0..<repetitions {
        moveTimes.append(Measure.time {
            let effects = BoardUpdate.key(i % 2 == 0 ? .shiftRight : .shiftLeft, &board)
            _ = BoardRender.render(board)
            for case .save(let before, let after) in effects { saves.append((before, after)) }
        })
        if board.modal != nil { _ = BoardUpdate.key(.escape, &board) }
    }
    try check(!saves.isEmpty, "no card moved")

    // 3. Save: one move durably on disk (fsync of file and directory).
    var saveTimes: [Double] = []
    for (before, after) in saves.prefix(repetitions) {
        var saved: Deal?
        saveTimes.append(try Measure.time {
            if case .saved(let deal) = try store.update(id: after.id, { current in
                .success({ var next = after; next.revision = current.revision + 1; return next }())
            }) { saved = deal }
        })
        try check(saved?.stage == after.stage, "save of \(before.id) did not land")
        try check(try store.loadDeal(id: after.id)?.stage == after.stage, "\(after.id) is not on disk as saved")
    }

    // 4. The report.
    var reportTimes: [Double] = []
    let deals = Array(board.deals.values)
    var report: FunnelReport?
    for _ in 0..<repetitions {
        reportTimes.append(Measure.time {
            report = ReportBuilder.build(deals: deals, pipeline: pipeline, team: DemoData.team,
                                         period: ReportPeriod.trailing(.month, today: Day(now, utcOffset: 0)), now: now, utcOffset: 0)
        })
    }
    try check(report?.stages.reduce(0) { $0 + $1.openDeals } == deals.filter { d in
        pipeline.stage(id: d.stage).map { $0.kind == .open || $0.kind == .inbox } ?? false
    }.count, "the report's open deals do not add up")

    return Result(deals: size, open: Measure.summary(openTimes), reference: Measure.summary(referenceTimes),
                  navigate: Measure.summary(navigateTimes), filter: Measure.summary(filterTimes),
                  move: Measure.summary(moveTimes), save: Measure.summary(saveTimes),
                  report: Measure.summary(reportTimes), memory: Measure.peakMemoryMB())
}

var results: [Result] = []
do {
    for size in options.sizes {
        FileHandle.standardError.write(Data("funnel-bench: \(size) deals…\n".utf8))
        results.append(try run(size: size))
    }
} catch {
    FileHandle.standardError.write(Data("funnel-bench: FAILED: \(error)\n".utf8))
    exit(1)
}

func f(_ value: Double) -> String { String(format: "%.2f", value) }
func pair(_ p: (median: Double, p99: Double)) -> String { "\(f(p.median)) / \(f(p.p99))" }
print("funnel-bench — milliseconds, median / p99 (memory: peak resident MB so far)")
print(["deals", "open", "plain JSONDecoder", "speed-up", "navigate", "filter key", "move", "save", "report", "memory"]
    .joined(separator: " | "))
for r in results {
    let ratio = r.open.median > 0 ? r.reference.median / r.open.median : 0
    print(["\(r.deals)", pair(r.open), pair(r.reference), String(format: "%.1f×", ratio), pair(r.navigate), pair(r.filter),
           pair(r.move), pair(r.save), pair(r.report), String(format: "%.0f", r.memory)].joined(separator: " | "))
}
if let path = options.json {
    let rows = results.map { r -> String in
        func o(_ p: (median: Double, p99: Double)) -> String { "{\"median_ms\": \(f(p.median)), \"p99_ms\": \(f(p.p99))}" }
        return "{\"deals\": \(r.deals), \"open\": \(o(r.open)), \"plain_decoder\": \(o(r.reference)), \"navigate\": \(o(r.navigate)), "
            + "\"filter\": \(o(r.filter)), \"move\": \(o(r.move)), \"save\": \(o(r.save)), \"report\": \(o(r.report)), "
            + "\"peak_memory_mb\": \(String(format: "%.1f", r.memory))}"
    }
    let text = "{\"machine\": \"\(ProcessInfo.processInfo.activeProcessorCount) cores\", \"results\": [\n  "
        + rows.joined(separator: ",\n  ") + "\n]}\n"
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
        FileHandle.standardError.write(Data("funnel-bench: cannot write \(path): \(error)\n".utf8))
        exit(1)
    }
}
