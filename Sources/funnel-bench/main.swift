import Foundation
import FunnelBoard
import FunnelCore
import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// funnel-bench: generates demo data sets and measures what a user feels (docs/performance.md).
///
///     swift run -c release funnel-bench                 1,000, 10,000 and 100,000 deals: the board, then every command
///     swift run -c release funnel-bench --sizes 1000    chosen sizes
///     funnel-bench --smoke                              1,000 and 10,000 (commands: 1,000), few repetitions, checks results
///     funnel-bench --json results.json                  also write the figures as JSON
///     funnel-bench --sync --sizes 1000,100000           funnel sync against a local bare repository
///     funnel-bench --commands --sizes 1000,1000000      only the commands, as whole processes, beside taskwarrior
struct Options {
    /// Internal: measure an existing data directory in this process (the parent generates it),
    /// so peak memory is the board's, not the generator's.
    var measure: (directory: String, size: Int)?
    var sizes = [1_000, 10_000, 100_000]
    var repetitions = 30
    var smoke = false
    /// Measure `funnel sync` instead (`SyncBench`).
    var sync = false
    /// Measure only whole `funnel` commands (`CommandBench`); the default run measures the board,
    /// then them.
    var commands = false
    var repetitionsGiven = false
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
            case "--sync":
                options.sync = true
            case "--commands":
                options.commands = true
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
                options.repetitionsGiven = true
            case "--json":
                i += 1
                guard i < arguments.count else { fail("--json needs a file") }
                options.json = arguments[i]
            case "--measure":
                guard i + 2 < arguments.count, let n = Int(arguments[i + 2]) else { fail("--measure DIR SIZE") }
                options.measure = (arguments[i + 1], n)
                i += 2
            case "-h", "--help":
                print("usage: funnel-bench [--smoke] [--sync] [--commands] [--sizes N,N] [--repetitions N] [--json FILE]")
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
    /// Reading every deal into memory (part of open).
    var load: (median: Double, p99: Double)
    var open: (median: Double, p99: Double)
    /// The deals of the columns beyond the first frame, read after it and before the next key
    /// (`DeferredColumns`).
    var columns: (median: Double, p99: Double)
    /// The cards' search texts, made after the first frame and before the next key (`prepareSearch`).
    var search: (median: Double, p99: Double)
    /// The archived deals the opening held back, read (as the app reads them on `z` or `/`:
    /// `HeldArchive`) and put on the board.
    var archive: (median: Double, p99: Double)
    var reference: (median: Double, p99: Double)
    var navigate: (median: Double, p99: Double)
    var filter: (median: Double, p99: Double)
    var move: (median: Double, p99: Double)
    /// `s`: the next sort order, every column sorted again.
    var sort: (median: Double, p99: Double)
    var save: (median: Double, p99: Double)
    var report: (median: Double, p99: Double)
    /// Another process's change to one deal, from its write to the board's frame.
    var outside: (median: Double, p99: Double)
    var memory: Double
}

struct WrongResult: Error, CustomStringConvertible {
    let description: String
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw WrongResult(description: message()) }
}

let now = Timestamp.parse("2026-11-24T09:00:00Z")!
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "--spawn" {
    ProcessTimer.serve(Array(CommandLine.arguments.dropFirst(2)))
}
let options = Options.parse(Array(CommandLine.arguments.dropFirst()))

if options.sync {
    var figures: [SyncFigures] = []
    for size in options.sizes {
        FileHandle.standardError.write(Data("funnel-bench: sync at \(size) deals…\n".utf8))
        do {
            figures.append(try SyncBench.run(size: size, repetitions: options.repetitions))
        } catch {
            FileHandle.standardError.write(Data("funnel-bench: FAILED: \(error)\n".utf8))
            exit(1)
        }
    }
    print(SyncBench.table(figures))
    exit(0)
}

// The commands run after the board: refuse now, not minutes later, when `funnel` is missing.
if options.measure == nil {
    do {
        _ = try CommandBench.funnelBinary()
    } catch {
        FileHandle.standardError.write(Data("funnel-bench: \(error)\n".utf8))
        exit(1)
    }
}

if options.commands && !options.smoke {
    let figures = CommandBench.all(sizes: options.sizes, repetitions: options.repetitionsGiven ? options.repetitions : nil)
    if let path = options.json { writeJSON("{\"commands\": [\n  " + figures.map(\.json).joined(separator: ",\n  ") + "\n]}\n", to: path) }
    exit(0)
}

