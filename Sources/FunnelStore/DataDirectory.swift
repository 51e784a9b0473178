import Foundation

/// Where funnel keeps its data: `--data-dir`, then `FUNNEL_DATA_DIR`, then
/// `$XDG_DATA_HOME/funnel`, then `~/.local/share/funnel`.
public enum DataDirectory {
    public static func resolve(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return absolute(flag) }
        if let dir = environment["FUNNEL_DATA_DIR"], !dir.isEmpty { return absolute(dir) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return absolute(xdg + "/funnel") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return absolute(home + "/.local/share/funnel")
    }

    static func absolute(_ path: String) -> String {
        var p = path
        if p.hasPrefix("~/") { p = NSHomeDirectory() + p.dropFirst() }
        if !p.hasPrefix("/") { p = FileManager.default.currentDirectoryPath + "/" + p }
        // One spelling of each folder: no `//`, no `/./`, no `/` at the end, so every path built
        // from it compares equal, byte for byte, to the same path built or cut elsewhere.
        let parts = p.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return "/" + parts.joined(separator: "/")
    }
}
