import Foundation

/// What to do next on a deal, and when (R12: every deal shows its next step).
public struct NextAction: Codable, Hashable, Sendable, FieldReadable {
    public var date: Day
    public var text: String

    public init(date: Day, text: String = "") {
        self.date = date
        self.text = text
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case date, text }

    public init(from decoder: any Decoder) throws {
        var c = try ContainerFields(decoder, CodingKeys.self)
        try self.init(fields: &c)
    }

    public init<S: FieldSource>(fields c: inout S) throws {
        date = try c.iso(Day.self, CodingKeys.date)
        text = try c.stringIfPresent(CodingKeys.text) ?? ""
    }
}

/// One stage change: who, when, from, to (R8). Reports are computed from these.
public struct StageChange: Codable, Hashable, Sendable, FieldReadable {
    public var at: Date
    public var by: String
    /// nil for the deal's creation.
    public var from: String?
    public var to: String
    /// The pipeline entered, when this change took the deal into another pipeline (its id); nil
    /// for a change within one pipeline, and in files from before pipelines.
    public var pipeline: String? {
        get { entered?.value }
        set { entered = newValue.map(OutOfLine.init) }
    }
    /// `pipeline`, out of line: few changes have one (72 bytes a change were 64; 374,805 changes
    /// in 100,000 demo deals).
    private var entered: OutOfLine<String>?

    public init(at: Date, by: String, from: String?, to: String, pipeline: String? = nil) {
        self.at = at
        self.by = by
        self.from = from
        self.to = to
        self.entered = pipeline.map(OutOfLine.init)
    }

    enum CodingKeys: String, ChangeRecordKeys { case at, by, from, to, pipeline }

    public init(from decoder: any Decoder) throws {
        var c = try ContainerFields(decoder, CodingKeys.self)
        try self.init(fields: &c)
    }

    public init<S: FieldSource>(fields c: inout S) throws {
        (at, by, from) = try c.changeHead(CodingKeys.self)
        to = try c.string(CodingKeys.to)
        pipeline = try c.stringIfPresent(CodingKeys.pipeline)
        if let pipeline, !PipelineSet.isValidID(pipeline) { throw c.corrupt(CodingKeys.pipeline, "not a pipeline id: \(pipeline)") }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        try c.encode(by, forKey: .by)
        try c.encodeIfPresent(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encodeIfPresent(pipeline, forKey: .pipeline)
    }
}

/// A deal: one card on the board.
///
/// A value, as any struct; its fields live in one shared box that is copied on the first change
/// (copy on write), so copying a deal — filtering, sorting, grouping 100,000 of them — costs one
/// reference count, not one per string field.
public struct Deal: Codable, Hashable, Sendable, Identifiable, FieldReadable {
    private var box: Box
    public var id: String {
        get { box.fields.id }
        set { unique().fields.id = newValue }
        _modify { yield &unique().fields.id }
    }
    public var title: String {
        get { box.fields.title }
        set { unique().fields.title = newValue }
        _modify { yield &unique().fields.title }
    }
    public var company: String {
        get { box.fields.company }
        set { unique().fields.company = newValue }
        _modify { yield &unique().fields.company }
    }
    public var contact: String {
        get { box.fields.contact }
        set { unique().fields.contact = newValue }
        _modify { yield &unique().fields.contact }
    }
    public var phone: String {
        get { box.fields.phone }
        set { unique().fields.phone = newValue }
        _modify { yield &unique().fields.phone }
    }
    public var email: String {
        get { box.fields.email }
        set { unique().fields.email = newValue }
        _modify { yield &unique().fields.email }
    }
    /// nil until someone puts a number on it.
    public var value: Decimal? {
        get { box.fields.value }
        set {
            let box = unique()
            box.fields.value = newValue
            box.fields.hundredths = newValue.flatMap(Money.hundredths)
        }
    }
    /// The value in whole hundredths (`Money.hundredths`), worked out once when the value is
    /// set: lists, `--json` and reports read it for 100,000 deals without `Decimal` arithmetic.
    public var hundredths: UInt64? { box.fields.hundredths }

