import Foundation

/// What to do next on a deal, and when (R12: every deal shows its next step).
public struct NextAction: Codable, Hashable, Sendable {
    public var date: Day
    public var text: String

    public init(date: Day, text: String = "") {
        self.date = date
        self.text = text
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case date, text }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(Day.self, forKey: .date)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
    }
}

/// One stage change: who, when, from, to (R8). Reports are computed from these.
public struct StageChange: Codable, Hashable, Sendable {
    public var at: Date
    public var by: String
    /// nil for the deal's creation.
    public var from: String?
    public var to: String
    /// The pipeline entered, when this change took the deal into another pipeline (its id); nil
    /// for a change within one pipeline, and in files from before pipelines.
    public var pipeline: String?

    public init(at: Date, by: String, from: String?, to: String, pipeline: String? = nil) {
        self.at = at
        self.by = by
        self.from = from
        self.to = to
        self.pipeline = pipeline
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case at, by, from, to, pipeline }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        at = try c.decode(Date.self, forKey: .at)
        by = try c.decode(String.self, forKey: .by)
        from = try c.decodeIfPresent(String.self, forKey: .from)
        to = try c.decode(String.self, forKey: .to)
        pipeline = try c.decodeIfPresent(String.self, forKey: .pipeline)
        if let pipeline, !PipelineSet.isValidID(pipeline) {
            throw DecodingError.dataCorruptedError(forKey: .pipeline, in: c, debugDescription: "not a pipeline id: \(pipeline)")
        }
    }
}

