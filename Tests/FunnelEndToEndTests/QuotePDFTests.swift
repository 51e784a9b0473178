import Foundation
import Testing

/// R19's PDFs from the release binary, read back with poppler's `pdftotext`: every line's name,
/// quantity and total, the VAT, the total and the installments, in English, Hebrew and Arabic;
/// and numbering with four processes issuing at once.
@Suite("quote PDFs read back, and numbering under concurrent writers")
struct QuotePDFTests {
    /// `pdftotext -layout` of `pdf`, bidi marks dropped.
    static func text(_ pdf: String, scratch: String) throws -> String {
        let result = try runProgram(
            "/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], environment: ["PATH": "/usr/bin:/bin"],
            scratch: scratch)
        #expect(result.ok, "\(result)")
        return String(
            String.UnicodeScalarView(
                result.stdout.unicodeScalars.filter { !(0x200E...0x200F).contains($0.value) && !(0x202A...0x202E).contains($0.value) }))
    }

    /// `text` made comparable: without white space (right-to-left lines may come back split where
    /// glyphs sit apart), without ₪ and % (poppler puts them on either side of a number in a
    /// right-to-left line), and with Arabic lam-alef ligatures in logical order again (poppler
    /// gives the alef before the lam: "اإل" for "الإ").
    static func squeezed(_ text: String) -> String {
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "₪" && $0 != "%" }))
        return kept.replacingOccurrences(of: "اإل", with: "الإ").replacingOccurrences(of: "األ", with: "الأ")
            .replacingOccurrences(of: "اآل", with: "الآ")
    }

    /// The line of `text` that holds `words` (compared without white space), or nil.
    static func line(in text: String, holding words: [String]) -> String? {
        text.split(separator: "\n").map(String.init).first { line in
            let squeezedLine = squeezed(line)
            return words.allSatisfy { squeezedLine.contains(squeezed($0)) }
        }
    }

    struct Expected {
        let language: String
        let rows: [[String]]
        let sums: [[String]]
    }

    @Test(arguments: [
        Expected(
            language: "en",
            rows: [
                ["CRM, yearly licence", "3", "₪3,240.00"], ["Data migration", "1.5", "₪1,200.02"],
                ["התקנה", "והדרכה", "VAT exempt", "₪450.50"],
            ],
            sums: [
                ["Subtotal", "₪4,890.52"], ["VAT 18%", "₪799.20"], ["Total", "₪5,689.72"],
                ["12 installments of ₪474.14", "₪474.18"],
            ]),
        Expected(
            language: "he",
            rows: [
                ["CRM, yearly licence", "3", "₪3,240.00"], ["Data migration", "1.5", "₪1,200.02"],
                ["התקנה", "והדרכה", "₪450.50"],
            ],
            sums: [
                ["סכום ביניים", "₪4,890.52"], ["מע\"מ", "18%", "₪799.20"], ["סה\"כ לתשלום", "₪5,689.72"],
                ["12", "תשלומים", "₪474.14", "₪474.18"],
            ]),
        Expected(
            language: "ar",
            rows: [
                ["CRM, yearly licence", "3", "₪3,240.00"], ["Data migration", "1.5", "₪1,200.02"],
                ["התקנה", "והדרכה", "₪450.50"],
            ],
            sums: [
                ["المجموع الفرعي", "₪4,890.52"], ["ضريبة القيمة المضافة", "18%", "₪799.20"], ["الإجمالي", "₪5,689.72"],
                ["الدفعات", "12", "₪474.14", "₪474.18"],
            ]),
    ])
    func everyLineAndSumIsInThePDF(expected: Expected) throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        try box.ok("products", "add", "CRM-Y", "--name", "CRM, yearly licence", "--price", "1200")
        try box.ok("products", "add", "SETUP", "--name", "התקנה והדרכה", "--price", "450.50", "--vat-exempt")
        let id = try box.add("Acme CRM", "--company", "Acme Ltd", "--contact", "Dana")
        try box.ok("lines", "add", id, "CRM-Y", "--qty", "3", "--discount", "10")
        try box.ok("lines", "add", id, "--text", "Data migration", "--price", "800.01", "--qty", "1.5")
        try box.ok("lines", "add", id, "SETUP")
        let printed = try box.ok("quote", id, "--lang", expected.language).output
        let path = try #require(printed.split(separator: " ").last.map(String.init))
        let text = try Self.text(path, scratch: box.root)
        for row in expected.rows {
            #expect(Self.line(in: text, holding: row) != nil, "\(expected.language): no line with \(row) in:\n\(text)")
        }
        for sum in expected.sums {
            #expect(Self.line(in: text, holding: sum) != nil, "\(expected.language): no line with \(sum) in:\n\(text)")
        }
        #expect(Self.squeezed(text).contains("Q-2026-0001"))
    }

    @Test func fourProcessesIssuingAtOnceGetNumbersOneToNWithoutGaps() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        try box.ok("products", "add", "P", "--name", "Product", "--price", "10")
        let workers = 4, perWorker = 5
        var ids: [String] = []
        for worker in 0..<workers {
            let id = try box.add("Deal \(worker)")
            try box.ok("lines", "add", id, "P")
            ids.append(id)
        }
        let (scriptPath, go) = try QuoteIssuingScript.write(in: box.root)
        let programs = Dictionary(
            uniqueKeysWithValues: ids.map { id in
                (id, ProgramRun("/bin/sh", [scriptPath, go, FunnelBinary.path, id, String(perWorker)], environment: box.environment()))
            })
        let (results, failures) = runAtOnce(programs, go: go, scratch: box.root)
        #expect(failures.isEmpty, "\(failures)")
        var numbers: [String] = []
        for id in ids {
            let result = try #require(results[id])
            #expect(result.ok, "\(result)")
            let issued = result.output.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
            #expect(issued.count == perWorker)
            #expect(try jsonArray(try box.ok("quotes", id, "--json").stdout).map { $0.string("number") } == issued)
            numbers += issued
        }
        let expected = (1...(workers * perWorker)).map { String(format: "Q-2026-%04d", $0) }
        #expect(numbers.sorted() == expected)
        let pdfs = try FileManager.default.subpathsOfDirectory(atPath: box.dataDir + "/quotes").filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.map { ($0 as NSString).lastPathComponent }.sorted() == expected.map { $0 + ".pdf" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.dataDir + "/quotes/numbers").sorted() == expected)
    }
}
