import Foundation
import FunnelCore
import FunnelText

/// The board as text, without a terminal: the same state and the same pure render as the
/// board opens with, its grid written out line by line (`funnel screenshot`, README's picture).
public enum BoardScreenshot {
    /// The first frame `actor` sees on `deals`, `width` × `height`, in `locale`; lines without
    /// their trailing blanks. `display` `.terminal` keeps right-to-left text in logical order
    /// (for a web page, which reorders it itself); `.app` gives it as the board paints it.
    public static func text(
        funnel: Funnel, actor: User, deals: [Deal], now: Date, utcOffset: Int, width: Int,
        height: Int, locale: BoardLocale = BoardLocale(), display: TextDisplay = .terminal
    ) -> String {
        var state = BoardState(
            funnel: funnel, actor: actor, deals: deals, now: now, utcOffset: utcOffset,
            width: width, height: height, scope: actor.role == .manager ? .everyone : .mine)
        locale.apply(to: &state)
        state.display = display
        let grid = BoardRender.render(state)
        return (0..<grid.height).map { row in
            let line = grid.line(row)
            return String(line[..<(line.lastIndex { $0 != " " }.map(line.index(after:)) ?? line.startIndex)])
        }.joined(separator: "\n")
    }
}
