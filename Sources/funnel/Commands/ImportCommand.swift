import Foundation
import FunnelCore

/// `funnel import FILE`: deals from Pipedrive, Kommo or any spreadsheet (docs/import.md).
enum ImportCommand: Command {
    static let spec = CommandSpec(
        name: "import", summary: "Import deals from a Pipedrive, Kommo or other CSV export.",
        arguments: [ArgumentSpec(name: "FILE", required: true, help: "the exported file (- reads standard input)")],
        options: Option.specs,
        details: """
            Delimiters , ; and tab are detected; quoted fields may hold line breaks. Stages are matched by id or name
            (case and spaces ignored); owners by account, name or email. Duplicates (phone, email, or the same title
            and company) and rows imported before create nothing: running the same file twice imports it once.
            A file with bad rows imports nothing unless --skip-bad. Prints the id of each new deal.
            Deals go into the first pipeline, or the one --pipeline names (stages matched there). See docs/import.md.
            """)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey {
        case from
        case map
        case dryRun = "dry-run"
        case pipeline
        case owner
        case strict
        case skipBad = "skip-bad"
        case encoding

        var spec: OptionSpec {
            switch self {
            case .from: OptionSpec(value: "SOURCE", "pipedrive, kommo or csv (default: guessed from the header)", oneOf: ImportSource.self)
            case .map:
                OptionSpec(
                    value: "COLUMN=FIELD",
                    "read COLUMN into FIELD (title, company, contact, phone, email, value, "
                        + "currency, stage, owner, created, next_action_date, next_action, notes, lost_reason, status, source, ignore); "
                        + "may be repeated", repeatable: true)
            case .dryRun: OptionSpec("print what would be created, matched and skipped, with line numbers; change nothing")
            case .pipeline: OptionSpec(value: "PIPELINE", "the pipeline to import into, by name or id (default: the first)")
            case .owner: OptionSpec(value: "USER", "owner of rows without one, or whose owner is not on the team")
            case .strict: OptionSpec("refuse rows whose stage is not one of ours (default: put them in the first open stage)")
            case .skipBad: OptionSpec("import the good rows of a file that has bad ones (default: all or nothing)")
            case .encoding:
                OptionSpec(value: "ENCODING", "utf-8, utf-16le, windows-1255 or windows-1256 (default: detected)", oneOf: TextEncoding.self)
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let request = try ImportRequest(arguments, session: session)
        let funnel = try session.funnel(arguments)
        let actor = try session.actor(in: funnel)
        let table = try request.table()
        let source = request.source ?? ImportRequest.guessSource(table.header)
        if let owner = request.owner { _ = try AccountArgument.known(owner, in: funnel.team) }
        let existing = try session.deals(for: actor)
        let options = ImportOptions(source: source, map: request.map, strict: arguments.flag(.strict), defaultOwner: request.owner)
        var generator = SystemRandomNumberGenerator()
        var planner = ImportPlanner(
            funnel: funnel, actor: actor, options: options, existing: existing, now: session.now,
            utcOffset: session.utcOffset, makeID: { DealID.make(using: &generator) })
        Console.progress("reading \(table.rows.count) rows…")
        let planned: (columns: ImportColumnMap, rows: [PlannedRow])
        switch planner.plan(table) {
        case .failure(let error): throw CommandFailure.usage("import: \(error.message); nothing was imported")
        case .success(let plan): planned = plan
        }
        Console.endProgress()
        let report = ImportReport(
            rows: planned.rows, unknownColumns: planned.columns.unknown, funnel: funnel, actor: actor,
            visible: Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        if arguments.flag(.dryRun) {
            report.printDryRun(source: source)
        } else {
            try write(report, skipBad: arguments.flag(.skipBad), session: session)
        }
        if report.errors > 0 && !arguments.flag(.skipBad) {
            let nothing = arguments.flag(.dryRun) ? "the real run would import nothing" : "nothing was imported"
            throw CommandFailure(
                code: .usage,
                lines: [
                    "\(report.errors) row(s) cannot be imported; \(nothing)",
                    "fix them, or import the others with --skip-bad",
                ])
        }
    }

    /// The real run: all or nothing unless `skipBad`; new deals written in batches, with progress on a terminal.
    static func write(_ report: ImportReport, skipBad: Bool, session: Session) throws {
        report.printProblems()
        guard report.errors == 0 || skipBad else { return }
        let deals = report.newDeals
        let batch = 500
        var written = 0
        while written < deals.count {
            let slice = Array(deals[written..<min(written + batch, deals.count)])
            try session.data { try session.store.insertBulk(slice) }
            written += slice.count
            Console.progress("imported \(written) of \(deals.count)")
        }
        Console.endProgress()
        for deal in deals { Console.line(deal.id) }
        Console.error(report.summary(done: true))
    }
}
