import CFunnelSignals
import CNcursesw
import Foundation
import FunnelBoard
import FunnelText

#if canImport(Glibc)
import Glibc
#endif

/// What the terminal reported.
public enum TerminalEvent: Sendable {
    case key(KeyPress)
    case resize(width: Int, height: Int)
    case mousePress(x: Int, y: Int)
    case mouseRelease(x: Int, y: Int)
    /// A press and its release at one cell, reported as one (ncurses makes a click of the two
    /// when both arrive at once, as they do while the board is busy): a card selected, none held.
    case mouseClick(x: Int, y: Int)
    /// A signal asked us to quit (SIGINT, SIGTERM, SIGHUP): its number.
    case quitSignal(Int32)
    /// The terminal went away (end of input, EIO, POLLHUP): the window closed, the ssh
    /// connection dropped, the tmux server died.
    case hangup
    /// The other descriptor the caller asked to watch is readable.
    case watched
    /// Nothing within the timeout.
    case idle
}

extension TerminalEvent {
    /// How the board ends on a quit signal or a hangup; nil for any other event.
    public var ending: BoardApp.Ending? {
        switch self {
        case .quitSignal(let number): return .signal(number)
        case .hangup: return .hangup
        default: return nil
        }
    }

    /// A key, a resize or a mouse event: something the user did, after which the board redraws.
    public var isInput: Bool {
        switch self {
        case .key, .resize, .mousePress, .mouseRelease, .mouseClick: return true
        case .quitSignal, .hangup, .watched, .idle: return false
        }
    }
}

/// The ncurses terminal: the one place that sets it up and restores it. It paints grids and
/// reads keys; it knows nothing of deals.
public final class Terminal {
    private var active = false
    private var pairs: [StyleRole: Int16] = [:]
    private var attributes: [StyleRole: attr_t] = [:]
    private let theme: Theme
    private var bidi: BidiMode = .terminal

    public init(theme: Theme) {
        self.theme = theme
    }

    /// Enters curses mode: alternate screen, no echo, keypad, 25 ms Esc delay, colours. In
    /// `bidi` mode `app` the terminal is first put in explicit bidi mode (`BidiEscapes`), and a
    /// crash gives implicit mode back along with the rest.
    public func start(mouse: Bool, bidi: BidiMode = .app) {
        TerminalLocale.prepare()
        // Before initscr: ncurses leaves handlers alone that are already installed.
        _ = funnel_signals_install()
        self.bidi = bidi
        // What the fatal-signal handler writes after endwin: everything `stop` gives back.
        funnel_signals_set_restore(Self.bracketedPasteOff + (bidi == .app ? BidiEscapes.leave : ""))
        if bidi == .app { Self.writeRaw(BidiEscapes.enter) }
        initscr()
        active = true
        cbreak()
        // Ctrl-S is a key (sync, docs/keys.md), not XOFF: flow control off while the board runs
        // (endwin gives the shell's settings back).
        var modes = termios()
        if tcgetattr(STDIN_FILENO, &modes) == 0 {
            modes.c_iflag &= ~tcflag_t(IXON)
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &modes)
            def_prog_mode()
        }
        noecho()
        nonl()
        keypad(funnel_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        // Keys are read without waiting; `next` waits in poll() for the terminal, a signal's
        // wake-up byte and the caller's descriptor at once.
        wtimeout(funnel_stdscr(), 0)
        if mouse {
            mousemask(funnel_mouse_mask(), nil)
            mouseinterval(0)
        }
        setUpColors()
        // Bracketed paste: a pasted line arrives as one text, its line breaks not taken as Enter.
        Self.writeRaw(Self.bracketedPasteOn)
    }

