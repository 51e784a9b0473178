internal import CPangoCairo

/// Pango and Cairo, loaded when a quote PDF is first made, not at every command's start
/// (`Sources/CPangoCairo/shim.h`): whether the library and every function used are there.
enum PangoLibrary {
    /// The first function used that cannot be found, nil when all can: looked up once.
    private static let missing: String? = funnel_pango_missing().map { String(cString: $0) }

    /// Throws `QuotePDFError.libraryMissing` unless the library and every function used are found.
    static func require() throws {
        if let missing { throw QuotePDFError.libraryMissing(library: FUNNEL_PANGO_LIBRARY, function: missing) }
    }
}
