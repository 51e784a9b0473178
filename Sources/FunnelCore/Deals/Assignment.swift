import Foundation

/// One change of a deal's owner: who made it, when, from whom, to whom (R16). `from` is nil
/// when the deal had no owner (an inbox lead), `to` is nil when it went back to the inbox.
public struct Assignment: Codable, Hashable, Sendable {
    public var at: Date
    public var by: String
    public var from: String?
    public var to: String?

    public init(at: Date, by: String, from: String?, to: String?) {
        self.at = at
        self.by = by
        self.from = from
        self.to = to
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case at, by, from, to }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        at = try c.decode(Date.self, forKey: .at)
        by = try c.decode(String.self, forKey: .by)
        from = try c.decodeIfPresent(String.self, forKey: .from)
        to = try c.decodeIfPresent(String.self, forKey: .to)
    }
}
