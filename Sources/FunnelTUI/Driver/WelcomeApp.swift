import FunnelBoard
import FunnelCore
import FunnelText

/// Runs the welcome screen (`WelcomeState`) on the terminal until the user chooses, and
/// always gives the terminal back before returning.
public enum WelcomeApp {
    /// How the screen ended.
    public enum Result: Sendable, Equatable {
        /// The user chose.
        case chose(WelcomeOutcome)
        /// A signal or a hangup ended it, as it ends the board.
        case ended(BoardApp.Ending)
    }

    public static func run(_ initial: WelcomeState, theme: Theme, display: TextDisplay) -> Result {
        var state = initial
        state.display = display
        let terminal = Terminal(theme: theme)
        terminal.start(mouse: false, bidi: display.mode)
        defer { terminal.stop() }
        let size = terminal.size
        WelcomeUpdate.resize(width: size.width, height: size.height, &state)
        var dirty = true
        while true {
            if dirty { terminal.paint(WelcomeRender.render(state)) }
            let event = terminal.next(timeout: 1_000)
            dirty = event.isInput
            switch event {
            case .quitSignal(let number): return .ended(.signal(number))
            case .hangup: return .ended(.hangup)
            case .key(let key):
                if let outcome = WelcomeUpdate.key(key, &state) { return .chose(outcome) }
            case .resize(let width, let height): WelcomeUpdate.resize(width: width, height: height, &state)
            case .mousePress, .mouseRelease, .mouseClick, .watched, .idle: break
            }
        }
    }
}