/// Writes `size` demo deals into a new data directory: the demo's 120 days, or from a million
/// deals on a team's four years (issue #15: "a big team over years; most closed").
func generate(size: Int, root: String) throws {
    try? FileManager.default.removeItem(atPath: root)
    let store = FunnelStore(root: root)
    let pipeline = PipelineTemplate.simple.pipeline
    var parameters = DemoParameters()
    if size >= 1_000_000 { parameters.days = 1_460 }
    let world = DemoData.world(count: size, pipeline: pipeline, now: now, seed: 7, parameters: parameters)
    try store.initialize(pipeline: pipeline, team: world.team)
    try store.insertBulk(world.deals)
}

/// Every figure of one data set, measured in this process (`--measure`).
func measure(root: String, size: Int) throws -> Result {
    let store = FunnelStore(root: root)
    let pipeline = PipelineTemplate.simple.pipeline
    let team = try store.loadTeam()
    let repetitions = size >= 100_000 ? max(3, options.repetitions / 6) : options.repetitions
    // One board in memory, changed in place (a copy would be copied on first change).
    var opened = try measureOpen(store, size: size, manager: team.user(DemoData.manager)!, repetitions: repetitions)
    let keys = try measureKeys(&opened.board, repetitions: repetitions)
    let saveTimes = try measureSaves(keys.saves.prefix(repetitions), store: store)
    let reportTimes = try measureReport(Array(opened.board.deals.values), pipeline: pipeline, team: team, repetitions: repetitions)
    let outsideTimes = try measureOutsideChanges(&opened.board, store: store, repetitions: repetitions * 2)
    // Memory: the board's peak, before the reference decode below allocates its own.
    let memory = Measure.peakMemoryMB()
    let referenceTimes = try measureReference(store, size: size, repetitions: repetitions)
    return Result(
        deals: size, load: Measure.summary(opened.load), open: Measure.summary(opened.open),
        columns: Measure.summary(opened.columns), search: Measure.summary(opened.search),
        archive: Measure.summary(opened.archive),
        reference: Measure.summary(referenceTimes), navigate: Measure.summary(keys.navigate), filter: Measure.summary(keys.filter),
        move: Measure.summary(keys.move), sort: Measure.summary(keys.sort), save: Measure.summary(saveTimes),
        report: Measure.summary(reportTimes), outside: Measure.summary(outsideTimes), memory: memory)
}

/// 1. Open: load everything and render the first frame, boss mode, 120×40. Returns the board
/// (one board in memory, as in the app: a second copy would be copied on first change).
func measureOpen(
    _ store: FunnelStore, size: Int, manager: User, repetitions: Int
) throws -> (load: [Double], open: [Double], columns: [Double], search: [Double], archive: [Double], board: BoardState) {
    var loadTimes: [Double] = []
    for _ in 0..<max(1, repetitions / 3) {
        loadTimes.append(try Measure.time { try check(try store.loadDealMap().count == size, "load count") })
    }
    var openTimes: [Double] = [], columnTimes: [Double] = [], searchTimes: [Double] = [], archiveTimes: [Double] = []
    var deferred: DeferredDeals?
    var state: BoardState?
    let pipelines = try store.loadPipelineSet()
    // The archived deals the app's opening holds back (`BoardApp.holding`).
    let holding = HeldArchive.test(pipelines: pipelines, archive: ArchiveRule(), goals: [], today: Day(now, utcOffset: 0), utcOffset: 0)
    // The columns a first frame 120 wide does not show, put off (`BoardApp.read(frameWidth:)`).
    let deferring = DeferredColumns.opening(
        pipelines: pipelines, pipeline: PipelineSet.firstID, width: 120, goals: [], today: Day(now, utcOffset: 0), utcOffset: 0)
    for _ in 0..<repetitions {
        // The board of the previous round goes first: the app holds one board, and two alive at
        // once doubled the peak memory this bench reports.
        state = nil
        openTimes.append(
            try Measure.time {
                // As the app opens (`BoardApp.prepare`): pipelines, team, the deals but the archived
                // ones held back and those of the columns off the frame put off, `BoardState.opening`.
                let set = try store.loadDealSet(where: { _ in true }, holding: holding, deferring: deferring?.test)
                deferred = set.deferred
                let data = BoardData(
                    pipelines: try store.loadPipelineSet(), team: try store.loadTeam(), dealsByID: set.deals, goals: nil, warning: nil,
                    held: set.held)
                var s = try opened(data, account: manager.account, now: now)
                _ = BoardUpdate.apply(.resize(width: 120, height: 40), &s)
                _ = BoardRender.render(s)
                state = s
            })
        // As the app goes on after its first frame, before it reads the next key: the columns put
        // off (`BoardApp.readDeferred`), then the search texts.
        columnTimes.append(
            try Measure.time {
                guard let deferred, var all = state?.deals else { return }
                try check(store.loadDeferred(deferred, into: &all), "the deals put off were not read from the snapshot")
                _ = BoardUpdate.apply(.deferredRead(all), &state!)
            })
        searchTimes.append(Measure.time { state?.prepareSearch() })
        // Then `z` or `/`: the archived deals read, every deal on the board (`BoardApp.readArchive`).
        archiveTimes.append(
            try Measure.time {
                let archived = try store.loadDealSet(where: { holding?($0) ?? false }).deals
                if state != nil { _ = BoardUpdate.apply(.archiveRead(Array(archived.values), warning: nil), &state!) }
            })
        state?.prepareSearch()
    }
    guard let board = state else { throw WrongResult(description: "no board state") }
    state = nil
    try check(board.deals.count == size, "loaded \(board.deals.count) deals, generated \(size)")
    // Closed deals older than 90 days are counted under their column, not shown (`ArchiveRule`).
    let shown = board.columns.reduce(0) { $0 + $1.count }, archived = board.index.archived.reduce(0, +)
    try check(shown + archived == size, "the board shows \(shown) of \(size) and counts \(archived) archived")
    return (loadTimes, openTimes, columnTimes, searchTimes, archiveTimes, board)
}