    /// Sets the value to `cents` hundredths (a reader that has them as an integer already).
    public mutating func setValue(hundredths cents: UInt64) {
        // Past the limit the hundredths are not kept (as `Money.hundredths` keeps none).
        guard cents <= Limits.maximumCents else { return value = Money.fromCents(cents) }
        let box = unique()
        box.fields.value = Money.fromCents(cents)
        box.fields.hundredths = cents
    }
    public var currency: String {
        get { box.fields.currency }
        set { unique().fields.currency = newValue }
        _modify { yield &unique().fields.currency }
    }
    /// Account name of the owning rep; nil while unassigned (the shared inbox).
    public var owner: String? {
        get { box.fields.owner }
        set { unique().fields.owner = newValue }
        _modify { yield &unique().fields.owner }
    }
    /// Stage id.
    public var stage: String {
        get { box.fields.stage }
        set { unique().fields.stage = newValue }
        _modify { yield &unique().fields.stage }
    }
    public var created: Date {
        get { box.fields.created }
        set { unique().fields.created = newValue }
        _modify { yield &unique().fields.created }
    }
    /// When the deal entered its current stage.
    public var stageEntered: Date {
        get { box.fields.stageEntered }
        set { unique().fields.stageEntered = newValue }
        _modify { yield &unique().fields.stageEntered }
    }
    public var nextAction: NextAction? {
        get { box.fields.nextAction }
        set { unique().fields.nextAction = newValue }
        _modify { yield &unique().fields.nextAction }
    }
    public var lostReason: String? {
        get { box.fields.lostReason }
        set { unique().fields.lostReason = newValue }
        _modify { yield &unique().fields.lostReason }
    }
    public var notes: String {
        get { box.fields.notes }
        set { unique().fields.notes = newValue }
        _modify { yield &unique().fields.notes }
    }
    /// Every stage change since creation, oldest first.
    public var history: [StageChange] {
        get { box.fields.log.history }
        set { unique().fields.log.history = newValue }
        _modify { yield &unique().fields.log.history }
    }
    /// Calls, emails, meetings, notes, oldest first (R2, R14, R21).
    public var activities: [Activity] {
        get { box.fields.log.activities }
        set { unique().fields.log.activities = newValue }
        _modify { yield &unique().fields.log.activities }
    }
    /// The stage changes and activities as the deal keeps them: the snapshot's reader gives the
    /// activities packed (`DealLog`).
    public var log: DealLog {
        get { box.fields.log }
        set { unique().fields.log = newValue }
    }
    /// The parts the deal was read without, for a reader that never looks at them (`funnel
    /// report` reads no activities, `list` no history): such a deal is never written (`encode`
    /// refuses it), so what it lacks can never be lost. Empty for a deal read whole.
    public var leftOut: DealParts { box.fields.leftOut }

    /// The deal as a reader that never looks at `parts` holds it: without them, and marked so
    /// that it is never written (`leftOut`).
    public mutating func leaveOut(_ parts: DealParts) {
        guard !parts.isEmpty else { return }
        let box = unique()
        if parts.contains(.activities) { box.fields.log.activities = [] }
        if parts.contains(.history) { box.fields.log.history = [] }
        if parts.contains(.details) { box.fields.leaveOutDetails() }
        box.fields.leftOut.formUnion(parts)
    }

    /// The call-script steps ticked (R14).
    public var callSteps: Set<CallStep> {
        get { CallStep.steps(ofBits: box.fields.callStepBits) }
        set { unique().fields.callStepBits = CallStep.bits(of: newValue) }
    }
    /// `callSteps` as bits (`CallStep.bits(of:)`), as the deal keeps them and the snapshot stores
    /// them; bits past the last step are dropped.
    public var callStepBits: UInt8 {
        get { box.fields.callStepBits }
        set { unique().fields.callStepBits = newValue & CallStep.allBits }
    }
    /// How the customer pays (R20); nil until agreed.
    public var paymentTerms: PaymentTerms? {
        get { box.fields.rare.value.paymentTerms }
        set { unique().fields.rare.value.paymentTerms = newValue }
    }
    /// Where the lead came from (web form, phone system, CSV…).
    public var source: String {
        get { box.fields.source }
        set { unique().fields.source = newValue }
        _modify { yield &unique().fields.source }
    }
    /// How much the deal matters now (R13: "lower its priority"); normal by default.
    public var priority: Priority {
        get { box.fields.priority }
        set { unique().fields.priority = newValue }
        _modify { yield &unique().fields.priority }
    }
    /// Every change of owner, oldest first (R16); creation is not one.
    public var assignments: [Assignment] {
        get { box.fields.rare.value.assignments }
        set { unique().fields.rare.value.assignments = newValue }
    }
    /// The modules billed, oldest first (R21).
    public var modules: [BilledModule] {
        get { box.fields.rare.value.modules }
        set { unique().fields.rare.value.modules = newValue }
    }
    /// The lines of the quote being prepared (R19), in order; `funnel lines`.
    public var quoteLines: [QuoteLine] {
        get { box.fields.rare.value.quoteLines }
        set { unique().fields.rare.value.quoteLines = newValue }
    }
    /// The quotes issued, oldest first; never edited after issue (R19).
    public var quotes: [IssuedQuote] {
        get { box.fields.rare.value.quotes }
        set { unique().fields.rare.value.quotes = newValue }
    }
    /// The chance of winning this deal, in percent, instead of its stage's (forecast); nil: the stage's.
    public var probability: Int? {
        get { box.fields.probability }
        set { unique().fields.probability = newValue }
        _modify { yield &unique().fields.probability }
    }
    /// When the deal is expected to close (forecast by month); nil: not known.
    public var expectedClose: Day? {
        get { box.fields.expectedClose }
        set { unique().fields.expectedClose = newValue }
        _modify { yield &unique().fields.expectedClose }
    }
    /// Bumped by every saved change; lets a writer notice a stale view.
    public var revision: Int {
        get { box.fields.revision }
        set { unique().fields.revision = newValue }
        _modify { yield &unique().fields.revision }
    }
    public var updated: Date {
        get { box.fields.updated }
        set { unique().fields.updated = newValue }
        _modify { yield &unique().fields.updated }
    }
    /// The id of the pipeline the deal is in; nil for the first pipeline (`pipeline.json`), as in
    /// every file from before pipelines (`PipelineSet`).
    public var pipeline: String? {
        get { box.fields.pipeline }
        set { unique().fields.pipeline = newValue }
        _modify { yield &unique().fields.pipeline }
    }

