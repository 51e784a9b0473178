import Foundation

/// What a person may do (R15).
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Sees and changes only their own deals, plus the shared inbox.
    case rep
    /// Sees every deal, assigns and reassigns, opens the reports.
    case manager
}

/// A member of the team.
public struct User: Codable, Hashable, Sendable, Identifiable {
    /// The login account name ("dana"); what deals store as their owner.
    public var account: String
    public var name: String
    public var role: Role

    public var id: String { account }

    public init(account: String, name: String, role: Role) {
        self.account = account
        self.name = name.isEmpty ? account : name
        self.role = role
    }

    /// Account names are login names: a letter or underscore, then letters, digits, `_ . -`.
    public static func isValidAccount(_ text: String) -> Bool {
        guard let first = text.first, text.count <= 32, first.isASCII, first.isLetter || first == "_" else {
            return false
        }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }

    /// Up to two initials of the display name, for cards in boss mode.
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