/// The board `account` opens on `data`, as the app opens it.
func opened(_ data: BoardData, account: String, now: Date) throws -> BoardState {
    guard
        let state = BoardState.opening(
            data, account: account, pipeline: PipelineSet.firstID, goalsProblem: nil, now: now, utcOffset: 0, seed: 1)
    else { throw WrongResult(description: "\(account) is not on the team") }
    return state
}

/// 2. Key to frame: navigation, filter keys (three letters typed and deleted), a card move (update + render); the moves'
/// saves for step 3.
func measureKeys(_ board: inout BoardState, repetitions: Int) throws -> (
    navigate: [Double], filter: [Double], move: [Double], sort: [Double], saves: [(Deal, Deal)]
) {
    board.column = board.stages.firstIndex { $0.id == "new" }!
    var navigateTimes: [Double] = []
    for i in 0..<repetitions * 10 {
        navigateTimes.append(
            Measure.time {
                _ = BoardUpdate.key(i % 20 < 10 ? .down : .up, &board)
                _ = BoardRender.render(board)
            })
    }
    var filterTimes: [Double] = []
    _ = BoardUpdate.key(.char("/"), &board)
    // Three letters typed, then deleted, again and again: the first key searches every card, the
    // next ones narrow, each deletion goes back.
    let typing: [KeyPress] = [.char("a"), .char("c"), .char("m"), .backspace, .backspace, .backspace]
    for i in 0..<repetitions * typing.count {
        filterTimes.append(
            Measure.time {
                _ = BoardUpdate.key(typing[i % typing.count], &board)
                _ = BoardRender.render(board)
            })
    }
    _ = BoardUpdate.key(.escape, &board)
    var moveTimes: [Double] = []
    var saves: [(Deal, Deal)] = []
    for i in 0..<repetitions {
        moveTimes.append(
            Measure.time {
                let effects = BoardUpdate.key(i % 2 == 0 ? .shiftRight : .shiftLeft, &board)
                _ = BoardRender.render(board)
                for case .save(let before, let after) in effects { saves.append((before, after)) }
            })
        if board.modal != nil { _ = BoardUpdate.key(.escape, &board) }
    }
    try check(!saves.isEmpty, "no card moved")
    return (navigateTimes, filterTimes, moveTimes, try measureSort(&board, repetitions: repetitions), saves)
}

/// `s` pressed (the next sort order: every column sorted again) and rendered; then the board is
/// back in its first order.
func measureSort(_ board: inout BoardState, repetitions: Int) throws -> [Double] {
    let first = board.sort
    var times: [Double] = []
    for _ in 0..<repetitions {
        times.append(
            Measure.time {
                _ = BoardUpdate.key(.char("s"), &board)
                _ = BoardRender.render(board)
            })
    }
    for _ in 0..<CardOrder.allCases.count where board.sort != first { _ = BoardUpdate.key(.char("s"), &board) }
    try check(board.sort == first, "s never came back to \(first)")
    return times
}

