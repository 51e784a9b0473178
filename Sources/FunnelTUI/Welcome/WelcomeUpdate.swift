import FunnelCore

/// What a key does on the welcome screen. Pure: the state changes, and an outcome ends the screen.
public enum WelcomeUpdate {
    /// Applies `key`; a non-nil result ends the screen.
    public static func key(_ key: KeyPress, _ state: inout WelcomeState) -> WelcomeOutcome? {
        state.problem = nil
        switch state.step {
        case .menu:
            switch key {
            case .char("i"), .char("I"): state.step = .template
            case .char("d"), .char("D"): return .demo
            case .char("q"), .char("Q"), .escape, .ctrl("c"): return .quit
            default: break
            }
        case .template:
            state.templateIndex = choose(key, index: state.templateIndex, count: PipelineTemplate.allCases.count,
                                         back: .menu, next: .language, &state)
        case .language:
            state.nameLanguageIndex = choose(key, index: state.nameLanguageIndex, count: Language.allCases.count,
                                             back: .template, next: .members, &state)
        case .members:
            return member(key, &state)
        }
        return nil
    }

    /// The terminal's new size.
    public static func resize(width: Int, height: Int, _ state: inout WelcomeState) {
        state.width = max(1, width)
        state.height = max(1, height)
    }

    /// ↑↓ (or k/j) move through a list, Enter goes on, Esc goes back; the new highlighted index.
    static func choose(_ key: KeyPress, index: Int, count: Int, back: WelcomeState.Step,
                       next: WelcomeState.Step, _ state: inout WelcomeState) -> Int {
        switch key {
        case .up, .char("k"): return (index + count - 1) % count
        case .down, .char("j"), .tab: return (index + 1) % count
        case .enter: state.step = next
        case .escape: state.step = back
        default: break
        }
        return index
    }

    /// Typing an account: Tab switches its role, Enter adds it (on an empty line: done), Esc
    /// clears the line or goes back.
    static func member(_ key: KeyPress, _ state: inout WelcomeState) -> WelcomeOutcome? {
        switch key {
        case .enter:
            let account = state.editor.text.trimmingCharacters(in: .whitespaces)
            guard !account.isEmpty else {
                return .start(template: state.template, language: state.nameLanguage, members: state.members)
            }
            if !User.isValidAccount(account) {
                state.problem = state.text(.welcomeBadAccount, ["account": account])
            } else if account == state.account || state.members.contains(where: { $0.account == account }) {
                state.problem = state.text(.welcomeAlreadyOnTeam, ["account": account])
            } else {
                state.members.append(User(account: account, name: account, role: state.role))
                state.editor = LineEditor()
                state.role = .rep
            }
        case .tab, .backTab: state.role = state.role == .rep ? .manager : .rep
        case .escape:
            if state.editor.isEmpty { state.step = .language } else { state.editor = LineEditor() }
        case .backspace: state.editor.apply(.deleteBackward)
        case .delete: state.editor.apply(.deleteForward)
        case .left: state.editor.apply(.left)
        case .right: state.editor.apply(.right)
        case .home, .ctrl("a"): state.editor.apply(.home)
        case .end, .ctrl("e"): state.editor.apply(.end)
        case .ctrl("u"): state.editor.apply(.deleteToStart)
        case .ctrl("w"): state.editor.apply(.deleteWordBackward)
        case .char(let c): state.editor.insert(String(c))
        case .paste(let text): state.editor.insert(text)
        default: break
        }
        return nil
    }
}