/// A deal: one card on the board.
public struct Deal: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var company: String
    public var contact: String
    public var phone: String
    public var email: String
    /// nil until someone puts a number on it.
    public var value: Decimal?
    public var currency: String
    /// Account name of the owning rep; nil while unassigned (the shared inbox).
    public var owner: String?
    /// Stage id.
    public var stage: String
    public var created: Date
    /// When the deal entered its current stage.
    public var stageEntered: Date
    public var nextAction: NextAction?
    public var lostReason: String?
    public var notes: String
    /// Every stage change since creation, oldest first.
    public var history: [StageChange]
    /// Calls, emails, meetings, notes, oldest first (R2, R14, R21).
    public var activities: [Activity] = []
    /// The call-script steps ticked (R14).
    public var callSteps: Set<CallStep> = []
    /// How the customer pays (R20); nil until agreed.
    public var paymentTerms: PaymentTerms?
    /// Where the lead came from (web form, phone system, CSV…).
    public var source: String = ""
    /// How much the deal matters now (R13: "lower its priority"); normal by default.
    public var priority: Priority = .default
    /// Every change of owner, oldest first (R16); creation is not one.
    public var assignments: [Assignment] = []
    /// The modules billed, oldest first (R21).
    public var modules: [BilledModule] = []
    /// The lines of the quote being prepared (R19), in order; `funnel lines`.
    public var quoteLines: [QuoteLine] = []
    /// The quotes issued, oldest first; never edited after issue (R19).
    public var quotes: [IssuedQuote] = []
    /// The chance of winning this deal, in percent, instead of its stage's (forecast); nil: the stage's.
    public var probability: Int?
    /// When the deal is expected to close (forecast by month); nil: not known.
    public var expectedClose: Day?
    /// Bumped by every saved change; lets a writer notice a stale view.
    public var revision: Int
    public var updated: Date
    /// The id of the pipeline the deal is in; nil for the first pipeline (`pipeline.json`), as in
    /// every file from before pipelines (`PipelineSet`).
    public var pipeline: String?

    public init(
        id: String, title: String, company: String = "", contact: String = "", phone: String = "",
        email: String = "", value: Decimal? = nil, currency: String, owner: String?, stage: String,
        created: Date, stageEntered: Date? = nil, nextAction: NextAction? = nil,
        lostReason: String? = nil, notes: String = "", history: [StageChange] = [],
        revision: Int = 1, updated: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.company = company
        self.contact = contact
        self.phone = phone
        self.email = email
        self.value = value
        self.currency = currency
        self.owner = owner
        self.stage = stage
        self.created = created
        self.stageEntered = stageEntered ?? created
        self.nextAction = nextAction
        self.lostReason = lostReason
        self.notes = notes
        self.history = history
        self.revision = revision
        self.updated = updated ?? created
    }

    /// The value with its currency, when there is one.
    public var money: Money? { value.map { Money(amount: $0, currency: currency) } }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, company, contact, phone, email, value, currency, owner, stage, created, notes, history
        case revision, updated, activities, source, priority, assignments, modules
        case callSteps = "call_steps"
        case paymentTerms = "payment_terms"
        case stageEntered = "stage_entered"
        case nextAction = "next_action"
        case lostReason = "lost_reason"
        case quoteLines = "quote_lines"
        case quotes, pipeline
        case probability
        case expectedClose = "expected_close"
    }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        company = try c.decodeIfPresent(String.self, forKey: .company) ?? ""
        contact = try c.decodeIfPresent(String.self, forKey: .contact) ?? ""
        phone = try c.decodeIfPresent(String.self, forKey: .phone) ?? ""
        email = try c.decodeIfPresent(String.self, forKey: .email) ?? ""
        if let text = try c.decodeIfPresent(String.self, forKey: .value) {
            guard let amount = Money.parseAmount(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .value, in: c,
                    debugDescription: "not a decimal amount: \(text)")
            }
            value = amount
        } else {
            value = nil
        }
        currency = try c.decode(String.self, forKey: .currency)
        owner = try c.decodeIfPresent(String.self, forKey: .owner)
        stage = try c.decode(String.self, forKey: .stage)
        created = try c.decode(Date.self, forKey: .created)
        stageEntered = try c.decodeIfPresent(Date.self, forKey: .stageEntered) ?? created
        nextAction = try c.decodeIfPresent(NextAction.self, forKey: .nextAction)
        lostReason = try c.decodeIfPresent(String.self, forKey: .lostReason)
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
        history = try c.decodeIfPresent([StageChange].self, forKey: .history) ?? []
        revision = try c.decodeIfPresent(Int.self, forKey: .revision) ?? 1
        updated = try c.decodeIfPresent(Date.self, forKey: .updated) ?? created
        activities = try c.decodeIfPresent([Activity].self, forKey: .activities) ?? []
        callSteps = Set(try c.decodeIfPresent([CallStep].self, forKey: .callSteps) ?? [])
        paymentTerms = try c.decodeIfPresent(PaymentTerms.self, forKey: .paymentTerms)
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        priority = try c.decodeIfPresent(Priority.self, forKey: .priority) ?? .default
        assignments = try c.decodeIfPresent([Assignment].self, forKey: .assignments) ?? []
        modules = try c.decodeIfPresent([BilledModule].self, forKey: .modules) ?? []
        quoteLines = try c.decodeIfPresent([QuoteLine].self, forKey: .quoteLines) ?? []
        quotes = try c.decodeIfPresent([IssuedQuote].self, forKey: .quotes) ?? []
        pipeline = try c.decodeIfPresent(String.self, forKey: .pipeline)
        if let pipeline, !PipelineSet.isValidID(pipeline) || pipeline == PipelineSet.firstID {
            throw DecodingError.dataCorruptedError(
                forKey: .pipeline, in: c,
                debugDescription: "not another pipeline's id: \(pipeline)")
        }
        probability = try c.decodeIfPresent(Int.self, forKey: .probability)
        expectedClose = try c.decodeIfPresent(Day.self, forKey: .expectedClose)
        if let problem = ValuesWithinLimits.violation(in: self) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem.text))
        }
    }

    /// Encodes the deal; a deal with a value outside `Limits` is refused (`EncodingError`), so
    /// no writer can leave a file its readers would reject.
    public func encode(to encoder: any Encoder) throws {
        if let problem = ValuesWithinLimits.violation(in: self) {
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath, debugDescription: problem.text))
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(company, forKey: .company)
        try c.encode(contact, forKey: .contact)
        try c.encode(phone, forKey: .phone)
        try c.encode(email, forKey: .email)
        try c.encode(value.map(Money.plain), forKey: .value)
        try c.encode(currency, forKey: .currency)
        try c.encode(owner, forKey: .owner)
        try c.encode(stage, forKey: .stage)
        try c.encode(created, forKey: .created)
        try c.encode(stageEntered, forKey: .stageEntered)
        try c.encode(nextAction, forKey: .nextAction)
        try c.encode(lostReason, forKey: .lostReason)
        try c.encode(notes, forKey: .notes)
        try c.encode(history, forKey: .history)
        try c.encode(revision, forKey: .revision)
        try c.encode(updated, forKey: .updated)
        try c.encode(activities, forKey: .activities)
        try c.encode(CallStep.allCases.filter(callSteps.contains), forKey: .callSteps)
        try c.encode(paymentTerms, forKey: .paymentTerms)
        try c.encode(source, forKey: .source)
        try c.encode(priority, forKey: .priority)
        try c.encode(assignments, forKey: .assignments)
        try c.encode(modules, forKey: .modules)
        // Written only when there are some, so a deal without quotes reads as before them.
        if !quoteLines.isEmpty { try c.encode(quoteLines, forKey: .quoteLines) }
        if !quotes.isEmpty { try c.encode(quotes, forKey: .quotes) }
        // Written only for a pipeline other than the first, so older files read unchanged.
        if let pipeline { try c.encode(pipeline, forKey: .pipeline) }
        // Absent when none, so a deal without a forecast reads as before it.
        if let probability { try c.encode(probability, forKey: .probability) }
        if let expectedClose { try c.encode(expectedClose, forKey: .expectedClose) }
    }
}
