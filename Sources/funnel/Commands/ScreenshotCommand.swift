import Foundation
import FunnelBoard
import FunnelCore
import FunnelText

/// `funnel screenshot`: the board's first frame on demo data, as text, without a terminal
/// (README's picture is made with it, and a test keeps the two equal).
enum ScreenshotCommand: Command {
    static let spec = CommandSpec(
        name: "screenshot", summary: "Print the board on demo data as text, without a terminal.",
        options: [
            OptionSpec("width", value: "W", "columns (default 100; 20 to 1000)"),
            OptionSpec("height", value: "H", "rows (default 28; 5 to 1000)"),
            OptionSpec("demo-seed", value: "S", "the demo's random seed (default 3)"),
            OptionSpec("deals", value: "N", "demo leads (default \(BoardCommand.demoLeads), as funnel --demo; up to 100000)"),
        ],
        details: """
            The demo (docs/demo.md) as its manager sees it on opening, drawn by the board's own render; \\
            Hebrew and Arabic in logical order. Reads no data directory. README's picture: \\
            TZ=UTC FUNNEL_NOW=2026-11-24T09:00:00Z funnel screenshot --width 100 --height 28 --demo-seed 3
            """)

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let width = try DemoCommand.number(arguments.value("width") ?? "100", flag: "width", range: 20...1_000)
        let height = try DemoCommand.number(arguments.value("height") ?? "28", flag: "height", range: 5...1_000)
        let seed = try DemoCommand.number(arguments.value("demo-seed") ?? "3", flag: "demo-seed", range: 0...Int.max)
        let count = try DemoCommand.number(arguments.value("deals") ?? "\(BoardCommand.demoLeads)", flag: "deals", range: 0...100_000)
        let pipeline = PipelineTemplate.simple.pipeline
        let world = DemoData.world(
            count: count, pipeline: pipeline, now: session.now, seed: UInt64(seed),
            utcOffset: session.utcOffset)
        guard let manager = world.team.user(DemoData.manager) else { throw CommandFailure.data("the demo team has no manager") }
        Console.block(
            BoardScreenshot.text(
                funnel: Funnel(pipeline: pipeline, team: world.team), actor: manager,
                deals: world.deals, now: session.now, utcOffset: session.utcOffset,
                width: width, height: height))
    }
}
