/// A string equal to another, and hashed, by its UTF-8 bytes rather than by Unicode canonical
/// equivalence: sort titles are ordered by their bytes, so they are told equal by their bytes
/// too, or two titles could be equal and yet have a third between them.
struct ByteString: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ByteString, b: ByteString) -> Bool { sameBytes(a.text, b.text) }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
    }

    /// Whether two strings have the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }
}
