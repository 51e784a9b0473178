import Foundation

/// Turns an import file's rows into outcomes without writing anything: each new deal is made by
/// `Funnel.create`, so every rule (R6, R7, R8, R15, R20, limits) checks it; a duplicate (phone,
/// email, or the same title and company, as `capture` matches) and a row imported before (its
/// key in a deal's `source`) create nothing.
public struct ImportPlanner {
    /// The pipeline, team and rules every new deal is checked against.
    public let funnel: Funnel
    /// Who imports: the author of each new deal's first history entry (and R15's subject).
    public let actor: User
    /// Source, `--map`, `--strict`, `--owner`.
    public let options: ImportOptions
    /// The time of a deal whose row gives no creation time; a later one is refused.
    public let now: Date
    /// The local offset from UTC, for times without a zone.
    public let utcOffset: Int
    private var matcher: LeadMatcher
    private var imported: [String: String] = [:]
    private var taken: Set<String>
    /// The file is funnel's own export (`isFunnelExport`).
    private var fromFunnelExport = false
    private let makeID: () -> String

    /// `existing`: every deal there is (for duplicates and earlier imports); `makeID` gives new ids.
    public init(
        funnel: Funnel, actor: User, options: ImportOptions, existing: [Deal], now: Date, utcOffset: Int,
        makeID: @escaping () -> String
    ) {
        self.funnel = funnel
        self.actor = actor
        self.options = options
        self.now = now
        self.utcOffset = utcOffset
        self.makeID = makeID
        matcher = LeadMatcher(deals: existing, pipeline: funnel.pipeline)
        taken = Set(existing.map(\.id))
        for deal in existing {
            if let key = ImportKey.find(in: deal.source) { imported[key] = deal.id }
        }
    }

    /// Every row's outcome, in file order; or why the file as a whole cannot be imported.
    public mutating func plan(_ table: ImportTable) -> Result<(columns: ImportColumnMap, rows: [PlannedRow]), ImportError> {
        let columns: ImportColumnMap
        switch ImportColumnMap.resolve(header: table.header, options: options) {
        case .failure(let error): return .failure(error)
        case .success(let map): columns = map
        }
        // funnel's own export lists distinct deals: its rows never duplicate one another.
        fromFunnelExport = Self.isFunnelExport(table.header)
        var rows: [PlannedRow] = []
        rows.reserveCapacity(table.rows.count)
        for row in table.rows {
            let outcome: ImportOutcome
            if row.cells.count != table.header.count {
                outcome = .error("has \(row.cells.count) fields, the header has \(table.header.count)")
            } else {
                outcome = plan(cells: row.cells, values: columns.values(row.cells))
            }
            rows.append(PlannedRow(line: row.line, outcome: outcome))
        }
        return .success((columns, rows))
    }

    /// Whether a header is that of `funnel export`'s deals.csv (its id, stage kind and revision columns).
    public static func isFunnelExport(_ header: [String]) -> Bool {
        let names = Set(header.map(ImportSource.normalize))
        return names.isSuperset(of: ["id", "stage_kind", "revision"])
    }

    /// One row's outcome; a new deal is remembered so later rows can duplicate it. A row closed as
    /// won or lost is a record of the past, not a lead: it is matched to no deal (as capture
    /// matches leads to open deals only).
    mutating func plan(cells: [String], values: [ImportField: String]) -> ImportOutcome {
        let key = ImportKey.of(cells)
        if let id = imported[key] { return .alreadyImported(id: id) }
        let draft: ImportDraft
        switch ImportDraft.make(values, funnel: funnel, options: options, utcOffset: utcOffset) {
        case .failure(let error): return .error(error.message)
        case .success(let made): draft = made
        }
        if let skip = draft.skip { return .skipped(skip) }
        let deal = draft.deal
        let closed = deal.stage.flatMap { funnel.pipeline.findStage($0) }?.kind.isClosed ?? false
        if !closed, let match = matcher.match(phone: deal.phone, email: deal.email, title: deal.title, company: deal.company) {
            return .duplicate(of: match.id, by: match.by)
        }
        if let created = draft.created, created > now {
            return .error("created \(Timestamp.format(created)) is in the future")
        }
        var id = makeID()
        while taken.contains(id) { id = makeID() }
        switch funnel.create(deal, id: id, by: actor, now: draft.created ?? now, utcOffset: utcOffset) {
        case .failure(let refusal):
            return .error(refusal.message.text)
        case .success(var made):
            made.source = ImportKey.source(values[.source] ?? "\(options.source.rawValue) import", key: key)
            taken.insert(id)
            imported[key] = id
            if !fromFunnelExport, !(funnel.pipeline.stage(id: made.stage)?.kind.isClosed ?? true) { matcher.add(made) }
            return .create(made, notes: draft.notes)
        }
    }
}
