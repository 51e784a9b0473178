import FunnelCore

/// `--pipeline NAME` on `import` and `export`. A data directory holds one pipeline, so the flag
/// checks that it is the one meant and refuses any other name: a script written for a given
/// pipeline never writes into, or reads from, another one.
enum PipelineArgument {
    /// Nothing when `name` is nil or names the pipeline (case and runs of spaces ignored);
    /// otherwise a usage error naming the pipeline there is.
    static func check(_ name: String?, funnel: Funnel) throws {
        guard let name else { return }
        func folded(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        guard folded(name) != folded(funnel.pipeline.name) else { return }
        throw CommandFailure.usage("--pipeline: no pipeline “\(name)”; this data directory has one pipeline, “\(funnel.pipeline.name)”")
    }
}
