import Foundation
import Testing

@testable import FunnelCore

@Suite struct ZeroPaddedTests {
    @Test func isWhatPrintfWrites() {
        for n in [-10_000, -123, -5, -1, 0, 1, 7, 9, 10, 99, 100, 999, 1_000, 2_026, 9_999, 10_000, 123_456] {
            for width in 0...6 {
                #expect(zeroPadded(n, width) == String(format: "%0*d", width, n), "\(n) \(width)")
            }
        }
    }

    @Test func datesAreWrittenAsBefore() throws {
        let day = try #require(Day(iso: "0007-03-09"))
        #expect(day.iso == "0007-03-09")
        #expect(DateStyle.dayMonthDot.full(day) == "09.03.0007")
        #expect(DateStyle.dayMonthSlash.short(day, today: day) == "09/03")
    }
}
