import Foundation
import FunnelCore
import FunnelStore

/// `funnel export`: deals, activities and history as CSV for Excel or JSON lines (docs/export.md).
enum ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export", summary: "Export deals, their activities and history as CSV (Excel) or JSON lines.",
        options: Option.specs,
        details: """
            Without --output the deals go to standard output (CSV: deals.csv's content; JSON lines: one deal a line,
            with its history and activities). With --output DIR: deals.csv, activities.csv and history.csv
            (or deals.jsonl, activities.jsonl, history.jsonl), each written atomically.
            A rep exports only the deals they may see. funnel import reads deals.csv back (docs/import.md).
            """)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey {
        case format
        case pipeline
        case all
        case stage
        case since
        case fields
        case output

        var spec: OptionSpec {
            switch self {
            case .format:
                OptionSpec(
                    value: "FORMAT",
                    "xlsx-csv (default: CSV for Excel, UTF-8 with a BOM, CRLF, formulas "
                        + "guarded), csv (the same without the BOM, for other programs) or jsonl (exact values)", oneOf: ExportFormat.self)
            case .pipeline: OptionSpec(value: "PIPELINE", "only deals of this pipeline, by name or id (default: the first)")
            case .all: OptionSpec("every seller's deals (managers only; default: yours and the inbox)")
            case .stage: OptionSpec(value: "STAGE", "only deals in this stage (id or name)")
            case .since: OptionSpec(value: "DATE", "only deals created or changed on or after DATE")
            case .fields: OptionSpec(value: "LIST", "only these deal columns, comma-separated (see docs/export.md)")
            case .output: OptionSpec(value: "DIR", "write deals, activities and history files into DIR (made if missing)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel(arguments)
        let actor = try session.actor(in: funnel)
        let format = try arguments.choice(.format, as: ExportFormat.self) ?? .xlsxCSV
        let columns = try fields(arguments[.fields])
        let deals = try chosenDeals(arguments, funnel: funnel, actor: actor, session: session)
        let files =
            format != .jsonl
            ? ExportFiles.csv(deals, columns: columns, pipeline: funnel.pipeline, forExcel: format == .xlsxCSV)
            : ExportFiles.jsonl(deals, columns: columns, pipeline: funnel.pipeline, nested: arguments[.output] == nil)
        guard let directory = arguments[.output] else {
            Console.document(files[0].text)
            return
        }
        try session.data {
            try AtomicFile.makeDirectory(directory)
            for file in files { try AtomicFile.write(Data(file.text.utf8), to: directory + "/" + file.name) }
        }
        Console.error("exported \(deals.count) deal(s) to " + files.map { directory + "/" + $0.name }.joined(separator: ", "))
    }

    /// The deal columns asked for, in the order given; every column when nil.
    static func fields(_ text: String?) throws -> [String] {
        guard let text else { return DealRecords.dealColumns }
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw CommandFailure.usage("--fields needs at least one column") }
        for name in names where !DealRecords.dealColumns.contains(name) {
            var message = "--fields: “\(name)” is not a column; columns are: \(DealRecords.dealColumns.joined(separator: ", "))"
            if let guess = Suggest.closest(name, among: DealRecords.dealColumns) { message += "; did you mean \(guess)?" }
            throw CommandFailure.usage(message)
        }
        // A column twice would be two keys of one name in a JSON line.
        if let twice = names.indices.first(where: { names[..<$0].contains(names[$0]) }).map({ names[$0] }) {
            throw CommandFailure.usage("--fields: “\(twice)” is named twice")
        }
        return names
    }

    /// The deals the actor may see and asked for, in the board's order.
    static func chosenDeals(_ arguments: Arguments<Option>, funnel: Funnel, actor: User, session: Session) throws -> [Deal] {
        var query = BoardQuery()
        query.scope = try ScopeArguments.parse(all: arguments.flag(.all), owner: nil, funnel: funnel, actor: actor)
        if let stage = arguments[.stage] {
            guard let found = funnel.pipeline.findStage(stage) else {
                throw CommandFailure.usage(Message.unknownStage(text: stage, known: funnel.pipeline.stages.map(\.id)).localized)
            }
            query.stage = found.id
        }
        let since = try arguments[.since].map { try session.day($0, flag: "since") }
        return query.run(try session.deals(for: actor, in: funnel), actor: actor, utcOffset: session.utcOffset)
            .filter { deal in since.map { Day(deal.updated, utcOffset: session.utcOffset) >= $0 } ?? true }
            .sorted { (funnel.pipeline.index(of: $0.stage) ?? 0, $0.id) < (funnel.pipeline.index(of: $1.stage) ?? 0, $1.id) }
    }
}

/// `funnel export --format`: CSV for Excel, plain CSV, or JSON lines.
enum ExportFormat: String, CaseIterable {
    case xlsxCSV = "xlsx-csv"
    case csv
    case jsonl
}
