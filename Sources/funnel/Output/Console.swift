import Foundation
import FunnelText

#if canImport(Glibc)
import Glibc
#endif

/// The one place funnel writes to standard output and standard error. Every byte passes the
/// same sanitiser as `list` (`Sanitize`): escape sequences, control characters and bidi
/// overrides from data never reach the terminal raw. `--json` output passes too, unchanged,
/// because JSON strings already carry those characters as `\u` escapes.
///
/// `line` and `error` write one line: a line break inside is shown as `␊`. `block` writes text
/// whose line breaks and tabs funnel itself put there; the values inside it must have been made
/// one line first (`TextTable` and `Sanitize.line` do that).
enum Console {
    /// How text reaches a terminal (docs/bidi.md): with `bidi = app` on a terminal, each message
    /// line and each table cell is put in visual order, as the board does; nil for pipes and files
    /// (they get logical order) and with `bidi = terminal`. Set once, at start.
    nonisolated(unsafe) static var stdoutDisplay: TextDisplay?
    nonisolated(unsafe) static var stderrDisplay: TextDisplay?
    /// Why writing to an output first failed (`errno`: a full disk, an I/O error), if it did: the
    /// command then ends with exit 4 instead of success, so a cut-short output is never taken
    /// for a whole one.
    nonisolated(unsafe) static var outputFailure: Int32?

    /// Chooses the displays from the settings and whether each output is a terminal.
    static func configure(_ display: TextDisplay?) {
        guard let display, display.reorders || display.shapesArabic else { return }
        stdoutDisplay = isatty(STDOUT_FILENO) != 0 ? display : nil
        stderrDisplay = isatty(STDERR_FILENO) != 0 ? display : nil
    }

    /// One line on standard output.
    static func line(_ text: String) {
        let line = Sanitize.line(text, keepingBidiMarks: stdoutDisplay != nil)
        write((stdoutDisplay?.visual(line) ?? line) + "\n", to: STDOUT_FILENO)
    }

    /// Several lines on standard output, laid out by funnel.
    static func block(_ text: String, terminator: String = "\n") {
        write(Sanitize.text(text) + terminator, to: STDOUT_FILENO)
    }

    /// Lines of text laid out by funnel, each a label and one value (`funnel show`): like
    /// `block`, but each line in visual order on a terminal with bidi = app. Never for JSON.
    static func lines(_ text: String) {
        let lines = text.components(separatedBy: "\n").map { Sanitize.line($0, keepingBidiMarks: stdoutDisplay != nil) }
        write(lines.map { stdoutDisplay?.visual($0) ?? $0 }.joined(separator: "\n") + "\n", to: STDOUT_FILENO)
    }

    /// One message line on standard error.
    static func error(_ text: String) {
        let line = Sanitize.line(text, keepingBidiMarks: stderrDisplay != nil)
        write((stderrDisplay?.visual(line) ?? line) + "\n", to: STDERR_FILENO)
    }

    /// A document on standard output (CSV, roff, a shell script) laid out by funnel: like `block`,
    /// but a carriage return that ends a line (CRLF) passes too. Nothing is added at the end.
    static func document(_ text: String) {
        let lines = text.components(separatedBy: "\r\n").map { Sanitize.text($0) }
        write(lines.joined(separator: "\r\n"), to: STDOUT_FILENO)
    }

    /// Whether standard error is a terminal (progress lines are shown only there).
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// A progress line on standard error, drawn over the previous one; only on a terminal.
    static func progress(_ text: String) {
        guard errorIsTerminal else { return }
        write("\r" + Sanitize.line(text) + "\u{1B}[K", to: STDERR_FILENO)
    }

    /// Clears the progress line, if one was drawn.
    static func endProgress() {
        guard errorIsTerminal else { return }
        write("\r\u{1B}[K", to: STDERR_FILENO)
    }

    /// JSON made by `JSONOut`, as UTF-8 on standard output: checked (`SafeJSON`, on any thread:
    /// `list --all --json` checks its 100 MB on every core, without copying them into strings),
    /// then written as it is.
    static func json(_ checked: SafeJSON) {
        checked.bytes.withUnsafeBytes { write($0, to: STDOUT_FILENO) }
    }

    /// JSON bytes as they may reach standard output: themselves when the sanitiser would change
    /// nothing, else sanitised (`Sanitize.text`). Made only so.
    struct SafeJSON: Sendable {
        let bytes: [UInt8]

        init(_ bytes: [UInt8]) {
            let plain = bytes.withUnsafeBufferPointer { !Sanitize.mayHoldUnsafe(utf8: $0, allowingLineBreaks: true) }
            self.bytes = plain ? bytes : Array(Sanitize.text(String(decoding: bytes, as: UTF8.self)).utf8)
        }
    }

    /// All of `text`, retrying short writes; a closed or full output ends the writing quietly.
    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                // A reader that went away (EPIPE) is not an error; a full disk is.
                if written < 0, errno != EPIPE, outputFailure == nil { outputFailure = errno }
                return
            }
            offset += written
        }
    }
}
