import Foundation
import FunnelCore

/// Keys while a modal (help, list, prompt, form, filter) is on top.
enum ModalUpdate {
    static func apply(_ action: Action, _ state: inout BoardState) -> [Effect] {
        switch state.modal {
        case .help(let scroll)?: return help(action, scroll: scroll, &state)
        case .filter?: return filter(action, &state)
        case .logPicker(let picker)?: return WorkUpdate.logPicker(action, picker, &state)
        case .today(let list)?: return WorkUpdate.today(action, list, &state)
        case .report(let screen)?: return report(action, screen, &state)
        case .picker(let picker)?: return Self.picker(action, picker, &state)
        case .prompt(let prompt)?: return Self.prompt(action, prompt, &state)
        case .confirm(let confirm)?:
            if case .removeStage(let id) = confirm.purpose { return StageEditorFlow.answer(action, stageID: id, &state) }
            return LogCallFlow.answer(action, confirm, &state)
        case .form(var form)?: return FormUpdate.apply(action, &form, &state)
        case .mail(let confirm)?: return MailFlow.answer(action, confirm, &state)
        case .stages(let editor)?: return StageEditorFlow.apply(action, editor, &state)
        case .quote(let builder)?: return QuoteFlow.apply(action, builder, &state)
        case nil: return []
        }
    }

    static func help(_ action: Action, scroll: Int, _ state: inout BoardState) -> [Effect] {
        let page = max(1, HelpLayout.rows(height: state.height))
        let last = max(0, KeyTable.helpLines.count - page)
        switch action {
        case .up: state.open(.help(scroll: max(0, scroll - 1)))
        case .down: state.open(.help(scroll: min(last, scroll + 1)))
        case .pageUp: state.open(.help(scroll: max(0, scroll - page)))
        case .pageDown: state.open(.help(scroll: min(last, scroll + page)))
        case .cancel: state.closeModal()
        default: break
        }
        return []
    }

    static func report(_ action: Action, _ screen: ReportScreen, _ state: inout BoardState) -> [Effect] {
        var screen = screen
        let kinds = ReportPeriod.Kind.allCases
        let index = kinds.firstIndex(of: screen.period) ?? 0
        switch action {
        case .left, .right:
            screen.period = kinds[action == .left ? max(0, index - 1) : min(kinds.count - 1, index + 1)]
            screen.report = state.report(screen)
            screen.selected = nil
            screen.scroll = min(screen.scroll, ReportView.lastScroll(screen, state: state))
        case .up: screen.scroll = max(0, screen.scroll - 1)
        case .down: screen.scroll = min(screen.scroll + 1, ReportView.lastScroll(screen, state: state))
        case .pickSeller: return reportSeller(screen, &state)
        case .nextField, .previousField:
            ReportDrillFlow.choose(action == .nextField ? 1 : -1, &screen, state)
        case .submit: return ReportDrillFlow.open(screen, &state)
        case .cancel:
            state.closeModal()
            // What the report screen said (how to open a figure) is not the board's to keep.
            if state.status?.isError == false { state.status = nil }
            return []
        default: return []
        }
        state.open(.report(screen))
        return []
    }

    /// `o` on the report: whose figures it shows (managers only; a rep's report is their own).
    static func reportSeller(_ screen: ReportScreen, _ state: inout BoardState) -> [Effect] {
        let refusal = { (state: BoardState) in
            state.text(.statusReportOwn, ["why": Message.onlyManagersSeeAll.text(in: state.language)])
        }
        return BoardUpdate.requireManager(refusal, &state) { state in
            let options = state.peopleOptions(everyone: true)
            let picker = Picker(
                title: state.text(.pickerReportOn), options: options,
                selected: options.firstIndex { $0.value == screen.seller } ?? 0, purpose: .reportSeller(screen))
            state.open(.picker(picker))
            return []
        }
    }

