import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program without a shell. Its input comes from a private temporary file and its
/// output goes to another, so neither side can block on a full pipe; funnel prints what it
/// said through `Console`, never raw.
enum ChildProcess {
    struct Result {
        var status: Int32
        /// Standard output and standard error together, as text.
        var output: String
        var timedOut: Bool
    }

    /// Runs `program` with `arguments`, feeding it `input`, waiting at most `timeout` seconds.
    static func run(_ program: String, _ arguments: [String], input: Data, timeout: Double) throws -> Result {
        let inputFile = try TempFile(contents: input)
        defer { inputFile.remove() }
        let outputFile = try TempFile(contents: Data())
        defer { outputFile.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let stdin = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputFile.path))
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile.path))
        defer {
            try? stdin.close()
            try? stdout.close()
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                process.waitUntilExit()
                break
            }
            usleep(20_000)
        }
        let said = (try? Data(contentsOf: URL(fileURLWithPath: outputFile.path))).map { String(decoding: $0.prefix(16_384), as: UTF8.self) } ?? ""
        return Result(status: timedOut ? -1 : process.terminationStatus, output: said, timedOut: timedOut)
    }

    /// Runs `program` on the terminal (an editor): it inherits funnel's input and output.
    static func runInteractive(_ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
