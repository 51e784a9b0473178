/// What a piece of the screen is; the theme decides its colours.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal, header, columnHeader, columnHeaderSelected, card, cardSelected, cardDragged
    case dim, warning, danger, accent, status, statusError, overlay, overlayTitle, selection, input
}

/// The style of one cell: a role plus emphasis.
public struct CellStyle: Hashable, Sendable {
    public var role: StyleRole
    public var bold: Bool

    public init(_ role: StyleRole = .normal, bold: Bool = false) {
        self.role = role
        self.bold = bold
    }

    public static let normal = CellStyle()
}
