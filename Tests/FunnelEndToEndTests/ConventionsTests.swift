import Foundation
import Testing

/// The conventions of a Unix tool: man pages, shell completions, `version --json`, `config`.
@Suite("Man pages, completions, version and config")
struct ConventionsTests {
    static let manDirectory = FunnelBinary.packageRoot + "/docs/man"

    @Test func committedManPagesEqualTheGeneratedOnes() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.ok("install-man", s.root + "/man")
        let generated = try FileManager.default.contentsOfDirectory(atPath: s.root + "/man/man1").sorted()
        let committed = try FileManager.default.contentsOfDirectory(atPath: Self.manDirectory).filter { $0.hasSuffix(".1") }.sorted()
        #expect(generated == committed, "regenerate with: .build/release/funnel install-man /tmp/m && cp /tmp/m/man1/*.1 docs/man/")
        #expect(generated.contains("funnel.1") && generated.contains("funnel-import.1") && generated.contains("funnel-add.1"))
        for name in generated {
            #expect(s.bytes(s.root + "/man/man1/" + name) == s.bytes(Self.manDirectory + "/" + name), "\(name) is out of date")
        }
        let one = try s.ok("man", "import")
        #expect(Data(one.stdout.utf8) == s.bytes(Self.manDirectory + "/funnel-import.1"))
    }

    @Test func manPagesRenderWithoutWarnings() throws {
        let s = try Sandbox()
        defer { s.remove() }
        let groff = "/usr/bin/groff"
        try #require(FileManager.default.isExecutableFile(atPath: groff), "groff is needed (apt-get install groff-base; .ci/run does)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.manDirectory).filter { $0.hasSuffix(".1") }
        for page in pages {
            let result = try runProgram(
                groff, ["-man", "-Tutf8", "-ww", Self.manDirectory + "/" + page],
                environment: s.environment(), scratch: s.root)
            #expect(result.ok && result.stderr.isEmpty, "\(page): \(result.stderr)")
            #expect(result.stdout.contains("funnel manual"), "\(page)")
        }
        let main = try runProgram(
            groff, ["-man", "-Tutf8", "-ww", Self.manDirectory + "/funnel.1"], environment: s.environment(),
            scratch: s.root)
        #expect(main.stdout.components(separatedBy: "(1)").count > 25, "every command's page is named: \(main.stdout.prefix(3000))")
    }

    /// Sources the generated bash completion in bash and asks it to complete `words`.
    func complete(_ s: Sandbox, _ words: [String]) throws -> [String] {
        let array = words.map { "'\($0)'" }.joined(separator: " ")
        let script = "source <(funnel completions bash); COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1); _funnel; echo ${COMPREPLY[@]}"
        var env = s.environment()
        env["PATH"] = (FunnelBinary.path as NSString).deletingLastPathComponent + ":" + env["PATH"]!
        let result = try runProgram("/bin/bash", ["-c", script], environment: env, scratch: s.root)
        #expect(result.ok && result.stderr.isEmpty, "\(result)")
        return result.output.split(separator: " ").map(String.init)
    }

    @Test func bashCompletesCommandsFlagsStagesAccountsAndDealIDs() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Completion deal", "--owner", "rita")
        #expect(try complete(s, ["funnel", "mo"]) == ["move"])
        #expect(try complete(s, ["funnel", "im"]) == ["import"])
        #expect(try complete(s, ["funnel", "import", "--sk"]) == ["--skip-bad"])
        #expect(try complete(s, ["funnel", "import", "x.csv", "--encoding", "windows-125"]) == ["windows-1255", "windows-1256"])
        #expect(try complete(s, ["funnel", "list", "--stage", "fo"]) == ["follow-up", "former-customer"])
        #expect(try complete(s, ["funnel", "assign", id, "r"]) == ["rita"])
        #expect(try complete(s, ["funnel", "move", String(id.prefix(3))]) == [id])
        #expect(try complete(s, ["funnel", "move", id, "cust"]) == ["customer"])
        #expect(try complete(s, ["funnel", "move", "--reason", "x", id, "cust"]) == ["customer"], "flag values are skipped")
        #expect(try complete(s, ["funnel", "config", "set", "mo"]) == ["mouse"])
        #expect(try complete(s, ["funnel", "--da"]) == ["--data-dir"])
        #expect(try complete(s, ["funnel", "add", "x", "--priority", "h"]) == ["high"])
        #expect(try complete(s, ["funnel", "add", "x", "--phone", "0"]).isEmpty, "a phone is free text, not a choice")
        #expect(try complete(s, ["funnel", "mail", id, "--template", "s"]).isEmpty, "mail templates are not pipeline templates")
        #expect(try complete(s, ["funnel", "report", "--period", "q"]) == ["quarter"])
        #expect(try complete(s, ["funnel", "add", "x", "--currency", "IL"]) == ["ILS"])
        #expect(try complete(s, ["funnel", "export", "--format", "x"]) == ["xlsx-csv"])
        #expect(try complete(s, ["funnel", "stages", "re"]) == ["rename", "remove"])
        #expect(try complete(s, ["funnel", "stages", "remove", "fo"]) == ["follow-up", "former-customer"])
        #expect(try complete(s, ["funnel", "lost-reasons", "r"]) == ["remove"])
        #expect(try complete(s, ["funnel", "lines", "add", String(id.prefix(3))]) == [id])
    }

    @Test func installManRefusesAnEmptyFolderAndExportTakesAOneLetterOne() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let empty = try s.run("install-man", "")
        #expect(empty.status == Exit.usage && empty.stderr.contains("DIR is empty"), "\(empty)")
        let export = try runProgram(
            FunnelBinary.path, ["export", "--all", "--output", "g"], environment: s.environment(),
            scratch: s.root, workingDirectory: s.root)
        #expect(export.ok && FileManager.default.fileExists(atPath: s.root + "/g/deals.csv"), "\(export)")
    }

    @Test func zshAndFishScriptsAreGenerated() throws {
        let s = try Sandbox()
        defer { s.remove() }
        let fish = try s.ok("completions", "fish")
        #expect(fish.stdout.contains("complete -c funnel -n __fish_use_subcommand -a import"))
        #expect(fish.stdout.contains("-l encoding") && fish.stdout.contains("funnel complete-words stages"))
        let zsh = try s.ok("completions", "zsh")
        #expect(zsh.stdout.contains("bashcompinit") && zsh.stdout.contains("complete -F _funnel funnel"))
        #expect(try s.run("completions", "tcsh").status == Exit.usage)
    }

    @Test func versionJSON() throws {
        let s = try Sandbox()
        defer { s.remove() }
        let result = try s.ok("version", "--json")
        let object = try jsonObject(result.stdout)
        let plain = try s.ok("--version")
        #expect(plain.output == "funnel " + (object.string("version") ?? "?"))
        #expect(object.string("build") == "release" && object["data_schema"] as? Int == 1, "\(object)")
        #expect(try s.ok("version").output.contains("data schema 1"))
    }

    @Test func configGetSetListValidated() throws {
        let s = try Sandbox()
        defer { s.remove() }
        let config = s.root + "/home/.config/funnel/config"
        #expect(
            try s.ok("config", "list").stdout == """
                theme = dark
                mouse = off
                bidi = app
                arabic_shaping = on
                mailer = /usr/sbin/sendmail -t (when installed)
                language = from the locale, else en
                board_direction = auto
                sync_interval = 5
                archive_after = 90

                """)
        // Every setting the board and `funnel mail` read can be set and read back.
        try s.ok("config", "set", "bidi", "terminal")
        try s.ok("config", "set", "mailer", "msmtp -t")
        try s.ok("config", "set", "language", "he")
        #expect(try s.ok("config", "get", "mailer").stdout == "msmtp -t\n")
        #expect(try s.ok("config", "get", "bidi").stdout == "terminal\n")
        #expect(try s.run("config", "set", "bidi", "terminl").stderr.contains("did you mean terminal"))
        try FileManager.default.removeItem(atPath: config)
        try FileManager.default.createDirectory(atPath: s.root + "/home/.config/funnel", withIntermediateDirectories: true)
        try Data("# mine\ntheme = mono\n".utf8).write(to: URL(fileURLWithPath: config))
        try s.ok("config", "set", "mouse", "true")
        try s.ok("config", "set", "theme", "light")
        #expect(String(data: s.bytes(config) ?? Data(), encoding: .utf8) == "# mine\ntheme = light\nmouse = on\n")
        #expect(try s.ok("config", "get", "theme").output == "light")
        let unknown = try s.run("config", "set", "mose", "on")
        #expect(unknown.status == Exit.usage && unknown.stderr.contains("did you mean mouse?"), "\(unknown)")
        let theme = try s.run("config", "set", "theme", "lihgt")
        #expect(theme.status == Exit.usage && theme.stderr.contains("did you mean light?"), "\(theme)")
        let mouse = try s.run("config", "set", "mouse", "maybe")
        #expect(mouse.status == Exit.usage && mouse.stderr.contains("on or off"), "\(mouse)")
        for bad in ["-1", "36501", "ninety"] {
            let archive = try s.run("config", "set", "archive_after", bad)
            #expect(archive.status == Exit.usage && archive.stderr.contains("0 to 36500"), "\(archive)")
        }
        #expect(String(data: s.bytes(config) ?? Data(), encoding: .utf8) == "# mine\ntheme = light\nmouse = on\n", "refusals write nothing")
        try s.ok("config", "set", "archive_after", "30")
        #expect(try s.ok("config", "get", "archive_after").output == "30")
        try s.ok("config", "set", "archive_after", "90")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: s.root + "/home/.config/funnel")
        #expect(leftovers == ["config"], "written atomically, no temporary file left: \(leftovers)")
    }
}
