/// A value kept out of line: where it is held it takes one reference (8 bytes, nil when absent),
/// for a field most values leave empty. Immutable, so shared freely between copies; equal and
/// hashed by the value, as if it were inline.
final class OutOfLine<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: OutOfLine, b: OutOfLine) -> Bool { a === b || a.value == b.value }

    func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
}
