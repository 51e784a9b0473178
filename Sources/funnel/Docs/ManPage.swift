import Foundation

/// Manual pages in roff, from the same `CommandSpec`s as `--help`: `funnel(1)` and one
/// `funnel-COMMAND(1)` per command. No date in the header, so the committed pages
/// (docs/man/) stay equal to what the binary generates.
enum ManPage {
    static func header(_ name: String, _ summary: String) -> [String] {
        [
            ".TH \(escape(name.uppercased())) 1 \"\" \"funnel \(funnelVersion)\" \"funnel manual\"",
            ".SH NAME",
            "\(escape(name)) \\- \(escape(summary))",
        ]
    }

    /// funnel(1): the board, every command, the global options, the environment and exit codes.
    static func main(commands: [CommandSpec]) -> String {
        var lines = header("funnel", "a terminal kanban board for a sales funnel")
        lines += [
            ".SH SYNOPSIS", "\\fBfunnel\\fR [\\fIOPTIONS\\fR]", ".br", "\\fBfunnel\\fR \\fICOMMAND\\fR [\\fIARGS\\fR]",
            ".SH DESCRIPTION",
            "Without a command, funnel opens the board: stages are columns, deals are cards.",
            "Every change the board makes can be made by a command, through the same rules.",
            "Messages go to standard error; standard output carries only results.",
            ".SH COMMANDS",
        ]
        for spec in commands {
            lines += [".TP", "\\fBfunnel\\-\(escape(spec.name))\\fR(1)", escape(spec.summary)]
        }
        lines.append(".SH OPTIONS")
        for option in GlobalOptions.board + [OptionSpec("show help; funnel COMMAND \\-\\-help for one command").named("help")] {
            lines += optionEntry(option)
        }
        lines += [".SH ENVIRONMENT"]
        let environment = [
            ("FUNNEL_DATA_DIR", "the data directory (the \\-\\-data\\-dir flag wins over it)"),
            ("XDG_DATA_HOME", "the data directory is $XDG_DATA_HOME/funnel (default ~/.local/share/funnel)"),
            ("FUNNEL_USER", "the acting user, instead of the operating-system account"),
            ("FUNNEL_NOW", "a fixed time in ISO 8601, for tests and reproducible demos"),
            ("FUNNEL_LOCK_TIMEOUT", "seconds a writer waits for the data lock (default 30)"),
            ("XDG_CONFIG_HOME", "the settings file is $XDG_CONFIG_HOME/funnel/config (see funnel\\-config(1))"),
            ("NO_COLOR", "set and not empty: the board uses the mono theme"),
        ]
        for (name, text) in environment { lines += [".TP", "\\fB\(escape(name))\\fR", escape(text, already: true)] }
        lines += [".SH EXIT STATUS"]
        let codes = [
            ("0", "success"), ("1", "an internal error (a bug)"), ("2", "usage error"), ("3", "refused by a rule"),
            ("4", "data or storage error"), ("5", "no deal has that id"), ("6", "the data lock stayed busy"),
        ]
        for (code, text) in codes { lines += [".TP", code, escape(text)] }
        lines += [".SH SEE ALSO", commands.map { "\\fBfunnel\\-\(escape($0.name))\\fR(1)" }.joined(separator: ",\n")]
        return lines.joined(separator: "\n") + "\n"
    }

    /// funnel-COMMAND(1).
    static func page(_ spec: CommandSpec) -> String {
        var lines = header("funnel-\(spec.name)", spec.summary)
        lines += [".SH SYNOPSIS", synopsis(spec), ".SH DESCRIPTION", escape(spec.summary), ".PP"]
        for line in spec.details.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            lines.append(text.isEmpty ? ".PP" : escape(text))
        }
        if !spec.arguments.isEmpty {
            lines.append(".SH ARGUMENTS")
            for argument in spec.arguments { lines += [".TP", "\\fI\(escape(argument.name))\\fR", escape(argument.help)] }
        }
        lines.append(".SH OPTIONS")
        for option in spec.options + ArgumentParser.common { lines += optionEntry(option) }
        if !spec.subcommands.isEmpty { lines += subcommands(spec) }
        lines += [".SH SEE ALSO", "\\fBfunnel\\fR(1)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A group's sub-commands: each one's synopsis, summary, arguments and options.
    static func subcommands(_ spec: CommandSpec) -> [String] {
        var lines = [".SH COMMANDS"]
        if let name = spec.defaultSubcommand { lines += ["Without a command: \\fB\(escape(name))\\fR."] }
        for child in spec.subcommands.map({ $0.spec }) {
            lines += [".SS \(escape(child.word))", synopsis(child), ".PP", escape(child.summary)]
            for argument in child.arguments { lines += [".TP", "\\fI\(escape(argument.name))\\fR", escape(argument.help)] }
            for option in child.options { lines += optionEntry(option) }
        }
        return lines
    }

    static func synopsis(_ spec: CommandSpec) -> String {
        var parts = ["\\fBfunnel \(escape(spec.name))\\fR"]
        if !spec.subcommands.isEmpty { parts.append("[\\fICOMMAND\\fR]") }
        for argument in spec.arguments {
            parts.append(argument.required ? "\\fI\(escape(argument.name))\\fR" : "[\\fI\(escape(argument.name))\\fR]")
        }
        for option in spec.options {
            let value = option.value.map { " \\fI\(escape($0))\\fR" } ?? ""
            parts.append("[\\fB\\-\\-\(escape(option.name))\\fR\(value)]" + (option.repeatable ? "..." : ""))
        }
        return parts.joined(separator: " ")
    }

    static func optionEntry(_ option: OptionSpec) -> [String] {
        let value = option.value.map { " \\fI\(escape($0))\\fR" } ?? ""
        return [".TP", "\\fB\\-\\-\(escape(option.name))\\fR\(value)", escape(option.helpWithChoices, already: option.name == "help")]
    }

    /// Text made safe for roff: backslashes and hyphens escaped, anything outside ASCII as a
    /// \[uXXXX] glyph, a leading dot or quote protected. `already`: the text holds roff escapes.
    static func escape(_ text: String, already: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\" where !already: out += "\\e"
            case "-" where !already: out += "\\-"
            case "\t": out += " "
            default:
                if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += String(format: "\\[u%04X]", scalar.value) }
            }
        }
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
