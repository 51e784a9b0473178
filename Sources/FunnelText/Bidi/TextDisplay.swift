/// Who puts right-to-left text in reading order on screen: the `bidi` setting.
public enum BidiMode: String, CaseIterable, Sendable {
    /// funnel reorders each field with FriBidi and tells the terminal to keep out (explicit
    /// mode, `CSI 8 l`). For terminals that do no bidi (xterm, tmux, kitty, Alacritty…) and
    /// for VTE, which honours explicit mode.
    case app
    /// The terminal reorders (Konsole, mlterm, macOS Terminal): funnel sends text in logical
    /// order and no bidi escape sequences.
    case terminal
}

/// How the text of a field becomes what the terminal is given: reordered to visual order
/// (in `app` mode) and Arabic shaped (when that option is on). Built from the settings once;
/// the grid applies it to every field it draws.
public struct TextDisplay: Sendable, Hashable {
    /// Whether fields are reordered into visual order (mirroring included).
    public var reorders: Bool
    /// Whether Arabic letters are shaped into their joined presentation forms.
    public var shapesArabic: Bool

    /// `arabicShaping` nil means the default: on in `app` mode, off in `terminal` mode.
    public init(mode: BidiMode = .app, arabicShaping: Bool? = nil) {
        reorders = mode == .app
        shapesArabic = arabicShaping ?? (mode == .app)
    }

    /// What funnel does by default: reorder and shape.
    public static let app = TextDisplay(mode: .app)
    /// Text as stored, for a terminal that reorders itself.
    public static let terminal = TextDisplay(mode: .terminal)

    /// The mode this display stands for.
    public var mode: BidiMode { reorders ? .app : .terminal }

    /// A field already cut to width in logical order, as the terminal must be given it. The
    /// spaces a view put around the field are layout and stay where they are.
    /// `direction` forces the paragraph's direction (a message of the interface reads in the
    /// interface's direction, whatever the title quoted in it starts with).
    /// The bidi marks (LRM, RLM, ALM) steer the ordering and are then dropped (`Sanitize`).
    public func visual(_ field: String, direction: BaseDirection = .auto) -> String {
        guard reorders || shapesArabic, !BidiLine.isLeftToRightOnly(field.unicodeScalars.lazy.map(\.value)) else {
            return Sanitize.droppingBidiMarks(field)
        }
        let leading = field.prefix { $0 == " " }
        let rest = field.dropFirst(leading.count)
        let trailing = rest.reversed().prefix { $0 == " " }
        let core = String(rest.dropLast(trailing.count))
        return String(leading) + line(core, direction: direction).text + String(trailing)
    }

    /// The laid-out line of a field (for an input with a cursor).
    public func line(_ field: String, direction: BaseDirection = .auto) -> BidiLine {
        BidiLine(field, direction: direction, reorder: reorders, shapeArabic: shapesArabic)
    }
}
