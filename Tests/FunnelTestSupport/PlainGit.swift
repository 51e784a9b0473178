import Foundation

/// Plain `git` for the sync tests: the team's bare repository, and a teammate going around funnel
/// in a clone, as that person (author and committer).
public enum PlainGit {
    /// `git init --bare PATH`.
    public static func makeBare(_ path: String, environment: [String: String]) throws -> RunResult {
        try runProgram("/usr/bin/env", ["git", "init", "-q", "--bare", path], environment: environment)
    }

    /// `git -C FOLDER ARGUMENTS`, with `person` as author and committer when given.
    public static func run(
        _ arguments: [String], in folder: String, as person: String? = nil, environment: [String: String],
        timeLimit: TimeInterval = 60
    ) throws -> RunResult {
        var env = environment
        if let person {
            for role in ["AUTHOR", "COMMITTER"] {
                env["GIT_\(role)_NAME"] = person
                env["GIT_\(role)_EMAIL"] = "\(person)@example.com"
            }
        }
        return try runProgram("/usr/bin/env", ["git", "-C", folder] + arguments, environment: env, timeLimit: timeLimit)
    }
}
