import Foundation
import Testing

@testable import FunnelCore

/// `Timestamp.format` writes the digits itself; Foundation's ISO 8601 format style is the reference.
struct TimestampFormatTests {
    static func reference(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }

    @Test func everyStoredMomentIsWrittenAsFoundationWritesIt() {
        var generator = SystemRandomNumberGenerator()
        let latest = Limits.latestTime.timeIntervalSince1970
        var moments: [Double] = [0, 0.999, 59, 86_399.5, 86_400, 951_782_400, 4_107_542_399, latest, latest - 0.25]
        for _ in 0..<20_000 {
            let whole = Double(Int.random(in: 0...Int(latest), using: &generator))
            moments.append(Bool.random(using: &generator) ? whole : min(latest, whole + Double.random(in: 0..<1, using: &generator)))
        }
        for seconds in moments {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.format(date) == Self.reference(date), "\(seconds)")
        }
    }

    @Test func leapDaysAndCenturyBoundaries() {
        for text in ["2000-02-29T23:59:59Z", "2100-03-01T00:00:00Z", "2024-12-31T12:34:56Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
            #expect(Timestamp.format(Timestamp.parse(text)!) == text)
        }
    }

    @Test func momentsOutsideTheStoredRangeAreLeftToFoundation() {
        for seconds: Double in [-1.5, -86_400 * 400, Limits.latestTime.timeIntervalSince1970 + 1] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.format(date) == Self.reference(date))
        }
    }

    @Test func daysAreWrittenAsTheirZeroPaddedFields() {
        var generator = SystemRandomNumberGenerator()
        var days = [-1, 0, 59, 2_932_896, 2_932_897, -719_528, -719_529]
        for _ in 0..<20_000 { days.append(Int.random(in: -1_000_000...3_500_000, using: &generator)) }
        for n in days {
            let day = Day(daysSinceEpoch: n), c = day.components
            #expect(day.iso == zeroPadded(c.year, 4) + "-" + zeroPadded(c.month, 2) + "-" + zeroPadded(c.day, 2), "\(n)")
        }
    }
}
