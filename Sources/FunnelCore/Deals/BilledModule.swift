import Foundation

/// A product module billed on a deal (R21): which, when and by whom. A module is billed only
/// after a training activity for it is logged (`TrainingBeforeBilling`).
public struct BilledModule: Codable, Hashable, Sendable {
    public var module: String
    public var at: Date
    public var by: String

    public init(module: String, at: Date, by: String) {
        self.module = module
        self.at = at
        self.by = by
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case module, at, by }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        module = try c.decode(String.self, forKey: .module)
        at = try c.decode(Date.self, forKey: .at)
        by = try c.decode(String.self, forKey: .by)
    }

    /// A module name as typed, cleaned: surrounding spaces trimmed, inner runs of white space
    /// (and line breaks) made one space. Empty when nothing is left.
    public static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Whether two module names name the same module: compared case-insensitively, cleaned.
    public static func same(_ a: String, _ b: String) -> Bool {
        clean(a).lowercased() == clean(b).lowercased()
    }
}

extension Deal {
    /// The modules a training was logged for, in the order first trained (R21).
    public var trainedModules: [String] {
        var seen: [String] = []
        for activity in activities where activity.kind == .training {
            if let module = activity.module, !seen.contains(where: { BilledModule.same($0, module) }) { seen.append(module) }
        }
        return seen
    }

    /// Whether `module` was billed on this deal.
    public func isBilled(_ module: String) -> Bool {
        modules.contains { BilledModule.same($0.module, module) }
    }

    /// Whether a training for `module` is logged on this deal.
    public func isTrained(_ module: String) -> Bool {
        activities.contains { $0.kind == .training && $0.module.map { BilledModule.same($0, module) } == true }
    }
}
