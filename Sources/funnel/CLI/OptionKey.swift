/// The options of one command, declared once: each case is a flag (its raw value the flag's
/// name), `spec` says how it is parsed and shown. Commands read their options back through it
/// (`arguments[.reason]`, `arguments.flag(.json)`), so reading an undeclared flag cannot compile.
protocol OptionKey: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// How the option is parsed and what help, man pages and completions say about it.
    var spec: OptionSpec { get }
}

extension OptionKey {
    /// Every option's spec, named after its case, in the order the cases are declared.
    static var specs: [OptionSpec] { allCases.map { $0.spec.named($0.rawValue) } }
}

/// The options of a command that has none of its own.
enum NoOptions: OptionKey {
    init?(rawValue: String) { nil }
    var rawValue: String { switch self {} }
    var spec: OptionSpec { switch self {} }
}

/// Options every command accepts besides its own.
enum CommonOption: String, OptionKey {
    case dataDir = "data-dir"
    case help

    var spec: OptionSpec {
        switch self {
        case .dataDir: OptionSpec(value: "DIR", "use DIR as the data directory")
        case .help: OptionSpec("show this help")
        }
    }
}
