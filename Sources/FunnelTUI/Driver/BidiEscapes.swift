import Foundation
import FunnelBoard

/// The escape sequences of the terminal bidi specification ("BiDi in Terminal Emulators",
/// terminal-wg, https://terminal-wg.pages.freedesktop.org/bidi/recommendation/escape-sequences.html):
/// ECMA-48's BDSM (mode 8) and SCP. Terminals that do not know them ignore them.
enum BidiEscapes {
    /// On start, before curses: explicit mode (`CSI 8 l`, RM BDSM: the terminal shows each
    /// character in the cell it is written to, reordering nothing) and left-to-right paragraph
    /// direction (`CSI 1 SP k`, SCP 1). funnel then sends every field in visual order itself.
    static let enter = "\u{1B}[8l\u{1B}[1 k"

    /// On exit, after curses (and from the fatal-signal handler): the default paragraph
    /// direction (`CSI 0 SP k`) and implicit mode (`CSI 8 h`, SM BDSM), the terminal's default.
    static let leave = "\u{1B}[0 k\u{1B}[8h"
}
