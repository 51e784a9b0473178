import Foundation

extension Message {
    /// The messages of changing the stages and lost reasons (`PipelineEditing`).
    var pipelineEntry: (TextKey, [String: String]) {
        switch self {
        case .onlyManagersEditPipeline: return (.onlyManagersEditPipeline, [:])
        case .pipelineNeedsKind(let kind): return (.pipelineNeedsKind, ["kind": kind])
        case .emptyStageName: return (.emptyStageName, [:])
        case .stageNameTaken(let name): return (.stageNameTaken, ["name": name])
        case .badStageID(let id): return (.badStageID, ["id": id])
        case .stageIDTaken(let id): return (.stageIDTaken, ["id": id])
        case .stagePlacedByItself(let stage): return (.stagePlacedByItself, ["stage": stage])
        case .inboxStaysFirst(let stage): return (.inboxStaysFirst, ["stage": stage])
        case .settingOutOfRange(let setting, let value, let range):
            return (
                .settingOutOfRange,
                [
                    "setting": setting, "value": "\(value)", "low": "\(range.lowerBound)",
                    "high": "\(range.upperBound)",
                ]
            )
        case .stageKindWithDeals(let stage, let count): return (.stageKindWithDeals, ["stage": stage, "count": "\(count)"])
        case .stageStillHasDeals(let stage, let id, let count):
            return (.stageStillHasDeals, ["stage": stage, "id": id, "count": "\(count)"])
        case .emptyLostReason: return (.emptyLostReason, [:])
        case .lostReasonExists(let reason): return (.lostReasonExists, ["reason": reason])
        case .lastLostReason(let reason): return (.lastLostReason, ["reason": reason])
        case .unreachableReasonStays(let reason): return (.unreachableReasonStays, ["reason": reason])
        case .negativePrice: return (.negativePrice, [:])
        case .currencyWithQuoteLines(let title, let currency): return (.currencyWithQuoteLines, ["title": title, "currency": currency])
        case .dealsRefusedMove(let stage, let target, let count, let first):
            return (.dealsRefusedMove, ["stage": stage, "target": target, "count": "\(count)", "first": first])
        default: return (.emptyStageName, [:])
        }
    }
}

extension Message {
    /// The messages of adding and renaming pipelines (`PipelineSetEditing`, `--pipeline`).
    func pipelinesEntry(_ language: Language) -> (TextKey, [String: String]) {
        switch self {
        case .onlyManagersEditPipelines: return (.onlyManagersEditPipelines, [:])
        case .emptyPipelineName: return (.emptyPipelineName, [:])
        case .pipelineNameTaken(let name): return (.pipelineNameTaken, ["name": name])
        case .pipelineNameReserved(let name): return (.pipelineNameReserved, ["name": name])
        case .tooManyPipelines(let limit): return (.tooManyPipelines, ["limit": "\(limit)"])
        case .unknownPipeline(let text, let known): return (.unknownPipeline, ["text": text, "known": language.list(known)])
        case .ambiguousPipeline(let text, let ids): return (.ambiguousPipeline, ["text": text, "ids": language.list(ids)])
        default: return (.emptyPipelineName, [:])
        }
    }
}
