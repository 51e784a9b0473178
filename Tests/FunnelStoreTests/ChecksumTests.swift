import Testing

@testable import FunnelStore

/// The cache's checksum notices any one flipped bit, any torn end, and zero bytes added.
struct ChecksumTests {
    static func sum(_ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBytes { checksum($0) } }

    @Test func everyFlippedBitOfEveryLengthChangesTheChecksum() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...80 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let original = Self.sum(bytes)
            for bit in 0..<(length * 8) {
                var flipped = bytes
                flipped[bit / 8] ^= 1 << UInt8(bit % 8)
                #expect(Self.sum(flipped) != original, "length \(length), bit \(bit)")
            }
            if length > 0 { #expect(Self.sum(Array(bytes.dropLast())) != original, "torn at \(length)") }
        }
    }

    /// A torn end is noticed whatever the byte lost: with the length taken in first, a last byte
    /// equal to the change of length cancelled it ([] and [1] had one sum).
    @Test func everyLastByteTornOffIsNoticed() {
        for length in 1...17 {
            for last in UInt8.min...UInt8.max {
                let bytes = [UInt8](repeating: 0, count: length - 1) + [last]
                #expect(Self.sum(bytes) != Self.sum(Array(bytes.dropLast())), "length \(length), last byte \(last)")
            }
        }
    }

    @Test func zerosOfDifferentLengthsDiffer() {
        let sums = (0...64).map { Self.sum([UInt8](repeating: 0, count: $0)) }
        #expect(Set(sums).count == sums.count)
    }
}
