import Foundation
import FunnelTestSupport

/// poppler-utils run on a PDF (installed by `.ci/run`), and a temporary directory per test.
enum PopplerTools {
    /// The standard output of `tool arguments`; throws when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try runProgram("/usr/bin/\(tool)", arguments, environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        guard result.ok else {
            throw ToolFailed(description: "\(tool) \(arguments.joined(separator: " ")) exited \(result.status)")
        }
        return result.stdout
    }

    /// `pdftotext` of the whole file to standard output, with `-layout` or in reading order.
    static func text(_ pdf: String, layout: Bool) throws -> String {
        try run("pdftotext", (layout ? ["-layout"] : []) + ["-enc", "UTF-8", pdf, "-"])
    }

    /// The text of page `page` only.
    static func text(_ pdf: String, page: Int) throws -> String {
        try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", pdf, "-"])
    }

    /// The page count `pdfinfo` reports.
    static func pageCount(_ pdf: String) throws -> Int {
        let info = try run("pdfinfo", [pdf])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    /// The page size line `pdfinfo` reports, e.g. "595.28 x 841.89 pts (A4)".
    static func pageSize(_ pdf: String) throws -> String {
        let info = try run("pdfinfo", [pdf])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
        return line.dropFirst("Page size:".count).trimmingCharacters(in: .whitespaces)
    }

    /// Each image `pdfimages -list` reports, as its "width height" columns.
    static func images(_ pdf: String) throws -> [String] {
        let lines = try run("pdfimages", ["-list", pdf]).split(separator: "\n").dropFirst(2)
        return lines.map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return "\(fields[3]) \(fields[4])"
        }
    }

    struct ToolFailed: Error, CustomStringConvertible {
        let description: String
    }
}
