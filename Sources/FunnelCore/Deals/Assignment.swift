import Foundation

/// One change of a deal's owner: who made it, when, from whom, to whom (R16). `from` is nil
/// when the deal had no owner (an inbox lead), `to` is nil when it went back to the inbox.
public struct Assignment: Codable, Hashable, Sendable, FieldReadable {
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

    enum CodingKeys: String, ChangeRecordKeys { case at, by, from, to }

    public init(from decoder: any Decoder) throws {
        var c = try ContainerFields(decoder, CodingKeys.self)
        try self.init(fields: &c)
    }

    public init<S: FieldSource>(fields c: inout S) throws {
        (at, by, from) = try c.changeHead(CodingKeys.self)
        to = try c.stringIfPresent(CodingKeys.to)
    }
}
