import Foundation
import FunnelCore
import FunnelQuote
import FunnelStore

/// `funnel quote ID`: issues a quote of the deal's lines as a PDF (R19), numbered Q-YYYY-NNNN.
enum QuoteCommand: Command {
    static let spec = CommandSpec(
        name: "quote", summary: "Issue a quote of a deal's lines as a PDF (R19).",
        arguments: [.dealID],
        options: Option.specs,
        details: """
            Prints the number and the PDF's path: Q-2026-0001 DATA/quotes/deals/REP/Q-2026-0001.pdf
            The quote is frozen on the deal (funnel quotes ID), logged, and sets the deal's value
            when it has none. Numbers run per data directory and year with no gaps; a refusal
            (no lines, a template with an unknown placeholder: exit 3) uses no number.
            Templates: DATA/templates/quote/LANG.txt (docs/quotes.md).
            """)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case lang
        case out
        case open

        var spec: OptionSpec {
            switch self {
            case .lang:
                OptionSpec(value: "LANG", "the template's language: he, ar or en (default: the deal's, from its contact)", oneOf: Language.self)
            case .out: OptionSpec(value: "FILE", "also copy the PDF to FILE")
            case .open: OptionSpec("open the PDF with xdg-open")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let (funnel, actor, deal) = try session.visibleDealWithFunnel(arguments.positionals[0])
        let language = try arguments.choice(.lang, as: Language.self)
        if let out = arguments[.out] { try checkOut(out, dataRoot: session.store.root) }
        let outcome: QuoteIssuer.Outcome
        do {
            outcome = try session.data {
                try QuoteIssuer.issue(
                    store: session.store, funnel: funnel, actor: actor, dealID: deal.id, language: language,
                    now: session.now, utcOffset: session.utcOffset)
            }
        } catch let failure as QuoteIssuer.PDFFailure {
            let message = "funnel quote: \(failure.description); nothing was issued"
            throw failure.isTemplateProblem ? CommandFailure.refused(message) : CommandFailure.data(message)
        }
        switch outcome {
        case .notFound: throw Session.unknownDeal(arguments.positionals[0])
        case .refused(let refusal): throw CommandFailure.refused(refusal.message.localized)
        case .issued(_, let quote, let path):
            Console.line("\(quote.number) \(path)")
            if let out = arguments[.out] { try copy(path, to: out, number: quote.number) }
            if arguments.flag(.open) { open(arguments[.out] ?? path, environment: session.environment) }
        }
    }

    /// `--out FILE` checked before a number is used: a file name in an existing folder, outside
    /// the data directory (a PDF copied over a deal, the pipeline or another quote would destroy it).
    static func checkOut(_ out: String, dataRoot: String) throws {
        guard !out.isEmpty, !out.hasSuffix("/") else { throw CommandFailure.usage("--out needs a file name, e.g. --out quote.pdf") }
        var info = stat()
        let folder = AtomicFile.folder(of: out)
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw CommandFailure.usage("--out: the folder \(folder) does not exist; nothing was issued")
        }
        if lstat(out, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw CommandFailure.usage("--out: \(out) is a folder; give a file name in it; nothing was issued")
        }
        if lstat(out, &info) == 0, ![S_IFREG, S_IFLNK].contains(info.st_mode & S_IFMT) {
            throw CommandFailure.usage("--out: \(out) is not a regular file (a device or a FIFO); nothing was issued")
        }
        guard let real = realpath(folder, nil) else { return }
        defer { free(real) }
        let resolved = String(cString: real)
        let root =
            realpath(dataRoot, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? dataRoot
        if resolved == root || resolved.hasPrefix(root + "/") {
            throw CommandFailure.usage(
                "--out: \(out) is inside the data directory, where funnel keeps its own files; "
                    + "copy the quote somewhere else; nothing was issued")
        }
    }

    /// Copies the issued PDF to `out` atomically (the quote stays issued if this fails).
    static func copy(_ path: String, to out: String, number: String) throws {
        do {
            guard let data = try AtomicFile.read(path) else { throw StoreError.io(path: path, detail: "vanished") }
            try AtomicFile.write(data, to: out, mode: 0o644)
        } catch let error as StoreError {
            throw CommandFailure.data("quote \(number) is issued, but copying it to \(out) failed: \(error.description)")
        }
    }

    /// Opens the PDF with xdg-open when there is one; never waits for the viewer.
    static func open(_ path: String, environment: [String: String]) {
        let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        guard let opener = dirs.map({ $0 + "/xdg-open" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return Console.error("funnel quote: xdg-open is not installed; open \(path) yourself")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Console.error("funnel quote: could not run \(opener): \(error)") }
    }
}
