import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A command line from a setting (`mailer = /usr/sbin/sendmail -t`, `$EDITOR`) as words, the
/// way a shell would split it without expanding anything: spaces separate words, '…' and "…"
/// quote, a backslash escapes the next character. Nothing is ever run through a shell.
enum CommandWords {
    /// The words of `text`, or nil when a quote is left open.
    static func split(_ text: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in text {
            if escaped {
                current.append(ch)
                escaped = false
            } else if ch == "\\", quote != "'" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if ch == open { quote = nil } else { current.append(ch) }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                inWord = true
            } else if ch.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(ch)
                inWord = true
            }
        }
        guard quote == nil, !escaped else { return nil }
        if inWord { words.append(current) }
        return words
    }

    /// The program `name` names: itself when it contains a `/`, else the first executable of
    /// that name on `path` (the `PATH` variable); nil when there is none.
    static func executable(_ name: String, path: String?) -> String? {
        if name.contains("/") { return isExecutable(name) ? name : nil }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0
    }
}
