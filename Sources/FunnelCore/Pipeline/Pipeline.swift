import Foundation

/// A company's funnel: ordered stages and the lists its rules draw from.
public struct Pipeline: Codable, Hashable, Sendable {
    /// Template or company name ("simple").
    public var name: String
    /// Left to right as on the board.
    public var stages: [Stage]
    /// The reasons a person may pick when closing a deal as lost (R7).
    public var lostReasons: [String]
    /// Currency for deals that name none (ISO 4217).
    public var defaultCurrency: String
    /// Days until the default proposed follow-up (R6: two days).
    public var followUpDays: Int
    /// Settings for working leads: speed to lead, attempts, payment terms.
    public var work: WorkRules
    /// Settings for quotes: the VAT rate and how long a quote is valid (R19).
    public var quotes = QuoteSettings()

    public init(
        name: String, stages: [Stage], lostReasons: [String], defaultCurrency: String = "ILS",
        followUpDays: Int = 2
    ) {
        self.name = name
        self.stages = stages
        self.lostReasons = lostReasons
        self.defaultCurrency = defaultCurrency
        self.followUpDays = followUpDays
        self.work = WorkRules()
    }

    /// More stages than this measurably hurts sales (R1).
    public static let recommendedMaximumStages = 8

    /// A healthy funnel has 3 to 5 open stages (R1): past this, funnel advises fewer.
    public static let recommendedMaximumOpenStages = 5

    /// How many open stages there are, when more than R1 advises; nil otherwise.
    public var openStagesPastAdvice: Int? {
        let open = stages.filter { $0.kind == .open }.count
        return open > Self.recommendedMaximumOpenStages ? open : nil
    }

    /// Problems worth telling the manager about; the pipeline is still accepted (R1).
    public var warnings: [Message] {
        stages.count > Pipeline.recommendedMaximumStages
            ? [.tooManyStages(count: stages.count, limit: Pipeline.recommendedMaximumStages)] : []
    }

    /// Errors that make the pipeline unusable: duplicate ids, no open stage, empty names.
    public var validationErrors: [String] {
        var errors: [String] = []
        var seen = Set<String>()
        for stage in stages {
            if stage.id.isEmpty || stage.name.isBlank {
                errors.append("a stage has an empty id or name")
            }
            if !seen.insert(stage.id.lowercased()).inserted { errors.append("stage id \(stage.id) appears twice") }
        }
        if !stages.contains(where: { $0.kind == .open }) { errors.append("no open stage") }
        if !Money.isValidCurrency(defaultCurrency) { errors.append("default_currency: " + Message.invalidCurrency(text: defaultCurrency).text) }
        return errors + limitErrors
    }

    /// Settings outside `Limits`: arithmetic on them (a follow-up date, an age in seconds) could overflow.
    var limitErrors: [String] {
        func outside(_ name: String, _ value: Int?, _ range: ClosedRange<Int>) -> String? {
            guard let value, !range.contains(value) else { return nil }
            return "\(name) \(value) is outside \(range.lowerBound) … \(range.upperBound)"
        }
        var errors = [
            outside("follow_up_days", followUpDays, Limits.followUpDays),
            outside("work.speed_to_lead_minutes", work.speedToLeadMinutes, Limits.speedToLeadMinutes),
            outside("work.first_stage_max_hours", work.firstStageMaxHours, Limits.firstStageMaxHours),
            outside("work.max_attempts", work.maxAttempts, Limits.maxAttempts),
            outside("work.first_day_attempts", work.firstDayAttempts, Limits.firstDayAttempts),
        ]
        for stage in stages {
            errors.append(outside("stage \(stage.id): stuck_after_days", stage.stuckAfterDays, Limits.stuckAfterDays))
            errors.append(outside("stage \(stage.id): probability", stage.probability, Limits.probability))
        }
        return errors.compactMap { $0 } + quotes.errors
    }

    public func stage(id: String) -> Stage? { stages.first { $0.id == id } }

    public func index(of stageID: String) -> Int? { stages.firstIndex { $0.id == stageID } }

    /// Finds a stage by id or display name, case-insensitively, as a person types it.
    public func findStage(_ text: String) -> Stage? {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let byID = stages.first(where: { $0.id.lowercased() == wanted }) { return byID }
        return stages.first { $0.name.lowercased() == wanted }
    }

    /// The stage new deals land in when created by a person: the first open stage.
    public var firstOpenStage: Stage { stages.first { $0.kind == .open } ?? stages[0] }

    /// The Unsorted column, when the pipeline has one (R4).
    public var inboxStage: Stage? { stages.first { $0.kind == .inbox } }

    /// Finds a lost reason from the list, case-insensitively.
    public func findLostReason(_ text: String) -> String? {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        return lostReasons.first { $0.lowercased() == wanted }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, stages
        case lostReasons = "lost_reasons"
        case defaultCurrency = "default_currency"
        case followUpDays = "follow_up_days"
        case work, quotes
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        stages = try c.decode([Stage].self, forKey: .stages)
        lostReasons = try c.decodeIfPresent([String].self, forKey: .lostReasons) ?? []
        defaultCurrency = try c.decodeIfPresent(String.self, forKey: .defaultCurrency) ?? "ILS"
        followUpDays = try c.decodeIfPresent(Int.self, forKey: .followUpDays) ?? 2
        work = try c.decodeIfPresent(WorkRules.self, forKey: .work) ?? WorkRules()
        quotes = try c.decodeIfPresent(QuoteSettings.self, forKey: .quotes) ?? QuoteSettings()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(stages, forKey: .stages)
        try c.encode(lostReasons, forKey: .lostReasons)
        try c.encode(defaultCurrency, forKey: .defaultCurrency)
        try c.encode(followUpDays, forKey: .followUpDays)
        try c.encode(work, forKey: .work)
        // Written only when changed, so a pipeline file reads as before quotes.
        if quotes != QuoteSettings() { try c.encode(quotes, forKey: .quotes) }
    }
}
