import Foundation

/// Little-endian bytes for the snapshot cache (never the format of record: that is JSON).
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

    mutating func f64(_ v: Double) { u64(v.bitPattern) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ s: String?) {
        if let s {
            u8(1)
            string(s)
        } else {
            u8(0)
        }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Writes `v` over the four bytes at `offset` (a length known only once what follows is written).
    mutating func setU32(_ v: UInt32, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { bytes.replaceSubrange(offset..<(offset + 4), with: $0) }
    }

    mutating func setU64(_ v: UInt64, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { bytes.replaceSubrange(offset..<(offset + 8), with: $0) }
    }
}

/// Why cached bytes cannot be read; the cache is then rebuilt from the JSON files.
struct CacheUnreadable: Error {}

/// Reads what `BinaryWriter` wrote; any inconsistency throws `CacheUnreadable`.
struct BinaryReader {
    let buffer: UnsafeRawBufferPointer
    var offset: Int
    /// Makes repeated texts one string, when given (`TextInterner`).
    let interner: TextInterner?

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0, interner: TextInterner? = nil) {
        self.buffer = buffer
        self.offset = offset
        self.interner = interner
    }

    var remaining: Int { buffer.count - offset }

    mutating func need(_ n: Int) throws {
        guard n >= 0, offset + n <= buffer.count else { throw CacheUnreadable() }
    }

    mutating func u8() throws -> UInt8 {
        try need(1)
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func u32() throws -> UInt32 {
        try need(4)
        defer { offset += 4 }
        return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func u64() throws -> UInt64 {
        try need(8)
        defer { offset += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }

    mutating func f64() throws -> Double { Double(bitPattern: try u64()) }

    mutating func string() throws -> String {
        let count = Int(try u32())
        try need(count)
        defer { offset += count }
        return Self.text(UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)]), interner)
    }

    /// The text of a string's UTF-8 bytes, as `string()` makes it (one string for repeated texts
    /// when there is an `interner`).
    static func text(_ bytes: UnsafeRawBufferPointer, _ interner: TextInterner?) -> String {
        interner?.text(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// A string's UTF-8 bytes, as `string()` reads them, without making it.
    mutating func stringBytes() throws -> UnsafeRawBufferPointer {
        let count = Int(try u32())
        try need(count)
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
    }

    /// Steps over a string without making it.
    mutating func skipString() throws {
        let count = Int(try u32())
        try need(count)
        offset += count
    }

    mutating func optionalString() throws -> String? {
        try u8() == 1 ? try string() : nil
    }

    /// An optional string's UTF-8 bytes, as `optionalString()` reads it, without making it.
    mutating func optionalStringBytes() throws -> UnsafeRawBufferPointer? {
        try u8() == 1 ? try stringBytes() : nil
    }

    /// A string when `keep`, else stepped over: "" (a reader without `DealParts.details`).
    mutating func text(_ keep: Bool) throws -> String {
        if keep { return try string() }
        try skipString()
        return ""
    }

    /// An optional string when `keep`, else stepped over: nil.
    mutating func optionalText(_ keep: Bool) throws -> String? {
        try u8() == 1 ? try text(keep) : nil
    }
}

/// A 32-bit checksum of the cache's bytes, to tell a whole record from a torn or changed one:
/// eight bytes at a time (FNV-1a's byte at a time was a tenth of reading 100,000 cached deals).
/// Each word is mixed into a 64-bit state by steps that lose nothing (xor, a multiplication by an
/// odd number, a shift-xor), so any change to one word changes the state; the length goes in too.
func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var state: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ word: UInt64) {
        state = (state ^ word) &* multiplier
        state ^= state >> 32
    }
    let words = bytes.count / 8
    for i in 0..<words { mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) }
    var tail: UInt64 = 0
    for i in (words * 8)..<bytes.count { tail |= UInt64(bytes[i]) << (8 * UInt64(i - words * 8)) }
    mix(tail)
    // The length last: taken in first, it cancelled a last byte equal to the length's change
    // ([] and [1] had one sum).
    mix(UInt64(bytes.count))
    return UInt32(truncatingIfNeeded: state ^ (state >> 29))
}
