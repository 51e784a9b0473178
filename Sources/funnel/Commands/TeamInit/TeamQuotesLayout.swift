import Foundation
import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// `quotes/`, laid out like the deals it belongs with (docs/team.md): `quotes/deals/REP/` as
/// private as `deals/REP/`, `quotes/inbox/` shared like `inbox/`, and `quotes/numbers/`, the
/// counter every member writes.
extension TeamLayout {
    mutating func applyQuotes(_ root: SafeNode) throws {
        try root.makeDirectory("quotes", mode: 0o2750)
        guard let quotes = open("quotes", in: root, as: .directory) else { return }
        try quotes.set(owner: 0, group: gid, mode: 0o2750)
        try SetFacl.replace([quotes], with: managers.map { "u:\($0):rwx" } + ["g::r-x", "o::---", "m::rwx"])
        let isPDF = { (name: String) in StorePaths.quoteNumber(ofPDF: name) != nil }
        try applyInbox("inbox", in: quotes, files: isPDF)
        try applyDeals("deals", in: quotes, files: isPDF)
        try applyQuoteNumbers(quotes)
        try applyOldQuotes(quotes)
    }

    /// `quotes/numbers/`: every member adds a number's empty file; sticky, so no one removes or
    /// replaces one someone else made.
    private mutating func applyQuoteNumbers(_ quotes: SafeNode) throws {
        try quotes.makeDirectory("numbers", mode: 0o3770)
        guard let numbers = open("numbers", in: quotes, as: .directory) else { return }
        try numbers.set(owner: 0, group: gid, mode: 0o3770)
        try SetFacl.removeAll([numbers])
        try restrict(numbers, skipping: [])
    }

    /// What `quotes/` held before quotes followed their deals: the PDFs (whose owners are not
    /// known from their names) become the managers' only; `numbers.json` stays readable by members.
    private mutating func applyOldQuotes(_ quotes: SafeNode) throws {
        let access = managers.map { "u:\($0):rw-" } + ["g::---", "o::---", "m::rw-"]
        var kept: Set<String> = ["inbox", "deals", "numbers"]
        var pdfs: [SafeNode] = []
        for name in try quotes.names() where StorePaths.quoteNumber(ofPDF: name) != nil || name == "numbers.json" {
            guard let file = open(name, in: quotes, as: .file) else { continue }
            kept.insert(name)
            if name == "numbers.json" {
                try file.set(owner: 0, group: gid, mode: 0o640)
                try SetFacl.removeAll([file])
                continue
            }
            try file.set(owner: 0, group: gid, mode: 0o660)
            pdfs.append(file)
            if pdfs.count == SetFacl.batchSize {
                try SetFacl.replace(pdfs, with: access)
                pdfs.removeAll()
            }
        }
        if !pdfs.isEmpty { try SetFacl.replace(pdfs, with: access) }
        try restrict(quotes, skipping: kept)
    }
}