    static func picker(_ action: Action, _ picker: Picker, _ state: inout BoardState) -> [Effect] {
        var picker = picker
        switch action {
        case .up: picker.selected = max(0, picker.selected - 1)
        case .down: picker.selected = min(picker.options.count - 1, picker.selected + 1)
        case .cancel:
            if case .reportSeller(let screen) = picker.purpose {
                state.open(.report(screen))
                return []
            }
            if case .reportDeals(let screen) = picker.purpose {
                state.open(.report(screen))
                return []
            }
            if case .removeStage(let id) = picker.purpose {
                StageEditorFlow.back(to: id, &state)
                return []
            }
            if case .mailTemplate(let job) = picker.purpose {
                MailFlow.back(job, &state)
                state.status = StatusMessage(text: "not sent; nothing logged", isError: false)
                return []
            }
            state.closeModal()
            state.status = StatusMessage(text: state.text(.statusCancelled), isError: false)
            return []
        case .submit:
            state.closeModal()
            guard picker.options.indices.contains(picker.selected) else { return [] }
            return choose(picker.options[picker.selected].value, purpose: picker.purpose, &state)
        default: return []
        }
        state.open(.picker(picker))
        return []
    }

    /// A one-line prompt: the line editor takes text keys; Enter submits, Esc cancels.
    static func prompt(_ action: Action, _ prompt: Prompt, _ state: inout BoardState) -> [Effect] {
        var prompt = prompt
        if prompt.line.handle(action) {
            prompt.error = nil
            state.open(.prompt(prompt))
            return []
        }
        switch action {
        case .cancel:
            if case .logCall(let call) = prompt.purpose { return LogCallFlow.cancel(call, &state) }
            switch prompt.purpose {
            case .newStage(let id), .renameStage(let id), .stageLimits(let id):
                StageEditorFlow.back(to: id, &state)
                return []
            default: break
            }
            state.closeModal()
            state.status = StatusMessage(text: state.text(.statusCancelled), isError: false)
            return []
        case .submit: return submit(prompt, &state)
        default: return []
        }
    }

    static func filter(_ action: Action, _ state: inout BoardState) -> [Effect] {
        if state.filterLine.handle(action) {
            state.refilter()
            return []
        }
        switch action {
        case .submit: state.closeModal()
        case .cancel:
            state.filter = ""
            state.closeModal()
        default: return []
        }
        state.refilter()
        return []
    }

    /// What choosing `value` from a list does; nil is the list's "none in particular" entry.
    static func choose(_ value: String?, purpose: PickerPurpose, _ state: inout BoardState) -> [Effect] {
        switch purpose {
        case .seller:
            state.scope = value.map(Scope.seller) ?? .everyone
            state.recompute(keeping: nil)
            return []
        case .reportSeller(var screen):
            screen.seller = value
            screen.scroll = 0
            screen.selected = nil
            screen.report = state.report(screen)
            state.open(.report(screen))
            return []
        case .paymentMethod(let dealID):
            guard let deal = state.deals[dealID] else { return [] }
            let terms = value.flatMap(PaymentMethod.init(rawValue:)).map {
                PaymentTerms(installments: deal.paymentTerms?.installments ?? PaymentTerms.defaultInstallments, method: $0)
            }
            return DetailUpdate.change(dealID, .paymentTerms(terms), &state)
        case .flag:
            state.flagFilter = value.flatMap(DealFlag.init(rawValue:))
            state.priorityFilter = value == ColumnsUpdate.highPriority ? .high : nil
            state.refilter()
            let shown =
                state.priorityFilter != nil
                ? state.text(.statusShowingHighPriority)
                : state.flagFilter.map { state.text(.statusShowingFlagged, ["flag": $0.label(in: state.language)]) }
                    ?? state.text(.statusShowingAll)
            state.status = StatusMessage(text: shown, isError: false)
            return []
        case .priority, .stuck:
            return PriorityFlow.chosen(value, purpose: purpose, &state)
        default:
            guard let value else { return [] }
            return choose(named: value, purpose: purpose, &state)
        }
    }

