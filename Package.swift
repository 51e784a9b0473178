// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

/// Pango's and GLib's header folders (what `pkg-config --cflags pangocairo` prints, without the
/// `-pthread` SwiftPM warns about); glibconfig.h sits in an architecture's lib folder.
let pangoIncludes: [SwiftSetting] = [
    "/usr/include/pango-1.0", "/usr/include/glib-2.0", "/usr/include/harfbuzz", "/usr/include/freetype2",
    "/usr/include/cairo", "/usr/lib/x86_64-linux-gnu/glib-2.0/include", "/usr/lib/aarch64-linux-gnu/glib-2.0/include",
].map { .unsafeFlags(["-Xcc", "-I" + $0]) }

/// The Swift runtime and Foundation linked into `funnel` (what `swift build --static-swift-stdlib`
/// does, for this binary only): every command starts in 6 ms, not 12 — no shared Swift library for
/// the dynamic loader to find, relocate and bind symbol by symbol (docs/performance.md, "Process
/// start"). Foundation's static archive needs its own parts named; `lld` links without gold's
/// warning about glibc's `mktemp`.
let staticSwift: [LinkerSetting] = [
    .unsafeFlags([
        "-use-ld=lld", "-static-stdlib", "-lCoreFoundation", "-l_FoundationCShims", "-l_FoundationCollections", "-l_FoundationICU",
    ])
]

let package = Package(
    name: "funnel",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "funnel", targets: ["funnel"]),
        .executable(name: "funnel-bench", targets: ["funnel-bench"]),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // GNU FriBidi, the reference bidi algorithm: reordering, mirroring, Arabic shaping.
        .systemLibrary(
            name: "CFriBidi",
            path: "Sources/CFriBidi",
            providers: [.apt(["libfribidi-dev"])]
        ),
        // Pango and Cairo, the libraries GNOME prints with: shaping, bidi and line breaking into a PDF.
        .systemLibrary(
            name: "CPangoCairo",
            path: "Sources/CPangoCairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        // The board's signal state and self-pipe, in one C object file (never in a header).
        .target(name: "CFunnelSignals", path: "Sources/CFunnelSignals", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The C library's wcwidth, which Swift's Glibc module does not show (X/Open only), in one C file.
        .target(name: "CFunnelWidth", path: "Sources/CFunnelWidth"),
        // glibc's heap settings (mallopt, malloc_info), which Swift's Glibc module does not show, in one C file.
        .target(name: "CFunnelHeap", path: "Sources/CFunnelHeap"),
        // Pure domain: stages, deals, rules, roles, queries. Foundation only.
        .target(name: "FunnelCore", swiftSettings: strict),
        // JSON files under the data directory: atomic writes, locking, loading.
        .target(name: "FunnelStore", dependencies: ["FunnelCore", "CFunnelHeap"], swiftSettings: strict),
        // Terminal text: grapheme widths, truncation, sanitising untrusted strings, bidi display.
        .target(name: "FunnelText", dependencies: ["CFunnelWidth", "CFriBidi"], swiftSettings: strict),
        // Typesetting a quote as an A4 PDF from a laid-out QuoteLayout (Pango + Cairo). No domain types.
        .target(name: "FunnelPDF", dependencies: ["CPangoCairo", "CFriBidi"], swiftSettings: strict + pangoIncludes),
        // Quotes (R19): an issued quote and its template laid out as a QuoteLayout for FunnelPDF; issuing one.
        // It and every target above it get Pango's folders too: an incremental build may load
        // CPangoCairo for them through FunnelPDF.
        .target(name: "FunnelQuote", dependencies: ["FunnelCore", "FunnelStore", "FunnelPDF"], swiftSettings: strict + pangoIncludes),
        // Sending email: the mailer (`sendmail -t`), $EDITOR on a draft, templates looked up in the store.
        .target(name: "FunnelMail", dependencies: ["FunnelCore", "FunnelStore"], swiftSettings: strict),
        // The pure board: state, actions, key table, update, render to a text grid, themes. No
        // terminal, files or processes: it links neither ncurses nor the store.
        .target(name: "FunnelBoard", dependencies: ["FunnelCore", "FunnelText"], swiftSettings: strict),
        // The board's driver: ncurses, the store, the effects (mail, quotes, sync), config files.
        .target(
            name: "FunnelTUI",
            dependencies: ["FunnelCore", "FunnelStore", "FunnelMail", "FunnelQuote", "FunnelText", "FunnelBoard", "CNcursesw", "CFunnelSignals"],
            swiftSettings: strict + pangoIncludes),
        .executableTarget(
            name: "funnel",
            dependencies: ["FunnelCore", "FunnelStore", "FunnelMail", "FunnelText", "FunnelBoard", "FunnelTUI", "FunnelQuote", "FunnelPDF"],
            swiftSettings: strict + pangoIncludes,
            linkerSettings: staticSwift),
        // The benchmark: open, key to frame, save, report, memory on generated data sets.
        .executableTarget(name: "funnel-bench", dependencies: ["FunnelCore", "FunnelStore", "FunnelBoard"], swiftSettings: strict),
        // For the reliability tests: a writer making random changes through the store, printing
        // each acknowledged one, to be run side by side and killed at random moments.
        .executableTarget(name: "funnel-torture", dependencies: ["FunnelCore", "FunnelStore"], swiftSettings: strict),
        // What the test targets share (Foundation only, no app target): the binary under test (the
        // release build), the one process runner, tmux driver, fixed clock and temporary folder,
        // Unix accounts, git, tmpfs and lock holders, and a real SMTP server on 127.0.0.1.
        .target(name: "FunnelTestSupport", path: "Tests/FunnelTestSupport", exclude: ["Fixtures"]),
        .testTarget(name: "FunnelCoreTests", dependencies: ["FunnelCore", "FunnelTestSupport"]),
        .testTarget(name: "FunnelStoreTests", dependencies: ["FunnelCore", "FunnelStore", "FunnelTestSupport"]),
        .testTarget(
            name: "FunnelQuoteTests", dependencies: ["FunnelCore", "FunnelStore", "FunnelPDF", "FunnelQuote", "FunnelTestSupport"],
            swiftSettings: pangoIncludes),
        .testTarget(name: "FunnelTextTests", dependencies: ["FunnelText"]),
        // Quote PDFs read back with poppler-utils (pdftotext, pdfinfo, pdfimages, pdftoppm); Cairo
        // directly to write a test logo and read rendered pages.
        .testTarget(name: "FunnelPDFTests", dependencies: ["FunnelPDF", "CPangoCairo", "FunnelTestSupport"], swiftSettings: pangoIncludes),
        .testTarget(
            name: "FunnelTUITests", dependencies: ["FunnelCore", "FunnelText", "FunnelBoard", "FunnelStore", "FunnelTUI", "FunnelTestSupport"],
            swiftSettings: pangoIncludes),
        .testTarget(name: "FunnelEndToEndTests", dependencies: ["FunnelCore", "FunnelTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "FunnelBoardTests", dependencies: ["FunnelCore", "FunnelTestSupport"]),
        .testTarget(name: "FunnelReliabilityTests", dependencies: ["FunnelCore", "FunnelStore", "FunnelTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
