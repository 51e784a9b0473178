import Foundation

/// A new lead as it arrives from a web form, a phone system or a CSV drop (R4).
public struct Lead: Hashable, Sendable {
    public var name: String = ""
    public var company: String = ""
    public var phone: String = ""
    public var email: String = ""
    public var source: String = ""
    public var note: String = ""

    public init(
        name: String = "", company: String = "", phone: String = "", email: String = "", source: String = "",
        note: String = ""
    ) {
        self.name = name
        self.company = company
        self.phone = phone
        self.email = email
        self.source = source
        self.note = note
    }

    /// The fields a record may carry.
    public static let fields = ["name", "company", "phone", "email", "source", "note"]

    /// Why the lead cannot be used, or nil when it is fine.
    public var problem: String? {
        let all = [("name", name), ("company", company), ("phone", phone), ("email", email), ("source", source), ("note", note)]
        for (field, text) in all {
            let allowed: Set<Unicode.Scalar> = field == "note" ? ["\t", "\n"] : ["\t"]
            if text.unicodeScalars.contains(where: {
                ($0.value < 0x20 && !allowed.contains($0)) || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            }) {
                return "\(field) contains control characters"
            }
            let limit = field == "note" ? Limits.leadNoteLength : Limits.fieldLength
            if !Limits.fits(text, limit) { return "\(field) is longer than \(limit) characters" }
        }
        if name.isBlank && company.isBlank {
            return "a lead needs a name or a company"
        }
        if phone.isEmpty && email.isEmpty { return "a lead needs a phone or an email to be reached" }
        if !email.isEmpty {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(where: \.isWhitespace) {
                return "“\(email)” is not an email address"
            }
        }
        if !phone.isEmpty {
            let digits = phone.filter { $0.isASCII && $0.isNumber }
            let allowed = phone.allSatisfy { ($0.isASCII && $0.isNumber) || " +-().".contains($0) }
            if !allowed || digits.count < 6 || digits.count > 15 { return "“\(phone)” is not a phone number" }
        }
        return nil
    }

    /// The phone's last nine digits, so 054-1234567 and +972 54 123 4567 match.
    public static func phoneKey(_ phone: String) -> String? {
        let digits = phone.filter { $0.isASCII && $0.isNumber }
        return digits.count >= 6 ? String(digits.suffix(9)) : nil
    }

    public static func emailKey(_ email: String) -> String? {
        let key = email.trimmingSpaces().lowercased()
        return key.contains("@") ? key : nil
    }

    /// The deal draft this lead becomes: unassigned, in the inbox.
    public func draft(inbox: String) -> NewDeal {
        var draft = NewDeal(title: name.isEmpty ? company : name)
        draft.company = company
        draft.contact = name
        draft.phone = phone
        draft.email = email
        draft.notes = note
        draft.stage = inbox
        return draft
    }
}

/// A record of an import and how it went.
public struct LeadRecord: Hashable, Sendable {
    /// 1-based line number in the input.
    public var line: Int
    public var result: Result<Lead, LeadError>
}

public struct LeadError: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
