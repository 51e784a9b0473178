import Foundation
import FunnelCore

/// `funnel stages`: the pipeline's stages in board order.
enum StagesCommand: Command {
    static let spec = CommandSpec(
        name: "stages", summary: "List the pipeline's stages, left to right.",
        options: [OptionSpec("json", "print a JSON object with the stages and lost reasons")])

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let pipeline = try session.data { try session.store.loadPipeline() }
        for warning in pipeline.warnings { Console.error("warning: \(warning.localized)") }
        if arguments.has("json") {
            let stages = pipeline.stages.map { stage -> JSONOut in
                .object([
                    ("id", .string(stage.id)), ("name", .string(stage.name)), ("kind", .string(stage.kind.rawValue)),
                    ("stuck_after_days", .optional(stage.stuckAfterDays)), ("probability", .optional(stage.probability)),
                    ("requires", .array(stage.entryRequirements.map(\.rawValue).sorted().map { .string($0) })),
                ])
            }
            Console.block(JSONOut.object([
                ("pipeline", .string(pipeline.name)),
                ("stages", .array(stages)),
                ("lost_reasons", .array(pipeline.lostReasons.map { .string($0) })),
                ("default_currency", .string(pipeline.defaultCurrency)),
                ("warnings", .array(pipeline.warnings.map { .string($0.text) })),
            ]).render())
            return
        }
        let rows = pipeline.stages.map { stage in
            [stage.id, stage.name, stage.kind.rawValue, stage.stuckAfterDays.map { "\($0)d" } ?? "—",
             stage.probability.map { "\($0)%" } ?? "—",
             stage.entryRequirements.map(\.rawValue).sorted().joined(separator: ", ")]
        }
        Console.block(TextTable.render(header: ["ID", "NAME", "KIND", "STUCK", "PROB", "NEEDS"], rows: rows,
                               maxWidths: [24, 30, 6, 6, 5, 30]))
    }
}
