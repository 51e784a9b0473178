/// The flags that stand before a command's name (`funnel --demo`, `funnel --data-dir D add …`):
/// the board's options, and the data directory for any command.
enum BoardOption: String, OptionKey {
    case dataDir = "data-dir"
    case demo
    case theme
    case mouse
    case pipeline
    case version

    var spec: OptionSpec {
        switch self {
        case .dataDir: OptionSpec(value: "DIR", "use DIR as the data directory (also FUNNEL_DATA_DIR)")
        case .demo: OptionSpec("open the board on fresh demo data in a temporary directory, as a manager")
        case .theme: OptionSpec(value: "NAME", "board colours: dark, light, high-contrast, mono")
        case .mouse: OptionSpec("let the mouse select and drag cards (off: keeps text selection)")
        case .pipeline: OptionSpec(value: "PIPELINE", "open the board on this pipeline, by name or id (default: the first)")
        case .version: OptionSpec("print the version")
        }
    }

    /// The option a word before the command names (`--theme`, `-V`), or nil.
    init?(word: String) {
        if word == "-V" {
            self = .version
        } else if word.hasPrefix("--"), let option = BoardOption(rawValue: String(word.dropFirst(2))) {
            self = option
        } else {
            return nil
        }
    }
}
