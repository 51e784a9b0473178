import Foundation

/// What a text filter searches on a deal, and how: title, company, contact and phone, ignoring
/// case, diacritics (niqqud, harakat) and width; a filter of digits also finds the phone with
/// its separators ("0541234" finds "054-1234567").
public enum SearchText {
    /// Folds text for searching.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The searchable text of a deal, computed once per deal version.
    public static func haystack(_ deal: Deal) -> String {
        fold([deal.title, deal.company, deal.contact, deal.phone].joined(separator: "\u{1F}"))
            + "\u{1F}" + deal.phone.filter(\.isNumber)
    }

    /// Whether a haystack contains a folded needle (an empty needle matches everything).
    public static func matches(_ haystack: String, folded needle: String) -> Bool {
        needle.isEmpty || haystack.range(of: needle) != nil
    }
}