    /// Choosing an entry that names something: a stage, a reason, a person, a deal, a template.
    static func choose(named value: String, purpose: PickerPurpose, _ state: inout BoardState) -> [Effect] {
        switch purpose {
        case .stage(let dealID):
            guard let deal = state.deals[dealID], deal.stage != value else { return [] }
            return MoveFlow.attempt(dealID, to: value, extras: MoveExtras(), &state)
        case .lostReason(let dealID, let stage, var extras):
            extras.lostReason = value
            return MoveFlow.attempt(dealID, to: stage, extras: extras, &state)
        case .owner(let dealID):
            guard let deal = state.deals[dealID], deal.owner != value else { return [] }
            return DetailUpdate.change(dealID, .assign(owner: value), &state)
        case .assign(let dealID):
            guard let deal = state.deals[dealID], deal.owner != value else { return [] }
            return DetailUpdate.change(dealID, .assign(owner: value), &state)
        case .mailTemplate(let job):
            return [.loadMailTemplate(job, name: value)]
        case .reportDeals:
            guard state.deals[value] != nil else { return [] }
            state.openDetail(DetailState(dealID: value))
            return []
        case .pipeline:
            return value == state.funnel.pipelineID ? [] : [.openPipeline(value)]
        case .removeStage(let id):
            StageEditorFlow.back(to: id, &state)
            return [.editPipeline(.removeStage(id, movingDealsTo: value))]
        case .seller, .reportSeller, .paymentMethod, .flag, .priority, .stuck:
            return choose(value, purpose: purpose, &state)
        }
    }

    /// Keeps the prompt open with `error` under it: what was typed cannot be used.
    static func again(_ prompt: Prompt, saying error: String, _ state: inout BoardState) -> [Effect] {
        var prompt = prompt
        prompt.error = error
        state.open(.prompt(prompt))
        return []
    }

    static func submit(_ prompt: Prompt, _ state: inout BoardState) -> [Effect] {
        switch prompt.purpose {
        case .nextAction(let dealID, let stage, var extras):
            guard let next = NextActionText.parse(prompt.text, today: state.today) else {
                return again(prompt, saying: state.text(.errStartDate), &state)
            }
            extras.nextAction = next
            state.closeModal()
            return MoveFlow.attempt(dealID, to: stage, extras: extras, &state)
        case .value(let dealID, let stage, var extras):
            guard let amount = Money.parseAmount(prompt.text) else {
                return again(prompt, saying: state.text(.errAmount), &state)
            }
            extras.value = amount
            state.closeModal()
            return MoveFlow.attempt(dealID, to: stage, extras: extras, &state)
        case .reject(let dealID):
            guard !prompt.text.isBlank else {
                return again(prompt, saying: state.text(.errGiveReason), &state)
            }
            state.closeModal()
            return DetailUpdate.change(dealID, .reject(reason: prompt.text), &state)
        case .logCall(let call):
            return LogCallFlow.submit(prompt, call, &state)
        case .newStage, .renameStage, .stageLimits:
            return StageEditorFlow.submit(prompt, &state)
        case .bill(let dealID), .training(let dealID):
            let module = BilledModule.clean(prompt.text)
            guard !module.isEmpty else {
                return again(prompt, saying: "the module's name", &state)
            }
            state.closeModal()
            if case .bill = prompt.purpose { return DetailUpdate.change(dealID, .bill(module: module), &state) }
            return DetailUpdate.change(dealID, .training(module: module), &state)
        case .edit(let dealID, let field):
            guard let deal = state.deals[dealID] else { return [] }
            switch DetailUpdate.change(for: field, text: prompt.text, deal: deal, state: state) {
            case .failure(let message):
                return again(prompt, saying: message.message, &state)
            case .success(let change):
                state.closeModal()
                return DetailUpdate.change(dealID, change, &state)
            }
        }
    }
}
