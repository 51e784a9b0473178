/// One text of the catalogue in one language: a plain text, or a text per plural category.
/// Placeholders are written `{name}` and filled by `Catalogue.text`.
public struct CatalogueEntry: Sendable, ExpressibleByStringLiteral {
    /// The forms by plural category; a plain text has only `.other`.
    public let forms: [PluralCategory: String]

    public init(stringLiteral value: String) { forms = [.other: value] }

    init(forms: [PluralCategory: String]) { self.forms = forms }

    /// Whether the text changes with a count.
    public var isPlural: Bool { forms.count > 1 }

    /// A text with a form per plural category (`{count}` stands for the number).
    static func plural(
        zero: String? = nil, one: String, two: String? = nil, few: String? = nil, many: String? = nil,
        other: String
    ) -> CatalogueEntry {
        var forms: [PluralCategory: String] = [.one: one, .other: other]
        forms[.zero] = zero
        forms[.two] = two
        forms[.few] = few
        forms[.many] = many
        return CatalogueEntry(forms: forms)
    }

    /// The form for a category, falling back to `other`.
    func form(_ category: PluralCategory) -> String { forms[category] ?? forms[.other] ?? "" }
}