/// 3. Save: one move durably on disk (fsync of file and directory), as the board saves it: the
/// computed version, while the file still holds the one it came from.
func measureSaves(_ saves: ArraySlice<(Deal, Deal)>, store: FunnelStore) throws -> [Double] {
    var saveTimes: [Double] = []
    for (before, after) in saves {
        var saved: Deal?
        saveTimes.append(
            try Measure.time {
                let outcome = try store.update(id: after.id) { current in
                    current == before ? .success(after) : .failure(Refusal(.staleDeal(dealTitle: current.title)))
                }
                if case .saved(let deal) = outcome { saved = deal }
            })
        try check(saved?.stage == after.stage, "save of \(before.id) did not land")
        try check(try store.loadDeal(id: after.id)?.stage == after.stage, "\(after.id) is not on disk as saved")
    }
    return saveTimes
}

/// 4. The report.
func measureReport(_ deals: [Deal], pipeline: Pipeline, team: Team, repetitions: Int) throws -> [Double] {
    var reportTimes: [Double] = []
    var report: FunnelReport?
    for _ in 0..<repetitions {
        reportTimes.append(
            Measure.time {
                report = ReportBuilder.build(
                    deals: deals, pipeline: pipeline, team: team,
                    period: ReportPeriod.trailing(.month, today: Day(now, utcOffset: 0)), now: now, utcOffset: 0)
            })
    }
    try check(
        report?.stages.reduce(0) { $0 + $1.openDeals }
            == deals.filter { d in
                pipeline.stage(id: d.stage).map { $0.kind == .open || $0.kind == .inbox } ?? false
            }.count, "the report's open deals do not add up")
    return reportTimes
}

