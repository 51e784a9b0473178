import Foundation
import FunnelBoard
import FunnelCore
import FunnelText

/// `funnel screenshot`: the board's first frame on demo data, as text, without a terminal
/// (README's picture is made with it, and a test keeps the two equal).
enum ScreenshotCommand: Command {
    static let spec = CommandSpec(
        name: "screenshot", summary: "Print the board on demo data as text, without a terminal.",
        options: Option.specs,
        details: """
            The demo (docs/demo.md) as its manager sees it on opening, drawn by the board's own render; \\
            Hebrew and Arabic in logical order. Reads no data directory. README's picture: \\
            TZ=UTC FUNNEL_NOW=2026-11-24T09:00:00Z funnel screenshot --width 100 --height 28 --demo-seed 3
            """)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case width
        case height
        case demoSeed = "demo-seed"
        case deals

        var spec: OptionSpec {
            switch self {
            case .width: OptionSpec(value: "W", "columns (default 100; 20 to 1000)")
            case .height: OptionSpec(value: "H", "rows (default 28; 5 to 1000)")
            case .demoSeed: OptionSpec(value: "S", "the demo's random seed (default 3)")
            case .deals: OptionSpec(value: "N", "demo leads (default \(BoardCommand.demoLeads), as funnel --demo; up to 100000)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let width = try DemoCommand.number(arguments[.width] ?? "100", flag: "width", range: 20...1_000)
        let height = try DemoCommand.number(arguments[.height] ?? "28", flag: "height", range: 5...1_000)
        let seed = try DemoCommand.number(arguments[.demoSeed] ?? "3", flag: "demo-seed", range: 0...Int.max)
        let count = try DemoCommand.number(arguments[.deals] ?? "\(BoardCommand.demoLeads)", flag: "deals", range: 0...100_000)
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