    /// Writes bytes straight to the terminal (standard output), outside curses' buffer.
    static func writeRaw(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 {
                if written < 0, errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    static let bracketedPasteOn = "\u{1b}[?2004h"
    static let bracketedPasteOff = "\u{1b}[?2004l"

    /// Leaves curses mode and restores the terminal. Safe to call more than once.
    public func stop() {
        guard active else { return }
        active = false
        Self.writeRaw(Self.bracketedPasteOff)
        endwin()
        if bidi == .app { Self.writeRaw(BidiEscapes.leave) }
    }

    /// Gives the terminal to another program (the editor): out of curses mode as `stop` leaves
    /// it, until `resume`.
    public func suspend() {
        guard active else { return }
        Self.writeRaw(Self.bracketedPasteOff)
        endwin()
        if bidi == .app { Self.writeRaw(BidiEscapes.leave) }
    }

    /// Takes the terminal back after `suspend` and redraws everything.
    public func resume() {
        guard active else { return }
        if bidi == .app { Self.writeRaw(BidiEscapes.enter) }
        clearok(funnel_stdscr(), true)
        refresh()
        Self.writeRaw(Self.bracketedPasteOn)
    }

    deinit { stop() }

    public var size: (width: Int, height: Int) { (Int(funnel_cols()), Int(funnel_lines())) }

    /// The width of the terminal on standard output, asked before `start` (ncurses may yet find
    /// another: `COLUMNS`); nil when it is no terminal.
    public static func widthBeforeStart() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    private func setUpColors() {
        let colors = has_colors() && theme.usesColor
        if colors {
            start_color()
            use_default_colors()
        }
        let rich = colors && funnel_colors() >= 256
        var next: Int16 = 1
        for role in StyleRole.allCases {
            let entry = theme.entry(role)
            var attrs = funnel_a_normal()
            if entry.bold { attrs |= funnel_a_bold() }
            if entry.reverse { attrs |= funnel_a_reverse() }
            if entry.underline { attrs |= funnel_a_underline() }
            if entry.dim { attrs |= funnel_a_dim() }
            attributes[role] = attrs
            guard colors, Int32(next) < funnel_color_pairs() else { continue }
            let fg = rich ? entry.foreground : entry.foreground8
            let bg = rich ? entry.background : entry.background8
            init_pair(next, clamp(fg.curses), clamp(bg.curses))
            pairs[role] = next
            next += 1
        }
    }

    private func clamp(_ color: Int16) -> Int16 { color < Int16(funnel_colors()) ? color : -1 }

    /// Paints a whole grid and shows it.
    public func paint(_ grid: Grid) {
        var buffer: [wchar_t] = []
        for y in 0..<min(grid.height, Int(funnel_lines())) {
            for x in 0..<min(grid.width, Int(funnel_cols())) {
                let cell = grid[x, y]
                if cell.text.isEmpty { continue }
                buffer.removeAll(keepingCapacity: true)
                for scalar in cell.text.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
                buffer.append(0)
                var attrs = attributes[cell.style.role] ?? funnel_a_normal()
                if cell.style.bold { attrs |= funnel_a_bold() }
                _ = funnel_put_cluster(Int32(y), Int32(x), buffer, attrs, pairs[cell.style.role] ?? 0)
            }
        }
        if let cursor = grid.cursor, cursor.x < Int(funnel_cols()), cursor.y < Int(funnel_lines()) {
            curs_set(1)
            wmove(funnel_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
    }

    /// Waits up to `timeout` milliseconds for a key, a resize, a mouse event, a quit signal, the
    /// terminal going away, or `watching` becoming readable. A signal wakes it at once.
    public func next(timeout: Int32, watching: Int32? = nil) -> TerminalEvent {
        if let signal = pendingSignal { return .quitSignal(signal) }
        // ncurses may hold keys it already read (the rest of an escape sequence).
        if let event = readKey() { return event }
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: funnel_signals_wakeup_fd(), events: Int16(POLLIN), revents: 0),
        ]
        if let watching { fds.append(pollfd(fd: watching, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), timeout)
        funnel_signals_drain()
        if let signal = pendingSignal { return .quitSignal(signal) }
        guard ready > 0 else { return .idle }
        let input = fds[0].revents
        if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
        if input & Int16(POLLIN) != 0 {
            if let event = readKey() { return event }
            if Self.inputIsAtEnd() { return .hangup }
        }
        if fds.count > 2, fds[2].revents != 0 { return .watched }
        return .idle
    }

    private var pendingSignal: Int32? {
        let signal = funnel_signals_pending()
        return signal == 0 ? nil : signal
    }

    /// One key, resize or mouse event that ncurses has now, or nil.
    private func readKey() -> TerminalEvent? {
        var ch: wint_t = 0
        let result = wget_wch(funnel_stdscr(), &ch)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            let code = Int32(ch)
            if code == funnel_key_resize() { return .resize(width: size.width, height: size.height) }
            if code == funnel_key_mouse() { return mouseEvent() }
            return KeyDecoder.special(code).map { .key($0) } ?? .idle
        }
        if ch == 27 { return afterEscape().map { .key($0) } ?? .idle }
        return KeyDecoder.character(UInt32(ch)).map { .key($0) } ?? .idle
    }

    /// After poll said the terminal was readable and ncurses found nothing: a live terminal whose
    /// bytes were consumed is no longer readable; one at end of input (or hung up) still is.
    static func inputIsAtEnd() -> Bool {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) > 0 else { return false }
        if fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        var available: Int32 = 0
        return ioctl(STDIN_FILENO, UInt(FIONREAD), &available) != 0 || available == 0
    }

    private func mouseEvent() -> TerminalEvent {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .idle }
        if funnel_button1_pressed(event.bstate) != 0 { return .mousePress(x: Int(event.x), y: Int(event.y)) }
        if funnel_button1_released(event.bstate) != 0 { return .mouseRelease(x: Int(event.x), y: Int(event.y)) }
        if funnel_button1_clicked(event.bstate) != 0 { return .mouseClick(x: Int(event.x), y: Int(event.y)) }
        return .idle
    }
}
