import Foundation
import FunnelCore

/// A one-line text prompt.
public struct Prompt: Hashable, Sendable {
    public var title: String
    public var label: String
    /// The text being typed and its cursor.
    public var line: LineEditor
    public var error: String?
    public var purpose: PromptPurpose

    public init(title: String, label: String, text: String, error: String? = nil, purpose: PromptPurpose) {
        self.title = title
        self.label = label
        self.line = LineEditor(text)
        self.error = error
        self.purpose = purpose
    }

    public var text: String { line.text }
}

/// Why a one-line prompt was opened.
public enum PromptPurpose: Hashable, Sendable {
    case reject(dealID: String)
    case nextAction(dealID: String, stage: String, extras: MoveExtras)
    case value(dealID: String, stage: String, extras: MoveExtras)
    case edit(dealID: String, field: DetailField)
    /// The next call's date and a note, after choosing a call's outcome (R11, R14).
    case logCall(LogCall)
    /// A module to bill (R21: refused until its training is logged).
    case bill(dealID: String)
    /// A module the customer was trained on (R21).
    case training(dealID: String)
    /// The stage editor: a new stage's name (placed after `after`), or a stage's new name.
    case newStage(after: String)
    case renameStage(stageID: String)
    /// The stage editor: a stage's limits, "DAYS PERCENT" (stuck after, probability).
    case stageLimits(stageID: String)
}
