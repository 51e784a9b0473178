import Foundation
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

@Suite struct ThemeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func builtInThemesMatchTheFilesInThemes() throws {
        let directory = Self.root.appendingPathComponent("Themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".theme") }
        #expect(Set(files.map { String($0.dropLast(6)) }) == Set(BuiltinThemes.files.keys))
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(
                BuiltinThemes.files[String(file.dropLast(6))] == text.trimmingCharacters(in: .newlines),
                "\(file) differs from the copy in BuiltinThemes.swift; regenerate it")
        }
    }

    @Test func everyBuiltInThemeParsesAndCoversEveryRole() throws {
        for (name, text) in BuiltinThemes.files {
            let theme = try Theme.parse(text, name: name)
            for role in StyleRole.allCases { #expect(theme.entries[role] != nil, "\(name) lacks \(role)") }
        }
        #expect(try Theme.parse(BuiltinThemes.files["mono"]!, name: "mono").usesColor == false)
        #expect(try Theme.parse(BuiltinThemes.files["dark"]!, name: "dark").usesColor)
    }

    @Test func aBadThemeLineNamesTheLine() {
        #expect(throws: ThemeError.self) { try Theme.parse("normal = 1 2\nbogus = 1 2\n", name: "x") }
        do {
            _ = try Theme.parse("normal = 1 2\ncard = 1 2 ; white black ; blink\n", name: "x")
            Issue.record("accepted an unknown attribute")
        } catch let error as ThemeError {
            #expect(error.message.contains("line 2"))
        } catch {
            Issue.record("wrong error")
        }
    }

    @Test func unknownThemeNamesListTheBuiltIns() {
        #expect(throws: ThemeError.self) { try Theme.load("neon", environment: ["HOME": "/nonexistent"]) }
    }

    @Test func configFileReadsThemeAndMouse() throws {
        let config = try ConfigFile.parse("# mine\ntheme = light\nmouse = on\n", path: "config")
        #expect(config.theme == "light")
        #expect(config.mouse == true)
        #expect(throws: ThemeError.self) { try ConfigFile.parse("colour = red\n", path: "config") }
    }

    @Test func docsKeysMatchesTheKeyTable() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/keys.md"), encoding: .utf8)
        #expect(text == KeyTable.markdown, "docs/keys.md is stale; regenerate it with: funnel keys > docs/keys.md")
    }
}
