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

    @Test func zerosOfDifferentLengthsDiffer() {
        let sums = (0...64).map { Self.sum([UInt8](repeating: 0, count: $0)) }
        #expect(Set(sums).count == sums.count)
    }
}
