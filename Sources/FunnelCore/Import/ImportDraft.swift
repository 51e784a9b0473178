import Foundation

/// One row's values read into a new deal's fields: amounts, dates, the stage (by status, id or
/// name) and the owner (by account, name or email) matched to ours.
struct ImportDraft {
    var deal: NewDeal
    var created: Date?
    /// What was guessed, said to the person importing (an unmatched stage, a replaced owner).
    var notes: [String] = []
    /// Why the row is left out on purpose (deleted in the other CRM).
    var skip: String?

    static func make(
        _ values: [ImportField: String], funnel: Funnel, options: ImportOptions,
        utcOffset: Int
    ) -> Result<ImportDraft, ImportError> {
        func text(_ field: ImportField) -> String { values[field] ?? "" }
        let title = text(.title).isEmpty ? text(.company) : text(.title)
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(ImportError("has no title or company"))
        }
        var draft = ImportDraft(deal: NewDeal(title: title))
        draft.deal.company = text(.company)
        draft.deal.contact = text(.contact)
        draft.deal.phone = text(.phone)
        draft.deal.email = text(.email)
        draft.deal.notes = text(.notes)
        if !text(.value).isEmpty {
            guard let amount = ImportValues.amount(text(.value)) else {
                return .failure(ImportError("value “\(text(.value))” is not an amount"))
            }
            draft.deal.value = amount
        }
        if !text(.currency).isEmpty {
            guard Money.isValidCurrency(text(.currency)) else {
                return .failure(ImportError("currency “\(text(.currency))” is not a three-letter code such as ILS"))
            }
            draft.deal.currency = text(.currency).uppercased()
        }
        if !text(.created).isEmpty {
            guard let created = ImportValues.moment(text(.created), utcOffset: utcOffset) else {
                return .failure(ImportError("created “\(text(.created))” is not a date (2026-11-24, 24.11.2026, 24/11/2026)"))
            }
            draft.created = created
        }
        if !text(.nextActionDate).isEmpty {
            guard let day = ImportValues.day(text(.nextActionDate)) else {
                return .failure(ImportError("next action date “\(text(.nextActionDate))” is not a date"))
            }
            draft.deal.nextAction = NextAction(date: day, text: text(.nextAction))
        } else if !text(.nextAction).isEmpty {
            draft.notes.append("next action “\(text(.nextAction))” has no date; left out")
        }
        draft.deal.lostReason = text(.lostReason).isEmpty ? nil : text(.lostReason)
        if let error = draft.placeStage(values, pipeline: funnel.pipeline, strict: options.strict) { return .failure(error) }
        if let error = draft.placeOwner(text(.owner), team: funnel.team, fallback: options.defaultOwner) { return .failure(error) }
        return .success(draft)
    }

    /// Sets the stage from the status (won, lost) and the stage cell; nil when placed.
    mutating func placeStage(_ values: [ImportField: String], pipeline: Pipeline, strict: Bool) -> ImportError? {
        let stageText = values[.stage] ?? ""
        let statusText = values[.status] ?? ""
        var status = ImportValues.status(statusText)
        if !statusText.isEmpty, status == nil {
            return ImportError("status “\(statusText)” is not open, won, lost or deleted")
        }
        let matched = ImportValues.stage(stageText, in: pipeline)
        if status == nil, matched == nil { status = ImportValues.status(stageText) }
        switch status {
        case .deleted:
            skip = "deleted in the other CRM"
        case .won, .lost:
            let kind: StageKind = status == .won ? .won : .lost
            guard let stage = matched?.kind == kind ? matched : pipeline.stages.first(where: { $0.kind == kind }) else {
                return ImportError("the pipeline has no \(kind.rawValue) stage")
            }
            deal.stage = stage.id
        case .open, nil:
            if let matched {
                deal.stage = matched.id
            } else if !stageText.isEmpty {
                let first = pipeline.firstOpenStage
                if strict {
                    return ImportError(
                        "stage “\(stageText)” is not one of ours (" + pipeline.stages.map(\.name).joined(separator: ", ")
                            + "); --strict refuses it")
                }
                notes.append("stage “\(stageText)” is not one of ours; put in \(first.name)")
                deal.stage = first.id
            }
        }
        return nil
    }

    /// Sets the owner from the cell, else `fallback`; nil when placed.
    mutating func placeOwner(_ text: String, team: Team, fallback: String?) -> ImportError? {
        if text.isEmpty {
            deal.owner = fallback
        } else if let user = ImportValues.owner(text, in: team) {
            deal.owner = user.account
        } else if let fallback {
            notes.append("owner “\(text)” is not on the team; given to \(fallback)")
            deal.owner = fallback
        } else {
            return ImportError("owner “\(text)” is not on the team (see: funnel team); give --owner USER for such rows")
        }
        return nil
    }
}
