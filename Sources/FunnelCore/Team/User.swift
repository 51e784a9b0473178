import Foundation

/// What a person may do (R15).
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Sees and changes only their own deals, plus the shared inbox.
    case rep
    /// Sees every deal, assigns and reassigns, opens the reports.
    case manager
}

/// A member of the team.
public struct User: Codable, Hashable, Sendable, Identifiable, FieldReadable {
    /// The login account name ("dana"); what deals store as their owner.
    public var account: String
    public var name: String
    public var role: Role
    /// The address their emails are sent from (R11, `funnel mail`); nil until set.
    public var email: String?

    public var id: String { account }

    enum CodingKeys: String, CodingKey, CaseIterable { case account, name, role, email }

    public init(from decoder: any Decoder) throws {
        var c = try ContainerFields(decoder, CodingKeys.self)
        try self.init(fields: &c)
    }

    /// A member read field by field: funnel's own JSON reader reads a team of a thousand sellers
    /// this way, on every command, without a container per member.
    public init<S: FieldSource>(fields c: inout S) throws {
        self.init(
            account: try c.string(CodingKeys.account), name: try c.string(CodingKeys.name),
            role: try c.raw(Role.self, CodingKeys.role), email: try c.stringIfPresent(CodingKeys.email))
        guard User.isValidAccount(account) else { throw c.corrupt(CodingKeys.account, "“\(account)” is not an account name") }
        if let email, !MailAddress.isValid(email) { throw c.corrupt(CodingKeys.email, "“\(email)” is not an email address") }
    }

    public init(account: String, name: String, role: Role, email: String? = nil) {
        self.account = account
        self.name = name.isEmpty ? account : name
        self.role = role
        self.email = email
    }

    /// Account names are login names: a letter or underscore, then letters, digits, `_ . -`.
    public static func isValidAccount(_ text: String) -> Bool {
        // By bytes: every allowed character is one ASCII byte (a seller's folder is checked on
        // every command about one deal, a thousand of them in a big team).
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= 32, isASCIILetter(first) || first == UInt8(ascii: "_") else {
            return false
        }
        return bytes.allSatisfy {
            isASCIILetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
                || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The first name: the display name's first word (the account when the name is empty),
    /// what a card shows in boss mode. "יוסי כהן" → "יוסי", "Dana Levi" → "Dana".
    public var shortName: String {
        let first = name.split(whereSeparator: { $0.isWhitespace }).first.map(String.init) ?? ""
        return first.isEmpty ? account : first
    }

    /// Up to two initials of the display name.
    public var initials: String {
        let words = name.split(whereSeparator: { $0.isWhitespace })
        let letters = words.prefix(2).compactMap(\.first)
        return letters.isEmpty ? String(account.prefix(2)) : String(letters).uppercased()
    }
}

/// The people who share a data directory.
public struct Team: Codable, Hashable, Sendable {
    public var users: [User]

    public init(users: [User] = []) { self.users = users }

    public func user(_ account: String) -> User? { users.first { $0.account == account } }

    public var managers: [User] { users.filter { $0.role == .manager } }

    public var reps: [User] { users.filter { $0.role == .rep } }
}
