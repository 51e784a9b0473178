import FunnelCore
import Testing

/// Account names are login names; the check runs by bytes and must say what the rule says.
@Suite struct AccountNameTests {
    /// The rule as written: a letter or underscore, then letters, digits, `_ . -`; ASCII; ≤ 32.
    static func rule(_ text: String) -> Bool {
        guard let first = text.first, text.count <= 32, first.isASCII, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }

    @Test func theByteCheckAgreesWithTheRule() {
        var samples = ["dana", "_x", "a.b-c_9", "9abc", ".a", "-a", "", "דנה", "dané", "a b", "a\r\n", "Zz", "a@b", "a[b", "a`b", "a{b"]
        samples.append(String(repeating: "a", count: 32))
        samples.append(String(repeating: "a", count: 33))
        for byte in UInt8(0)...UInt8(127) {
            let c = String(UnicodeScalar(byte))
            samples += [c, "a" + c, "a" + c + "b"]
        }
        for text in samples { #expect(User.isValidAccount(text) == Self.rule(text), "\(text.debugDescription)") }
    }
}
