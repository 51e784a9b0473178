import CNcursesw
import Foundation
import FunnelText

/// What the terminal reported.
public enum TerminalEvent: Sendable {
    case key(KeyPress)
    case resize(width: Int, height: Int)
    case mousePress(x: Int, y: Int)
    case mouseRelease(x: Int, y: Int)
    /// A signal asked us to quit (SIGINT, SIGTERM, SIGHUP).
    case quitSignal
    /// Nothing within the timeout.
    case idle
}

/// The ncurses terminal: the one place that sets it up and restores it. It paints grids and
/// reads keys; it knows nothing of deals.
public final class Terminal {
    private var active = false
    private var pairs: [StyleRole: Int16] = [:]
    private var attributes: [StyleRole: attr_t] = [:]
    private let theme: Theme

    public init(theme: Theme) {
        self.theme = theme
    }

    /// Enters curses mode: alternate screen, no echo, keypad, 25 ms Esc delay, colours.
    public func start(mouse: Bool) {
        TerminalLocale.prepare()
        funnel_install_signal_handlers()
        initscr()
        active = true
        cbreak()
        noecho()
        nonl()
        keypad(funnel_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(funnel_stdscr(), 200)
        if mouse {
            mousemask(funnel_mouse_mask(), nil)
            mouseinterval(0)
        }
        setUpColors()
    }

    /// Leaves curses mode and restores the terminal. Safe to call more than once.
    public func stop() {
        guard active else { return }
        active = false
        endwin()
    }

    deinit { stop() }

    public var size: (width: Int, height: Int) { (Int(funnel_cols()), Int(funnel_lines())) }

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
        refresh()
    }

    /// Waits up to the input timeout for a key, a resize, a mouse event or a quit signal.
    public func read() -> TerminalEvent {
        if funnel_pending_signal() != 0 { return .quitSignal }
        var ch: wint_t = 0
        let result = wget_wch(funnel_stdscr(), &ch)
        if funnel_pending_signal() != 0 { return .quitSignal }
        if result == ERR { return .idle }
        if result == KEY_CODE_YES {
            let code = Int32(ch)
            if code == funnel_key_resize() { return .resize(width: size.width, height: size.height) }
            if code == funnel_key_mouse() { return mouseEvent() }
            return KeyDecoder.special(code).map { .key($0) } ?? .idle
        }
        return KeyDecoder.character(UInt32(ch)).map { .key($0) } ?? .idle
    }

    private func mouseEvent() -> TerminalEvent {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .idle }
        if funnel_button1_pressed(event.bstate) != 0 { return .mousePress(x: Int(event.x), y: Int(event.y)) }
        if funnel_button1_released(event.bstate) != 0 { return .mouseRelease(x: Int(event.x), y: Int(event.y)) }
        if funnel_button1_clicked(event.bstate) != 0 { return .mousePress(x: Int(event.x), y: Int(event.y)) }
        return .idle
    }
}
