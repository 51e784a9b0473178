import Foundation
import FunnelCore

/// What follows a write that did not happen, and reading the data directory again: the driver
/// only reports (`WriteFailure`, `BoardData`); these decide what is read again and what is said.
enum WriteFlow {
    /// A deal's change or a new deal was not written: read it again (everything, when the store
    /// failed), then say why, so nothing on screen pretends it was saved.
    static func saveFailed(_ dealID: String, _ failure: WriteFailure, _ state: inout BoardState) -> [Effect] {
        let language = state.language
        let notSaved = { (why: String) in Action.problem(language.text(.statusNotSaved, ["why": why])) }
        switch failure {
        case .refused(let message): return [.reload(deals: [dealID], then: notSaved(message.text(in: state.language)))]
        case .gone: return [.reload(deals: [dealID], then: notSaved(state.text(.statusDealGone)))]
        case .error(let text): return [.reload(deals: nil, then: notSaved(text))]
        }
    }

    /// A deal created on the board was not removed (its undo): read everything again, and say why
    /// unless the deal is simply gone already.
    static func removeFailed(_ failure: WriteFailure, _ state: inout BoardState) -> [Effect] {
        switch failure {
        case .refused(let message):
            return [.reload(deals: nil, then: .problem(state.text(.statusNotRemoved, ["why": message.text(in: state.language)])))]
        case .gone:
            return [.reload(deals: nil, then: nil)]
        case .error(let text):
            return [.reload(deals: nil, then: .problem(state.text(.statusNotRemoved, ["why": text])))]
        }
    }

    /// The stage editor's change: the board reads everything again, then says saved or why not.
    static func pipelineEdited(_ failure: WriteFailure?, _ state: inout BoardState) -> [Effect] {
        switch failure {
        case nil: return [.reload(deals: nil, then: .pipelineSaved)]
        case .refused(let message)?:
            return [.reload(deals: nil, then: .problem(state.text(.statusNotSaved, ["why": message.text(in: state.language)])))]
        case .gone?: return [.reload(deals: nil, then: .problem(state.text(.statusNotSaved, ["why": state.text(.statusDealGone)])))]
        case .error(let text)?: return [.reload(deals: nil, then: .problem(state.text(.statusNotSaved, ["why": text])))]
        }
    }

    /// Everything read again: the pipeline shown (the first, if it is gone), its deals, the
    /// goals (those shown stay when goals.json could not be read), and a warning about skipped files.
    static func dataRead(_ data: BoardData, _ state: inout BoardState) -> [Effect] {
        let entry = data.pipelines.entry(id: state.funnel.pipelineID) ?? data.pipelines.first
        state.pipelines = data.pipelines
        state.funnel.pipelineID = entry.id
        state.hold(data.held)
        WorldUpdate.reload(pipeline: entry.pipeline, team: data.team, deals: data.deals, &state)
        if let goals = data.goals { state.goals = goals }
        if let warning = data.warning { state.status = StatusMessage(text: warning, isError: true) }
        return []
    }

    /// Everything read again to show pipeline `id` (`P`); when it is gone, the board reads again
    /// what it shows.
    static func pipelineRead(_ id: String, _ data: BoardData, _ state: inout BoardState) -> [Effect] {
        guard let entry = data.pipelines.entry(id: id) else { return dataRead(data, &state) }
        PipelineFlow.show(entry, of: data.pipelines, team: data.team, allDeals: data.deals, held: data.held, &state)
        return []
    }

    /// The data directory could not be read: the board keeps what it shows and says why.
    static func readFailed(_ why: String, _ state: inout BoardState) -> [Effect] {
        state.status = StatusMessage(text: state.text(.statusCouldNotReload, ["why": why]), isError: true)
        return []
    }
}
