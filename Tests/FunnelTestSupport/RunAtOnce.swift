import Foundation

/// One program of a group that `runAtOnce` starts working at the same moment.
public struct ProgramRun: Sendable {
    public let executable: String
    public let arguments: [String]
    public let environment: [String: String]

    public init(_ executable: String, _ arguments: [String], environment: [String: String]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }
}

/// Runs `programs` (by key), each on a thread of its own, and waits for all of them. With `go`,
/// a path the programs wait for (as their scripts do, polling), the file is created `delay` after
/// all were started, so they set to work together. The results by key, and for a program that
/// could not be run, why.
public func runAtOnce(
    _ programs: [String: ProgramRun], go: String? = nil, delay: TimeInterval = 0.1, scratch: String? = nil,
    timeLimit: TimeInterval = 60
) -> (results: [String: RunResult], failures: [String]) {
    let collected = Collected()
    let group = DispatchGroup()
    for (key, program) in programs {
        group.enter()
        DispatchQueue.global().async {
            defer { group.leave() }
            do {
                let result = try runProgram(
                    program.executable, program.arguments, environment: program.environment, scratch: scratch,
                    timeLimit: timeLimit)
                collected.add(key, result)
            } catch {
                collected.fail("\(key): \(error)")
            }
        }
    }
    if let go {
        Thread.sleep(forTimeInterval: delay)
        _ = FileManager.default.createFile(atPath: go, contents: nil)
    }
    group.wait()
    return collected.all
}

/// Results gathered from the threads of `runAtOnce`.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: RunResult] = [:]
    private var failures: [String] = []

    func add(_ key: String, _ result: RunResult) {
        lock.lock()
        defer { lock.unlock() }
        results[key] = result
    }

    func fail(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        failures.append(text)
    }

    var all: (results: [String: RunResult], failures: [String]) {
        lock.lock()
        defer { lock.unlock() }
        return (results, failures)
    }
}
