import Foundation

/// What happened on a call (R2: an outcome, never a stage).
public enum CallOutcome: String, Codable, CaseIterable, Sendable {
    case reached
    case noAnswer = "no-answer"
    case busy
    case leftMessage = "left-message"
    case wrongNumber = "wrong-number"

    /// Whether the attempt failed to reach the person (R11 counts these).
    public var isUnanswered: Bool { self != .reached }

    public var label: String { label(in: .en) }
}

/// The kinds of things logged on a deal's timeline.
public enum ActivityKind: String, Codable, CaseIterable, Sendable {
    case call
    case email
    case meeting
    case note
    /// Customer training, logged before module billing (R21).
    case training
    /// A lead captured again for a deal that already exists (R4 duplicates).
    case lead
    /// A quote issued (R19); its note is the number and total.
    case quote
}

/// One entry of a deal's timeline: a call and its outcome, an email, a meeting, a note…
public struct Activity: Codable, Hashable, Sendable, FieldReadable {
    public var at: Date
    public var by: String
    public var note: String
    /// The module a training was for (R21); nil for everything else.
    public var module: String? {
        get { trained?.value }
        set { trained = newValue.map(OutOfLine.init) }
    }
    /// `module`, out of line: few activities have one. With the two bytes below after it, an
    /// activity takes 56 bytes, not 64 (460,728 activities in 100,000 demo deals).
    private var trained: OutOfLine<String>?
    public var kind: ActivityKind
    /// Set for calls.
    public var outcome: CallOutcome?

    public init(
        at: Date, by: String, kind: ActivityKind, outcome: CallOutcome? = nil, note: String = "",
        module: String? = nil
    ) {
        self.at = at
        self.by = by
        self.kind = kind
        self.outcome = outcome
        self.note = note
        self.trained = module.map(OutOfLine.init)
    }

    /// A short line for timelines: "call: no answer — note".
    public var summary: String {
        summary(in: .en)
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case at, by, kind, outcome, note, module }

    public init(from decoder: any Decoder) throws {
        var c = try ContainerFields(decoder, CodingKeys.self)
        try self.init(fields: &c)
    }

    public init<S: FieldSource>(fields c: inout S) throws {
        at = try c.date(CodingKeys.at)
        by = try c.string(CodingKeys.by)
        kind = try c.raw(ActivityKind.self, CodingKeys.kind)
        outcome = try c.rawIfPresent(CallOutcome.self, CodingKeys.outcome)
        note = try c.stringIfPresent(CodingKeys.note) ?? ""
        module = try c.stringIfPresent(CodingKeys.module)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        try c.encode(by, forKey: .by)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(outcome, forKey: .outcome)
        try c.encode(note, forKey: .note)
        try c.encodeIfPresent(module, forKey: .module)
    }
}

/// What a person may log with `funnel log ID OUTCOME` or `c` on the board.
public enum LogEntry: Hashable, Sendable {
    case call(CallOutcome)
    case other(ActivityKind)

    /// Parses `reached`, `no-answer`, `busy`, `left-message`, `wrong-number`, `email`, `meeting`,
    /// `note`, `training` (also with spaces or underscores).
    public init?(_ text: String) {
        let key = text.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        if let outcome = CallOutcome(rawValue: key) {
            self = .call(outcome)
        } else if let kind = ActivityKind(rawValue: key), kind != .call, kind != .lead, kind != .quote {
            self = .other(kind)
        } else {
            return nil
        }
    }

    public static var allNames: [String] {
        CallOutcome.allCases.map(\.rawValue) + ["email", "meeting", "note", "training"]
    }
}

/// The steps of a sales call a rep can tick on a deal (R14).
public enum CallStep: String, Codable, CaseIterable, Sendable {
    case rapport, discovery, presentation, closing

    public var label: String { label(in: .en) }
}

/// How a customer pays (R20), in the order they are offered.
public enum PaymentMethod: String, Codable, CaseIterable, Sendable {
    case creditCard = "credit-card"
    case bankTransfer = "bank-transfer"
    case cardStandingOrder = "card-standing-order"
    case bankStandingOrder = "bank-standing-order"
    case cheques

    public var label: String { label(in: .en) }
}

/// A deal's payment terms (R20): annual deals, 12 installments by default.
public struct PaymentTerms: Codable, Hashable, Sendable {
    public static let defaultInstallments = 12

    public var installments: Int
    public var method: PaymentMethod

    public init(installments: Int = PaymentTerms.defaultInstallments, method: PaymentMethod) {
        self.installments = installments
        self.method = method
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case installments, method }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        installments = try c.decode(Int.self, forKey: .installments)
        method = try c.decode(PaymentMethod.self, forKey: .method)
    }
}