/// Reference: a plain Foundation JSONDecoder load of the same files.
func measureReference(_ store: FunnelStore, size: Int, repetitions: Int) throws -> [Double] {
    struct Plain: Decodable {
        struct Inner: Decodable { let id: String; let title: String; let stage: String }
        let deal: Inner
    }
    var referenceTimes: [Double] = []
    let paths = try store.dealPaths()
    for _ in 0..<max(1, repetitions / 3) {
        referenceTimes.append(
            try Measure.time {
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
    return referenceTimes
}

/// The child's answer: every figure on one line, in a fixed order.
func encode(_ r: Result) -> String {
    [r.load, r.open, r.columns, r.search, r.archive, r.reference, r.navigate, r.filter, r.move, r.sort, r.save, r.report, r.outside]
        .flatMap { [$0.median, $0.p99] }.map { String($0) }.joined(separator: " ") + " \(r.memory)"
}

func decode(_ line: String, deals: Int) -> Result? {
    let v = line.split(separator: " ").compactMap { Double($0) }
    guard v.count == 27 else { return nil }
    func p(_ i: Int) -> (median: Double, p99: Double) { (v[2 * i], v[2 * i + 1]) }
    return Result(
        deals: deals, load: p(0), open: p(1), columns: p(2), search: p(3), archive: p(4), reference: p(5), navigate: p(6), filter: p(7),
        move: p(8), sort: p(9), save: p(10), report: p(11), outside: p(12), memory: v[26])
}

if let (directory, size) = options.measure {
    // As the board (`BoardCommand.run`): one heap for every thread, before any starts.
    ProcessHeap.useOneArena()
    do {
        let result = try measure(root: directory, size: size)
        // Its worker threads and the board's own allocated from that one heap, as the app's do.
        try check(ProcessHeap.arenaCount == 1, "the board's threads made \(ProcessHeap.arenaCount ?? -1) heaps, not one")
        print(encode(result))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("funnel-bench: FAILED: \(error)\n".utf8))
        exit(1)
    }
}

/// Process start: `funnel --version` from spawn to exit (`posix_spawn`, `wait4`), as a user's
/// `funnel` pays before its first frame; added to every open figure. (Until 2026-11-30 15:20 this
/// was Foundation's `Process` running funnel-bench itself: 52 ms, most of it `Process`'s own
/// waiting, where `funnel --version` takes 12–13 ms.)
let selfPath =
    CommandLine.arguments[0].hasPrefix("/")
    ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0]
var startTimes: [Double] = []
if let funnel = try? CommandBench.funnelBinary() {
    for _ in 0..<10 {
        if let run = try? ProcessTimer.spawn(funnel, ["--version"], environment: [:], files: ["/dev/null", "/dev/null", "/dev/null"]) {
            startTimes.append(run.seconds)
        }
    }
}
let processStart = Measure.summary(startTimes)

var results: [Result] = []
for size in options.sizes {
    FileHandle.standardError.write(Data("funnel-bench: \(size) deals…\n".utf8))
    let root = FileManager.default.temporaryDirectory.path + "/funnel-bench-\(getpid())-\(size)"
    defer { try? FileManager.default.removeItem(atPath: root) }
    do {
        try generate(size: size, root: root)
    } catch {
        FileHandle.standardError.write(Data("funnel-bench: FAILED to generate: \(error)\n".utf8))
        exit(1)
    }
    let child = Process()
    child.executableURL = URL(fileURLWithPath: selfPath)
    child.arguments = ["--measure", root, "\(size)", "--repetitions", "\(options.repetitions)"]
    let pipe = Pipe()
    child.standardOutput = pipe
    do {
        try child.run()
    } catch {
        FileHandle.standardError.write(Data("funnel-bench: cannot start the measuring process: \(error)\n".utf8))
        exit(1)
    }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    guard child.terminationStatus == 0, let result = decode(output.trimmingCharacters(in: .whitespacesAndNewlines), deals: size) else {
        FileHandle.standardError.write(Data("funnel-bench: FAILED at \(size) deals (exit \(child.terminationStatus))\n".utf8))
        exit(1)
    }
    var withStart = result
    withStart.open = (result.open.median + processStart.median, result.open.p99 + processStart.p99)
    results.append(withStart)
}

func f(_ value: Double) -> String { String(format: "%.2f", value) }
func pair(_ p: (median: Double, p99: Double)) -> String { "\(f(p.median)) / \(f(p.p99))" }
print("funnel-bench — milliseconds, median / p99; open includes process start (\(f(processStart.median)) ms); memory: peak resident MB")
print(
    [
        "deals", "load", "open (first frame)", "columns after", "search texts after", "archive read (z, /)", "plain JSONDecoder", "speed-up",
        "navigate", "filter key", "move",
        "sort (s)", "save", "report", "outside change", "memory",
    ]
    .joined(separator: " | "))
for r in results {
    let ratio = r.open.median > 0 ? r.reference.median / r.open.median : 0
    print(
        [
            "\(r.deals)", pair(r.load), pair(r.open), pair(r.columns), pair(r.search), pair(r.archive), pair(r.reference),
            String(format: "%.1f×", ratio),
            pair(r.navigate), pair(r.filter), pair(r.move), pair(r.sort), pair(r.save), pair(r.report), pair(r.outside),
            String(format: "%.0f", r.memory),
        ].joined(separator: " | "))
}
// Then every command as a whole process (`CommandBench`); the smoke run at 1,000 deals, twice each.
print("")
let commandFigures = CommandBench.all(
    sizes: options.smoke ? [1_000] : options.sizes,
    repetitions: options.smoke ? 2 : options.repetitionsGiven ? options.repetitions : nil)
if let path = options.json {
    let rows = results.map { r -> String in
        func o(_ p: (median: Double, p99: Double)) -> String { "{\"median_ms\": \(f(p.median)), \"p99_ms\": \(f(p.p99))}" }
        return
            "{\"deals\": \(r.deals), \"load\": \(o(r.load)), \"open\": \(o(r.open)), \"columns_after_open\": \(o(r.columns)), \"search_after_open\": \(o(r.search)), \"archive_read\": \(o(r.archive)), \"plain_decoder\": \(o(r.reference)), \"navigate\": \(o(r.navigate)), "
            + "\"filter\": \(o(r.filter)), \"move\": \(o(r.move)), \"sort\": \(o(r.sort)), \"save\": \(o(r.save)), \"report\": \(o(r.report)), \"outside_change\": \(o(r.outside)), "
            + "\"peak_memory_mb\": \(String(format: "%.1f", r.memory))}"
    }
    let commands = commandFigures.isEmpty ? "" : ", \"commands\": [\n  " + commandFigures.map(\.json).joined(separator: ",\n  ") + "\n]"
    let text =
        "{\"machine\": \"\(ProcessInfo.processInfo.activeProcessorCount) cores\", \"results\": [\n  "
        + rows.joined(separator: ",\n  ") + "\n]\(commands)}\n"
    writeJSON(text, to: path)
}

/// Writes the JSON figures to `path`; exits 1 when it cannot.
func writeJSON(_ text: String, to path: String) {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
        FileHandle.standardError.write(Data("funnel-bench: cannot write \(path): \(error)\n".utf8))
        exit(1)
    }
}
