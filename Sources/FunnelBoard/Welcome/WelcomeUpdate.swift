import FunnelCore

/// What a key does on the welcome screen. Pure: the state changes, and an outcome ends the screen.
public enum WelcomeUpdate {
    /// Applies `key`; a non-nil result ends the screen.
    public static func key(_ key: KeyPress, _ state: inout WelcomeState) -> WelcomeOutcome? {
        state.problem = nil
        if state.step == .members, WelcomeKeys.action(for: key, at: .members) == nil {
            edit(key, &state)
            return nil
        }
        switch (state.step, WelcomeKeys.action(for: key, at: state.step)) {
        case (_, .start?): state.step = .template
        case (_, .demo?): return .demo
        case (_, .quit?): return .quit
        case (.template, let action?):
            state.templateIndex = choose(
                action, index: state.templateIndex, count: PipelineTemplate.allCases.count,
                back: .menu, next: .language, &state)
        case (.language, let action?):
            state.nameLanguageIndex = choose(
                action, index: state.nameLanguageIndex, count: Language.allCases.count,
                back: .template, next: .members, &state)
        case (.members, let action?): return member(action, &state)
        default: break
        }
        return nil
    }

    /// The terminal's new size.
    public static func resize(width: Int, height: Int, _ state: inout WelcomeState) {
        state.width = max(1, width)
        state.height = max(1, height)
    }

    /// Moves through a list, goes on or back; the new highlighted index.
    static func choose(
        _ action: WelcomeAction, index: Int, count: Int, back: WelcomeState.Step,
        next: WelcomeState.Step, _ state: inout WelcomeState
    ) -> Int {
        switch action {
        case .previous: return (index + count - 1) % count
        case .next: return (index + 1) % count
        case .choose: state.step = next
        case .back: state.step = back
        default: break
        }
        return index
    }

    /// On the members step: switch the role, add the typed account (on an empty line: done),
    /// clear the line or go back.
    static func member(_ action: WelcomeAction, _ state: inout WelcomeState) -> WelcomeOutcome? {
        switch action {
        case .add:
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
        case .switchRole: state.role = state.role == .rep ? .manager : .rep
        case .back:
            if state.editor.isEmpty { state.step = .language } else { state.editor = LineEditor() }
        default: break
        }
        return nil
    }

    /// Typing the account, edited like any line of the board.
    static func edit(_ key: KeyPress, _ state: inout WelcomeState) {
        switch key {
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
    }
}
