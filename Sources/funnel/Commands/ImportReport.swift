import Foundation
import FunnelCore

/// What an import plan says, in lines for a person: each row's outcome with its line number.
struct ImportReport {
    let rows: [PlannedRow]
    let unknownColumns: [String]
    let funnel: Funnel
    let actor: User
    /// The deals there were before, by id (to name a duplicate only to someone who may see it).
    let visible: [String: Deal]
    /// The line each new deal comes from, by its id.
    let newLines: [String: Int]

    init(rows: [PlannedRow], unknownColumns: [String], funnel: Funnel, actor: User, visible: [String: Deal]) {
        self.rows = rows
        self.unknownColumns = unknownColumns
        self.funnel = funnel
        self.actor = actor
        self.visible = visible
        var lines: [String: Int] = [:]
        for row in rows { if case .create(let deal, _) = row.outcome { lines[deal.id] = row.line } }
        newLines = lines
    }

    var newDeals: [Deal] {
        rows.compactMap { if case .create(let deal, _) = $0.outcome { return deal } else { return nil } }
    }

    var errors: Int { rows.filter { if case .error = $0.outcome { return true } else { return false } }.count }

    /// Counts of each outcome, as "3 new, 1 duplicate, …".
    func summary(done: Bool) -> String {
        var counts = (new: 0, duplicate: 0, again: 0, skipped: 0, error: 0)
        for row in rows {
            switch row.outcome {
            case .create: counts.new += 1
            case .duplicate: counts.duplicate += 1
            case .alreadyImported: counts.again += 1
            case .skipped: counts.skipped += 1
            case .error: counts.error += 1
            }
        }
        let created = done ? "imported \(counts.new) new" : "would import \(counts.new) new"
        return "\(created), \(counts.duplicate) duplicate(s), \(counts.again) imported before, "
            + "\(counts.skipped) skipped, \(counts.error) with errors"
    }

    /// `--dry-run`: every row on standard output.
    func printDryRun(source: ImportSource) {
        Console.line("reading as \(source.rawValue)")
        if !unknownColumns.isEmpty { Console.line("columns not imported: " + unknownColumns.joined(separator: ", ")) }
        for row in rows {
            if case .create(let deal, let notes) = row.outcome {
                Console.line("line \(row.line): create \(describe(deal))")
                for note in notes { Console.line("line \(row.line): note: \(note)") }
            } else if let text = problem(row.outcome) {
                Console.line("line \(row.line): \(text)")
            }
        }
        Console.line(summary(done: false))
    }

    /// The real run: notes, duplicates and errors on standard error.
    func printProblems() {
        if !unknownColumns.isEmpty { Console.error("funnel: columns not imported: " + unknownColumns.joined(separator: ", ")) }
        for row in rows {
            if case .create(_, let notes) = row.outcome {
                for note in notes { Console.error("line \(row.line): \(note)") }
            } else if let text = problem(row.outcome) {
                Console.error("line \(row.line): \(text)")
            }
        }
    }

    /// A row that creates nothing, in words.
    func problem(_ outcome: ImportOutcome) -> String? {
        switch outcome {
        case .create: return nil
        case .duplicate(let id, let by):
            if let line = newLines[id] { return "duplicate of line \(line) (same \(by)); skipped" }
            let seen = visible[id].map { Visibility.canSee($0, actor: actor) } ?? true
            return seen ? "duplicate of deal \(id) (same \(by)); skipped" : "duplicate of an existing deal (same \(by)); skipped"
        case .alreadyImported(let id):
            let seen = visible[id].map { Visibility.canSee($0, actor: actor) } ?? true
            return seen ? "imported before as deal \(id); skipped" : "imported before; skipped"
        case .skipped(let why): return "skipped: \(why)"
        case .error(let why): return "error: \(why)"
        }
    }

    /// A new deal in one line: title, company, stage, owner, value.
    func describe(_ deal: Deal) -> String {
        var parts = ["“\(deal.title)”"]
        if !deal.company.isEmpty { parts.append(deal.company) }
        parts.append(funnel.pipeline.stage(id: deal.stage)?.name ?? deal.stage)
        parts.append(deal.owner.map { "owner \($0)" } ?? "unassigned")
        if let money = deal.money { parts.append(money.display) }
        return parts.joined(separator: " · ")
    }
}
