import Foundation

/// The worker of the tests that issue quotes from several processes at once: a shell script,
/// run as `sh issue.sh GO BIN ID COUNT`, that waits for the file GO, then issues COUNT quotes
/// of deal ID with the funnel binary BIN (exit 10 at the first that fails).
enum QuoteIssuingScript {
    /// Writes the script into `folder`; returns its path and the path of the file that starts it.
    static func write(in folder: String) throws -> (script: String, go: String) {
        let script = folder + "/issue.sh", go = folder + "/go"
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        return (script, go)
    }

    static let text = """
        go="$1"; bin="$2"; id="$3"; count="$4"
        while [ ! -e "$go" ]; do sleep 0.005; done
        i=1
        while [ "$i" -le "$count" ]; do
          "$bin" quote "$id" || exit 10
          i=$((i + 1))
        done
        """
}