    /// Every stored field of a deal.
    struct Fields: Hashable, Sendable {
        var id: String = ""
        var title: String = ""
        var company: String = ""
        var contact: String = ""
        var phone: String = ""
        var email: String = ""
        var value: Decimal? = nil
        // Three bytes beside the 21 of `value`, where they take no room of their own.
        var priority: Priority = .default
        /// `Deal.callStepBits`.
        var callStepBits: UInt8 = 0
        /// The parts it was read without (`leaveOut`): never written.
        var leftOut: DealParts = []
        /// `value` in hundredths, kept with it (so equal values have equal hundredths).
        var hundredths: UInt64? = nil
        var currency: String = ""
        var owner: String? = nil
        var stage: String = ""
        var created: Date = Date(timeIntervalSince1970: 0)
        var stageEntered: Date = Date(timeIntervalSince1970: 0)
        var nextAction: NextAction? = nil
        var lostReason: String? = nil
        var notes: String = ""
        /// The stage changes and activities, the activities in an array or packed (`DealLog`).
        var log = DealLog()
        var source: String = ""
        /// Payment terms, assignments, billed modules, quote lines and quotes (`RareFields`).
        var rare = RareFields()
        var probability: Int? = nil
        var expectedClose: Day? = nil
        var revision: Int = 1
        var updated: Date = Date(timeIntervalSince1970: 0)
        var pipeline: String? = nil

        /// Puts back the defaults of what `DealParts.details` names, as a reader of the cache that
        /// skips them holds it.
        mutating func leaveOutDetails() {
            (title, company, contact, phone, email, notes, source) = ("", "", "", "", "", "", "")
            if let next = nextAction, !next.text.isEmpty { nextAction = NextAction(date: next.date) }
            for i in log.history.indices where !log.history[i].by.isEmpty { log.history[i].by = "" }
            (priority, callStepBits, rare) = (.default, 0, RareFields())
            (revision, updated) = (1, created)
        }
    }

    /// The fields, shared between copies until one of them changes (then it is copied).
    final class Box: @unchecked Sendable {
        // Safe to share: only a deal holding the sole reference changes it (`unique()`). Its
        // accesses are not checked at run time: every one goes through the deal that owns the
        // box, whose own accesses the compiler checks (a check per field read was a twentieth of
        // reading 100,000 deals).
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    /// The box, copied first when another deal shares it.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    /// A deal of `fields` as they are (`init(counted:)`).
    init(fields: Fields) { box = Box(fields) }

    public static func == (a: Deal, b: Deal) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    public init(
        id: String, title: String, company: String = "", contact: String = "", phone: String = "",
        email: String = "", value: Decimal? = nil, currency: String, owner: String?, stage: String,
        created: Date, stageEntered: Date? = nil, nextAction: NextAction? = nil,
        lostReason: String? = nil, notes: String = "", history: [StageChange] = [],
        revision: Int = 1, updated: Date? = nil
    ) {
        // The fields made first, then boxed once (each setter would look at the box again).
        var f = Fields()
        (f.id, f.title, f.company, f.contact, f.phone, f.email) = (id, title, company, contact, phone, email)
        (f.value, f.hundredths) = (value, value.flatMap(Money.hundredths))
        (f.currency, f.owner, f.stage, f.created, f.stageEntered) = (currency, owner, stage, created, stageEntered ?? created)
        (f.nextAction, f.lostReason, f.notes, f.log) = (nextAction, lostReason, notes, DealLog(history: history, activities: []))
        (f.revision, f.updated) = (revision, updated ?? created)
        box = Box(f)
    }

