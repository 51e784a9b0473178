/// Why a quote PDF could not be made. Each case says what to fix in its `description`.
public enum QuotePDFError: Error, Equatable, CustomStringConvertible {
    /// None of the font families the typesetter knows is installed (fontconfig found none).
    case noFont(tried: [String])
    /// The logo file is missing, unreadable or not a PNG Cairo can decode.
    case logoUnreadable(path: String, reason: String)
    /// The PDF could not be written to `path`.
    case cannotWrite(path: String, reason: String)
    /// Cairo refused to draw or finish the document.
    case renderingFailed(reason: String)
    /// Pango and Cairo could not be loaded (`library` missing), or lack `function` (too old).
    case libraryMissing(library: String, function: String)

    public var description: String {
        switch self {
        case .noFont(let tried):
            return "no font for the quote PDF: none of \(tried.joined(separator: ", ")) is installed "
                + "(install fonts-dejavu-core, or fonts-noto-core for a nicer page)"
        case .logoUnreadable(let path, let reason):
            return "cannot use the logo \(path): \(reason) (the logo must be a PNG file)"
        case .cannotWrite(let path, let reason):
            return "cannot write the PDF \(path): \(reason)"
        case .renderingFailed(let reason):
            return "cannot typeset the quote PDF: \(reason)"
        case .libraryMissing(let library, let function):
            return "cannot make the quote PDF: \(library) is not installed, or has no \(function) "
                + "(install libpangocairo-1.0-0, Pango and Cairo)"
        }
    }
}
