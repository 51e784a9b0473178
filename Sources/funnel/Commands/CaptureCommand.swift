import Foundation
import FunnelCore
import FunnelStore

/// `funnel capture [FILE]`: new leads from a web form, a phone system or a CSV drop, into the inbox (R4).
enum CaptureCommand: Command {
    static let spec = CommandSpec(
        name: "capture", summary: "Read new leads (JSON lines or CSV) into the inbox; duplicates attach to their deal.",
        arguments: [ArgumentSpec(name: "FILE", required: false, help: "read this file (default: standard input; - also means it)")],
        options: Option.specs,
        details: """
            Fields: name, company, phone, email, source, note (CSV: a header row names the columns; UTF-8, BOM allowed).
            Each bad record is reported with its line number and skipped; the good ones are kept.
            A lead whose phone or email matches an open deal is logged on that deal instead of becoming a new card.
            Prints the id of each new deal. Exit code 2 when any record was skipped.
            """)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey {
        case format
        case source
        case pipeline

        var spec: OptionSpec {
            switch self {
            case .format: OptionSpec(value: "FORMAT", "csv or jsonl (default: guessed from the first character)", oneOf: CaptureFormat.self)
            case .source: OptionSpec(value: "TEXT", "where these leads come from, when a record does not say")
            case .pipeline: OptionSpec(value: "PIPELINE", "capture into this pipeline's inbox, matching its deals (default: the first)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let format = try arguments.choice(.format, as: CaptureFormat.self)?.format
        if let source = arguments[.source], !Limits.fits(source, Limits.fieldLength) {
            throw CommandFailure.refused(Message.fieldTooLong(field: "source", limit: Limits.fieldLength).localized)
        }
        let data = try input(arguments.positionals.first ?? "-")
        let funnel = try session.funnel(arguments)
        let actor = try session.actor(in: funnel)
        guard let inbox = funnel.pipeline.inboxStage else {
            throw CommandFailure.usage("this pipeline has no inbox stage to capture leads into")
        }
        let records: [LeadRecord]
        switch LeadReader.read(data, format: format) {
        case .failure(let error): throw CommandFailure.usage("capture: \(error.message); nothing was captured")
        case .success(let read): records = read
        }
        // One capture at a time: the duplicate check below reads the deals after any earlier capture.
        let capture = try session.store.withCaptureTurn {
            var capture = try LeadCapture(session: session, funnel: funnel, actor: actor, inbox: inbox.id, source: arguments[.source])
            capture.total = records.count
            for record in records { try capture.take(record) }
            try capture.flush()
            return capture
        }
        Console.error("captured \(capture.created) new, \(capture.attached) attached to existing deals, \(capture.skipped) skipped")
        if capture.skipped > 0 {
            throw CommandFailure(code: .usage, message: "\(capture.skipped) record(s) skipped; the others were kept")
        }
    }

    /// The bytes of `path`, or of standard input for "-".
    static func input(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let read = FileManager.default.contents(atPath: path) else { throw CommandFailure.usage("cannot read \(path)") }
        return read
    }
}

/// One `funnel capture` run: each lead read either attached to the deal it matches or made a
/// new deal in the inbox; what happened to each on standard error, new ids on standard output.
struct LeadCapture {
    let session: Session
    let funnel: Funnel
    let actor: User
    let inbox: String
    /// `--source`, for leads that name none.
    let source: String?
    var matcher: LeadMatcher
    var existing: Set<String>
    var generator = SystemRandomNumberGenerator()
    var created = 0, attached = 0, skipped = 0
    /// New deals made but not yet on disk: written together (`insertBatch`), their ids printed
    /// once they are.
    var pending: [Deal] = []
    /// How many new deals are written together.
    static let batch = 500
    /// The records in the input, and whether a progress line is drawn (stdout and stderr both a
    /// terminal: never into a pipe).
    var total = 0
    let showsProgress = isatty(STDOUT_FILENO) != 0 && Console.errorIsTerminal

    init(session: Session, funnel: Funnel, actor: User, inbox: String, source: String?) throws {
        self.session = session
        self.funnel = funnel
        self.actor = actor
        self.inbox = inbox
        self.source = source
        // The matcher indexes open deals only: the closed ones are not even decoded.
        let open = try session.deals(for: actor, in: funnel) { funnel.pipeline.stage(id: $0.stage)?.kind.isClosed == false }
        matcher = LeadMatcher(deals: open, pipeline: funnel.pipeline)
        existing = Set(try session.data { try session.store.dealIDs() })
    }

    /// Captures one record (a record that could not be read is skipped).
    mutating func take(_ record: LeadRecord) throws {
        switch record.result {
        case .failure(let error):
            skipped += 1
            say("line \(record.line): \(error.message); skipped")
        case .success(var lead):
            if lead.source.isEmpty { lead.source = source ?? "" }
            if let match = matcher.match(lead) { return try attach(lead, to: match, line: record.line) }
            try create(lead, line: record.line)
        }
    }

    /// Logs `lead` on the deal it matches.
    mutating func attach(_ lead: Lead, to match: String, line: Int) throws {
        // The match may be a lead of this very input, not yet written.
        if pending.contains(where: { $0.id == match }) { try flush() }
        let deal = try session.change(
            match, by: actor, funnel: funnel,
            .attachLead(
                note: [lead.name, lead.phone, lead.email, lead.note].filter { !$0.isEmpty }.joined(separator: ", "),
                source: lead.source))
        attached += 1
        // Another rep's customer is still theirs (R4), but which deal it is stays theirs too (R15).
        let which = Visibility.canSee(deal, actor: actor) ? "matches deal \(match); logged on it" : "attached to an existing deal"
        say("line \(line): \(which)")
    }

    /// Makes `lead` a new deal in the inbox, or skips it when a rule refuses.
    mutating func create(_ lead: Lead, line: Int) throws {
        var id = DealID.make(using: &generator)
        while existing.contains(id) { id = DealID.make(using: &generator) }
        var draft = lead.draft(inbox: inbox)
        draft.owner = nil
        switch funnel.create(draft, id: id, by: actor, now: session.now, utcOffset: session.utcOffset) {
        case .failure(let refusal):
            skipped += 1
            say("line \(line): \(refusal.message.localized); skipped")
        case .success(var deal):
            deal.source = lead.source
            existing.insert(id)
            matcher.add(deal)
            pending.append(deal)
            if pending.count >= Self.batch { try flush() }
        }
    }

    /// Writes the pending deals, then prints their ids: an id printed is a deal on disk. When only
    /// some could be written (a full disk), their ids are printed before the error.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let deals = pending
        pending.removeAll()
        do {
            try session.data { try session.store.insertBatch(deals) }
        } catch let partial as PartialBatch {
            printCreated(partial.written)
            throw CommandFailure(storeError: partial.cause)
        }
        printCreated(deals.map(\.id))
        if showsProgress { Console.progress("captured \(created + attached + skipped) of \(total) leads") }
    }

    /// The ids of deals now on disk, one a line.
    mutating func printCreated(_ ids: [String]) {
        created += ids.count
        if showsProgress { Console.endProgress() }
        if !ids.isEmpty { Console.block(ids.joined(separator: "\n")) }
    }

    /// A line about one record on stderr, clearing the progress line first.
    func say(_ text: String) {
        if showsProgress { Console.endProgress() }
        Console.error(text)
    }
}

/// `funnel capture --format`: how the leads are written.
enum CaptureFormat: String, CaseIterable {
    case csv, jsonl

    /// The reader's format of the same name.
    var format: LeadReader.Format {
        switch self {
        case .csv: .csv
        case .jsonl: .jsonl
        }
    }
}
