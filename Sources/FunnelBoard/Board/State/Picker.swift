import Foundation
import FunnelCore

/// A list to choose from.
public struct Picker: Hashable, Sendable {
    public var title: String
    /// (value, label) pairs.
    public var options: [PickerOption]
    public var selected: Int
    public var purpose: PickerPurpose
}

public struct PickerOption: Hashable, Sendable {
    /// What choosing it picks; nil for the list's "none in particular" entry: every seller, all
    /// cards, no payment terms, leave it.
    public var value: String?
    public var label: String
}

/// Why a list was opened, and what choosing from it does.
public enum PickerPurpose: Hashable, Sendable {
    case reportSeller(ReportScreen)
    case paymentMethod(dealID: String)
    case assign(dealID: String)
    case flag
    case stage(dealID: String)
    case lostReason(dealID: String, stage: String, extras: MoveExtras)
    case owner(dealID: String)
    case seller
    /// High, normal or low (`p`).
    case priority(dealID: String)
    /// R13: a stuck card is moved on (value `move`) or its priority lowered (value `lower`).
    case stuck(dealID: String)
    /// The stage editor: where a removed stage's deals go.
    case removeStage(stageID: String)
    /// The deals behind a figure of the report (Enter opens one); Esc goes back to `screen`.
    case reportDeals(ReportScreen)
    /// Which mail template to send (`e`, when there are several).
    case mailTemplate(MailJob)
    /// Which pipeline to show (`P`, with more than two).
    case pipeline
}
