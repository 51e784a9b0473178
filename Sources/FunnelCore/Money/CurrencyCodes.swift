import Foundation

/// The active ISO 4217 currency codes (list one of the standard), without `XTS` (for testing)
/// and `XXX` (no currency): a deal's currency and a pipeline's default must be one of these.
public enum CurrencyCodes {
    /// Every accepted code, upper case, sorted.
    public static let all: [String] = """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD \
        CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL \
        GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD \
        KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO \
        NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD \
        SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV \
        WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL
        """.split(separator: " ").map(String.init)

    private static let set = Set(all)

    /// Whether `code` (any case) is an active ISO 4217 code.
    public static func contains(_ code: String) -> Bool {
        code.utf8.count == 3 && set.contains(code.uppercased())
    }

    /// The code someone probably meant by `text`: a code `text` starts with ("EURO" → EUR),
    /// else the nearest code at most two letters away, preferring one with the same first
    /// letter ("QQQ" → QAR); nil when nothing is close.
    public static func suggestion(for text: String) -> String? {
        let typed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard typed.unicodeScalars.allSatisfy({ $0.isASCII }), !typed.isEmpty, typed.count <= 8 else { return nil }
        if typed.count > 3, set.contains(String(typed.prefix(3))) { return String(typed.prefix(3)) }
        let typedLetters = Array(typed)
        var best: (code: String, score: Int)?
        for code in all {
            let letters = Array(code)
            var score = abs(letters.count - typedLetters.count) * 2
            for i in 0..<min(letters.count, typedLetters.count) where letters[i] != typedLetters[i] { score += 2 }
            if letters.first != typedLetters.first { score += 1 }
            if score <= 5, score < (best?.score ?? Int.max) { best = (code, score) }
        }
        return best?.code
    }
}
