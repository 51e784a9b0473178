import Foundation

/// A command's parsed words, read through its option keys: `arguments[.reason]` is the value
/// of `--reason`, `flag(.json)` whether `--json` was given, `list(.map)` every `--map`.
struct Arguments<Key: OptionKey> {
    let parsed: ParsedArguments

    init(_ parsed: ParsedArguments) { self.parsed = parsed }

    /// The positional words, in order.
    var positionals: [String] { parsed.positionals }

    /// The value of an option that takes one (the first, for a repeatable option); nil when absent.
    subscript(_ key: Key) -> String? { parsed.values[key.rawValue] }

    /// Whether a switch was given.
    func flag(_ key: Key) -> Bool { parsed.switches.contains(key.rawValue) }

    /// Whether an option was given at all, as a switch or with a value.
    func has(_ key: Key) -> Bool { parsed.given(key.rawValue) }

    /// Every value given to a repeatable option, in order.
    func list(_ key: Key) -> [String] { parsed.lists[key.rawValue] ?? [] }

    /// The value of a choice option as `Value`, case-insensitively; nil when absent. Any other
    /// word is a usage error (exit 2): "--kind “x” must be one of open, won, lost; did you mean …?".
    func choice<Value: CaseIterable & RawRepresentable>(_ key: Key, as _: Value.Type = Value.self) throws -> Value?
    where Value.RawValue == String {
        guard let text = self[key] else { return nil }
        return try Choice<Value>.parse(text, flag: key.rawValue)
    }

    /// The same words read through another command's keys (a sub-command's own options).
    func `as`<Other: OptionKey>(_: Other.Type) -> Arguments<Other> { Arguments<Other>(parsed) }
}

/// Reading one of a `CaseIterable` type's raw values, as choice options do.
enum Choice<Value: CaseIterable & RawRepresentable> where Value.RawValue == String {
    /// Every value's word, in declaration order.
    static var words: [String] { Value.allCases.map(\.rawValue) }

    /// The value `text` names (case and surrounding spaces ignored), or a usage error naming
    /// every word with a "did you mean".
    static func parse(_ text: String, flag: String) throws -> Value {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let found = Value.allCases.first(where: { $0.rawValue.lowercased() == wanted }) { return found }
        var message = "--\(flag) “\(text)” must be one of \(words.joined(separator: ", "))"
        if let guess = Suggest.closest(wanted, among: words) { message += "; did you mean \(guess)?" }
        throw CommandFailure.usage(message)
    }
}
