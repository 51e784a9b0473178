/// `n` in decimal with leading zeros to `width` digits ("%0*d" without `String(format:)`, which
/// costs microseconds a call: `list` at 100,000 deals writes a date per row). Days, months and
/// mail dates all pad with it.
func zeroPadded(_ n: Int, _ width: Int) -> String {
    let digits = String(n.magnitude)
    let zeros = String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
    return (n < 0 ? "-" : "") + zeros + digits
}
