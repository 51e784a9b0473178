import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension BoardTests {
    /// What the terminal is told about bidi (the terminal-wg bidi specification): explicit mode
    /// and LTR paragraphs on start, implicit mode back on exit — or nothing with `bidi = terminal`.
    /// The pane's output is recorded byte for byte with `tmux pipe-pane -O`.
    @Suite("Bidi: explicit mode on start, implicit mode on exit", .serialized)
    struct BidiTerminal {
        static let explicitMode = "\u{1B}[8l"
        static let leftToRight = "\u{1B}[1 k"
        static let implicitMode = "\u{1B}[8h"
        static let alternateScreen = "\u{1B}[?1049h"

        /// Runs the board (with `environment` added) until `end` stops it; the bytes the
        /// terminal received, up to the shell's report of the exit status.
        static func record(
            environment: [String: String] = [:], config: String? = nil,
            end: (TmuxBoard) throws -> Void = { try $0.press("q") }
        ) throws -> (output: String, status: Int32) {
            let world = try FunnelWorld.team()
            try world.add("הזמנה 123 של Acme", "--company", "Acme", "--next", "+1d")
            if let config {
                let directory = world.root.appendingPathComponent("config/funnel")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try config.write(to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
            }
            let log = world.root.appendingPathComponent("terminal-output")
            let board = try TmuxBoard(world, extraEnvironment: environment, recordOutput: log)
            defer { board.close() }
            try board.waitForBoard()
            try end(board)
            let status = try board.waitForExit(timeout: 10)
            var output = ""
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if output.contains("EXIT=") { break }
                usleep(25_000)
            }
            return (output, status)
        }

        @Test("bidi = app (the default): CSI 8 l and CSI 1 SP k before the board, CSI 8 h after it")
        func explicitModeWhileOpen() throws {
            let (output, status) = try Self.record()
            #expect(status == 0)
            let enter = try #require(output.range(of: Self.explicitMode), "no CSI 8 l in the output")
            let screen = try #require(output.range(of: Self.alternateScreen), "no alternate screen in the output")
            let leave = try #require(output.range(of: Self.implicitMode, options: .backwards), "no CSI 8 h in the output")
            #expect(output.contains(Self.leftToRight))
            #expect(enter.lowerBound < screen.lowerBound, "explicit mode is set before the board is drawn")
            #expect(screen.lowerBound < leave.lowerBound, "implicit mode comes back after the board")
            // The card's text reached the terminal in visual order.
            #expect(output.contains("Acme לש 123 הנמזה"))
        }

        @Test("A crash (SIGSEGV) still gives implicit mode back")
        func implicitModeAfterACrash() throws {
            let (output, status) = try Self.record { board in
                let pid = try board.boardPID()
                #expect(kill(pid, SIGSEGV) == 0)
            }
            #expect(status == 128 + SIGSEGV)
            #expect(output.contains(Self.explicitMode))
            let screen = try #require(output.range(of: Self.alternateScreen))
            let leave = try #require(output.range(of: Self.implicitMode, options: .backwards), "no CSI 8 h after the crash")
            #expect(screen.lowerBound < leave.lowerBound)
        }

        @Test("FUNNEL_BIDI=terminal: neither CSI 8 l nor CSI 8 h, text in logical order")
        func terminalModeFromTheEnvironment() throws {
            let (output, status) = try Self.record(environment: ["FUNNEL_BIDI": "terminal"])
            #expect(status == 0)
            #expect(!output.contains(Self.explicitMode))
            #expect(!output.contains(Self.implicitMode))
            #expect(!output.contains(Self.leftToRight))
            #expect(output.contains("הזמנה 123 של Acme"))
        }

        @Test("bidi = terminal in the config file: neither CSI 8 l nor CSI 8 h")
        func terminalModeFromTheConfigFile() throws {
            let (output, status) = try Self.record(config: "bidi = terminal\n")
            #expect(status == 0)
            #expect(!output.contains(Self.explicitMode))
            #expect(!output.contains(Self.implicitMode))
        }
    }
}
