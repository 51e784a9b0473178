import FunnelCore

/// What a key asks of the welcome screen.
public enum WelcomeAction: Sendable, Equatable {
    case start, demo, quit, previous, next, choose, back, switchRole, add
}

/// The welcome screen's keys, as data: `WelcomeUpdate` reads them, and docs/keys.md is
/// generated from them (after the board's table).
public enum WelcomeKeys {
    public struct Binding: Sendable {
        public let step: WelcomeState.Step
        public let keys: [KeyPress]
        public let action: WelcomeAction
        /// What the key does, for docs/keys.md.
        public let help: String
    }

    public static let bindings: [Binding] = [
        Binding(step: .menu, keys: [.char("i")], action: .start, help: "start a real funnel: pipeline, language, first members"),
        Binding(step: .menu, keys: [.char("d")], action: .demo, help: "open the demo (as funnel --demo)"),
        Binding(step: .menu, keys: [.char("q"), .escape], action: .quit, help: "quit"),
        Binding(step: .template, keys: [.up, .char("k")], action: .previous, help: "previous choice"),
        Binding(step: .template, keys: [.down, .char("j"), .tab], action: .next, help: "next choice"),
        Binding(step: .template, keys: [.enter], action: .choose, help: "take it and go on"),
        Binding(step: .template, keys: [.escape], action: .back, help: "back a step"),
        Binding(step: .members, keys: [.tab, .backTab], action: .switchRole, help: "the typed account is a rep or a manager"),
        Binding(step: .members, keys: [.enter], action: .add, help: "add the typed account; on an empty line, create the funnel and open the board"),
        Binding(step: .members, keys: [.escape], action: .back, help: "clear the line; on an empty line, back a step"),
    ]

    /// The action of `key` at `step` (the language list works as the template list).
    public static func action(for key: KeyPress, at step: WelcomeState.Step) -> WelcomeAction? {
        let table = step == .language ? WelcomeState.Step.template : step
        return bindings.first { $0.step == table && $0.keys.contains(key) }?.action
    }

    /// The docs/keys.md section.
    public static var markdown: String {
        let titles: [(WelcomeState.Step, String)] = [
            (.menu, "Welcome screen (funnel with no data directory, in a terminal)"),
            (.template, "Welcome: choosing the pipeline and the language"),
            (.members, "Welcome: the team's first members (typing an account)"),
        ]
        var out = ""
        for (step, title) in titles {
            out += "\n## \(title)\n\n| keys | what it does |\n|---|---|\n"
            for binding in bindings where binding.step == step {
                out += "| \(binding.keys.map { "`\($0.label)`" }.joined(separator: " ")) | \(binding.help) |\n"
            }
        }
        return out
    }
}
