/// `--json` and nothing else, for a command that prints a table or a JSON array.
enum JSONArrayOption: String, OptionKey {
    case json

    var spec: OptionSpec { OptionSpec("print a JSON array") }
}

/// `--json` and nothing else, for a command that prints text or a JSON object.
enum JSONObjectOption: String, OptionKey {
    case json

    var spec: OptionSpec { OptionSpec("print a JSON object") }
}

/// `--pipeline P` and nothing else, for a command that works on one pipeline.
enum PipelineOnlyOption: String, PipelineOptionKey {
    case pipeline

    var spec: OptionSpec { PipelineArgument.option }
}

extension ArgumentSpec {
    /// The deal a command works on: `ID`, its id or a unique prefix.
    static let dealID = ArgumentSpec(name: "ID", required: true, help: "deal id or a unique prefix of it")
}
