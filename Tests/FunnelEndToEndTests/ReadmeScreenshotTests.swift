import Foundation
import Testing

/// README's picture of the board is `funnel screenshot`'s output, so it never drifts from
/// what users see (issue #20).
@Suite("README screenshot")
struct ReadmeScreenshotTests {
    /// The command README names for its picture (with TZ=UTC and FUNNEL_NOW as the sandbox sets them).
    static let arguments = ["screenshot", "--width", "100", "--height", "28", "--demo-seed", "3"]

    static var readme: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
    }

    /// The first fenced block of README.
    static func firstBlock(_ text: String) -> String? {
        guard let open = text.range(of: "```\n"), let close = text.range(of: "\n```", range: open.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[open.upperBound..<close.lowerBound])
    }

    @Test func readmesPictureIsTheCommandsOutput() throws {
        let s = try Sandbox(user: "dana", now: FixedClock.iso)
        defer { s.remove() }
        let result = try s.run(
            Self.arguments[0], Self.arguments[1], Self.arguments[2], Self.arguments[3], Self.arguments[4],
            Self.arguments[5], Self.arguments[6])
        #expect(result.status == 0, "\(result)")
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        #expect(text.contains("funnel " + Self.arguments.joined(separator: " ")), "README names the command")
        let block = try #require(Self.firstBlock(text))
        #expect(
            block + "\n" == result.stdout,
            "README's picture is stale: regenerate it with the command under it (docs/demo.md)")
    }

    @Test func theScreenshotIsTheBoardsFirstFrameAtTheSizeAsked() throws {
        let s = try Sandbox(user: "dana")
        defer { s.remove() }
        let lines = try s.ok("screenshot", "--width", "60", "--height", "12", "--deals", "300").stdout
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 12)
        #expect(lines.first?.hasPrefix(" funnel · simple · Dana Levi (manager)") == true)
        #expect(lines.contains { $0.contains("New inquiry") })
        #expect(!FileManager.default.fileExists(atPath: s.dataDir + "/pipeline.json"), "reads and writes no data directory")
        #expect(try s.run("screenshot", "--width", "5").status == 2)
    }
}
