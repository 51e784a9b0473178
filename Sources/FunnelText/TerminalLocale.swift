import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// wcwidth answers −1 for every non-ASCII character until the C library's locale is UTF-8.
public enum TerminalLocale {
    /// Sets the locale from the environment, falling back to C.UTF-8 when that is not UTF-8.
    /// Safe to call many times; the work happens once.
    public static func prepare() { _ = prepared }

    private static let prepared: Bool = {
        setlocale(LC_ALL, "")
        if !isUTF8 { setlocale(LC_CTYPE, "C.UTF-8") }
        return isUTF8
    }()

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
