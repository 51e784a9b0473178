/// ISO 8601 text written digit by digit into one buffer: a day ("2026-11-24") and a moment in
/// UTC ("2026-11-24T09:00:00Z"), for the many dates of `list --all` and `--json`.
enum ISOText {
    /// `day` as YYYY-MM-DD (its year within 0…9999), then "THH:MM:SSZ" when `secondOfDay`
    /// (0…86,399) is given.
    static func write(_ day: Day, secondOfDay: Int?) -> String {
        let (year, month, dayOfMonth) = day.components
        return String(unsafeUninitializedCapacity: secondOfDay == nil ? 10 : 20) { out in
            func put(_ n: Int, _ width: Int, at start: Int) {
                var n = n
                for i in stride(from: start + width - 1, through: start, by: -1) {
                    out[i] = UInt8(ascii: "0") + UInt8(n % 10)
                    n /= 10
                }
            }
            put(year, 4, at: 0)
            put(month, 2, at: 5)
            put(dayOfMonth, 2, at: 8)
            (out[4], out[7]) = (UInt8(ascii: "-"), UInt8(ascii: "-"))
            guard let time = secondOfDay else { return 10 }
            put(time / 3_600, 2, at: 11)
            put(time / 60 % 60, 2, at: 14)
            put(time % 60, 2, at: 17)
            out[10] = UInt8(ascii: "T")
            (out[13], out[16], out[19]) = (UInt8(ascii: ":"), UInt8(ascii: ":"), UInt8(ascii: "Z"))
            return 20
        }
    }
}
