/// Every user-facing text of funnel, board and command line, in English, Hebrew and Arabic:
/// one table per language (`Catalogue+English.swift`, `+Hebrew`, `+Arabic`), keyed by `TextKey`.
public enum Catalogue {
    /// The table of a language.
    public static func table(_ language: Language) -> [TextKey: CatalogueEntry] {
        switch language {
        case .en: return english
        case .he: return hebrew
        case .ar: return arabic
        }
    }

    /// The text of `key` in `language` with its `{placeholders}` filled from `args`; with a
    /// `count`, the plural form for it, and `{count}` filled with the number. A key missing
    /// from a table (never, by test) falls back to English.
    public static func text(_ key: TextKey, _ language: Language, _ args: [String: String] = [:], count: Int? = nil) -> String {
        guard let entry = table(language)[key] ?? english[key] else { return key.rawValue }
        var values = args
        var template = entry.form(.other)
        if let count {
            template = entry.form(language.pluralCategory(count))
            values["count"] = values["count"] ?? String(count)
        }
        return fill(template, values)
    }

    /// `template` with every `{name}` that `values` has replaced, in one pass: braces around
    /// anything else, and braces inside the values, stay as they are.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// The `{names}` a template uses (for the catalogue's tests).
    public static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) { names.insert(String(name)) }
            rest = name.contains("{") ? after : after[after.index(after: close)...]
        }
        return names
    }

    static func merged(_ parts: [[TextKey: CatalogueEntry]]) -> [TextKey: CatalogueEntry] {
        parts.reduce(into: [:]) { $0.merge($1) { first, _ in first } }
    }
}

extension Language {
    /// The text of `key` in this language (see `Catalogue.text`).
    public func text(_ key: TextKey, _ args: [String: String] = [:], count: Int? = nil) -> String {
        Catalogue.text(key, self, args, count: count)
    }
}