    /// The value with its currency, when there is one.
    public var money: Money? { value.map { Money(amount: $0, currency: currency) } }

    /// `money?.display`, from the kept hundredths when there are some.
    public var valueDisplay: String? {
        guard let cents = hundredths else { return money?.display }
        return Money.display(hundredths: cents, currency: currency)
    }

    /// `value.map(Money.plain)`, from the kept hundredths when there are some.
    public var valuePlain: String? {
        guard let cents = hundredths else { return value.map(Money.plain) }
        return Money.plain(hundredths: cents)
    }

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
        var c = try ContainerFields(decoder, CodingKeys.self)
        try self.init(fields: &c)
    }

    /// The deal a file holds, field by field (`FieldSource`): the one reading of `Codable` and of
    /// funnel's own JSON reader.
    public init<S: FieldSource>(fields c: inout S) throws {
        typealias K = CodingKeys
        box = Box(Fields())
        id = try c.string(K.id)
        title = try c.string(K.title)
        company = try c.stringIfPresent(K.company) ?? ""
        contact = try c.stringIfPresent(K.contact) ?? ""
        phone = try c.stringIfPresent(K.phone) ?? ""
        email = try c.stringIfPresent(K.email) ?? ""
        if let text = try c.stringIfPresent(K.value) {
            guard let amount = Money.parseAmount(text) else { throw c.corrupt(K.value, "not a decimal amount: \(text)") }
            value = amount
        } else {
            value = nil
        }
        currency = try c.string(K.currency)
        owner = try c.stringIfPresent(K.owner)
        stage = try c.string(K.stage)
        created = try c.date(K.created)
        stageEntered = try c.dateIfPresent(K.stageEntered) ?? created
        nextAction = try c.objectIfPresent(NextAction.self, K.nextAction)
        lostReason = try c.stringIfPresent(K.lostReason)
        notes = try c.stringIfPresent(K.notes) ?? ""
        history = try c.listIfPresent(StageChange.self, K.history) ?? []
        revision = try c.intIfPresent(K.revision) ?? 1
        updated = try c.dateIfPresent(K.updated) ?? created
        activities = try c.listIfPresent(Activity.self, K.activities) ?? []
        try readRareParts(&c)
        if let problem = ValuesWithinLimits.violation(in: self) { throw c.corrupt(problem.text) }
    }

    /// The fields few deals have: call steps, payment terms, assignments, modules, quotes, another
    /// pipeline, a forecast.
    private mutating func readRareParts<S: FieldSource>(_ c: inout S) throws {
        typealias K = CodingKeys
        callSteps = Set(try c.decodedIfPresent([CallStep].self, K.callSteps) ?? [])
        paymentTerms = try c.decodedIfPresent(PaymentTerms.self, K.paymentTerms)
        source = try c.stringIfPresent(K.source) ?? ""
        priority = try c.rawIfPresent(Priority.self, K.priority) ?? .default
        assignments = try c.listIfPresent(Assignment.self, K.assignments) ?? []
        modules = try c.decodedIfPresent([BilledModule].self, K.modules) ?? []
        quoteLines = try c.decodedIfPresent([QuoteLine].self, K.quoteLines) ?? []
        quotes = try c.decodedIfPresent([IssuedQuote].self, K.quotes) ?? []
        pipeline = try c.stringIfPresent(K.pipeline)
        if let pipeline, !PipelineSet.isValidID(pipeline) || pipeline == PipelineSet.firstID {
            throw c.corrupt(K.pipeline, "not another pipeline's id: \(pipeline)")
        }
        probability = try c.intIfPresent(K.probability)
        expectedClose = try c.isoIfPresent(Day.self, K.expectedClose)
    }

    /// Encodes the deal; a deal with a value outside `Limits` is refused (`EncodingError`), so
    /// no writer can leave a file its readers would reject, and so is one read without some of
    /// its parts (`leftOut`), so none is ever written without them.
    public func encode(to encoder: any Encoder) throws {
        if !leftOut.isEmpty {
            throw EncodingError.invalidValue(
                self, .init(codingPath: encoder.codingPath, debugDescription: "deal \(id) was read without some of its parts: it is never written"))
        }
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
