import FunnelText
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

/// `bidi` and `arabic_shaping` in the config file, and `FUNNEL_BIDI`.
@Suite struct BidiSettingsTests {
    @Test("The config file sets bidi and arabic_shaping; FUNNEL_BIDI overrides bidi")
    func settings() throws {
        let config = try ConfigFile.parse("bidi = terminal\narabic_shaping = on\n", path: "config")
        #expect(config.bidi == .terminal)
        #expect(config.arabicShaping == true)
        let display = try config.textDisplay(environment: [:])
        #expect(!display.reorders && display.shapesArabic)
        let forced = try config.textDisplay(environment: ["FUNNEL_BIDI": "app"])
        #expect(forced.reorders)
        #expect(try ConfigFile().textDisplay(environment: [:]) == .app)
        #expect(try ConfigFile().textDisplay(environment: ["FUNNEL_BIDI": "terminal"]) == .terminal)
    }

    @Test("Bad values are errors that name the line or the variable")
    func badValues() {
        #expect(throws: ThemeError.self) { try ConfigFile.parse("bidi = sometimes\n", path: "config") }
        #expect(throws: ThemeError.self) { try ConfigFile.parse("arabic_shaping = maybe\n", path: "config") }
        #expect(throws: ThemeError.self) { try ConfigFile().textDisplay(environment: ["FUNNEL_BIDI": "both"]) }
    }
}
