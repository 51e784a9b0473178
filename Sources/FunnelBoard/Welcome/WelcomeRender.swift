import FunnelCore
import FunnelText

/// Draws the welcome screen into a grid. Pure: the same state gives the same grid.
public enum WelcomeRender {
    static let margin = 2
    /// The first row of a step's own lines.
    static let body = 7

    public static func render(_ state: WelcomeState) -> Grid {
        var grid = Grid(width: state.width, height: state.height, display: state.display)
        grid.fill(x: 0, y: 0, width: state.width, height: 1, style: CellStyle(.header))
        grid.put(fitting: " " + state.text(.welcomeHeader), x: 0, y: 0, width: state.width, style: CellStyle(.header, bold: true))
        line(state.text(.welcomeWhat), y: 2, &grid)
        line(state.text(.welcomeWhy), y: 3, &grid)
        line(state.text(.welcomeNoData, ["root": state.root]), y: 5, style: CellStyle(.dim), &grid)
        let footer: TextKey
        switch state.step {
        case .menu:
            for (i, key) in [TextKey.welcomeStart, .welcomeDemo, .welcomeQuit].enumerated() {
                line(state.text(key), y: body + i, style: CellStyle(.normal, bold: i < 2), &grid)
            }
            footer = .welcomeFooterMenu
        case .template:
            line(state.text(.welcomeChooseTemplate), y: body, style: CellStyle(.accent, bold: true), &grid)
            let rows = PipelineTemplate.allCases.map { template in
                let pipeline = template.pipeline(in: state.language)
                let path = pipeline.stages.filter { $0.kind == .open || $0.kind == .won }.map(\.name)
                return pad(template.rawValue, to: 10) + path.joined(separator: " → ")
            }
            list(rows, selected: state.templateIndex, y: body + 2, &grid)
            footer = .welcomeFooterChoose
        case .language:
            line(state.text(.welcomeChooseLanguage), y: body, style: CellStyle(.accent, bold: true), &grid)
            list(
                Language.allCases.map { pad($0.rawValue, to: 4) + WelcomeState.autonym($0) }, selected: state.nameLanguageIndex,
                y: body + 2, &grid)
            footer = .welcomeFooterChoose
        case .members:
            members(state, &grid)
            footer = .welcomeFooterMembers
        }
        if state.height > 1 {
            grid.fill(x: 0, y: state.height - 1, width: state.width, height: 1, style: CellStyle(.status))
            grid.put(fitting: " " + state.text(footer), x: 0, y: state.height - 1, width: state.width, style: CellStyle(.status))
        }
        return grid
    }

    /// The team so far, the account being typed with its role, and why the last one was refused.
    static func members(_ state: WelcomeState, _ grid: inout Grid) {
        line(state.text(.welcomeTeamTitle, ["account": state.account]), y: body, style: CellStyle(.accent, bold: true), &grid)
        line(state.text(.welcomeTeamDone), y: body + 1, style: CellStyle(.dim), &grid)
        func role(_ role: Role) -> String { state.text(role == .manager ? .roleManager : .roleRep) }
        var y = body + 3
        line("• " + state.account + " · " + role(.manager) + " " + state.text(.welcomeYou), y: y, &grid)
        for member in state.members {
            y += 1
            line("• " + member.account + " · " + role(member.role), y: y, &grid)
        }
        y += 2
        let prompt = state.text(.welcomeAccountPrompt) + " "
        let x = margin + DisplayWidth.of(prompt)
        grid.put(prompt, x: margin, y: y, style: CellStyle(.normal, bold: true))
        let field = 24
        grid.input(
            state.editor.text, cursor: state.editor.cursor, x: x, y: y, width: field,
            style: CellStyle(.input), cursorStyle: CellStyle(.input, bold: true))
        grid.put(state.text(.welcomeRolePrompt, ["role": role(state.role)]), x: x + field + 2, y: y)
        if let problem = state.problem { line(problem, y: y + 2, style: CellStyle(.statusError), &grid) }
    }

    static func list(_ rows: [String], selected: Int, y: Int, _ grid: inout Grid) {
        for (i, row) in rows.enumerated() {
            let chosen = i == selected
            line((chosen ? "▶ " : "  ") + row, y: y + i, style: CellStyle(chosen ? .selection : .normal, bold: chosen), &grid)
        }
    }

    static func line(_ text: String, y: Int, style: CellStyle = .normal, _ grid: inout Grid) {
        grid.put(fitting: text, x: margin, y: y, width: max(0, grid.width - 2 * margin), style: style)
    }

    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text)))
    }
}
