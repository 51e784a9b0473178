import Foundation
import FunnelStore

/// POSIX ACLs through the `setfacl` program, given only objects already opened safely: each is
/// named by its descriptor's entry in /proc, which reaches exactly the open object however its
/// name changes. setfacl would follow a symbolic link if it were given a name.
enum SetFacl {
    /// How many objects one run of setfacl changes.
    static let batchSize = 200

    /// Where setfacl is, or nil when the `acl` package is not installed.
    static var executable: String? {
        ["/usr/bin/setfacl", "/bin/setfacl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Removes every ACL entry, then adds `entries` (setfacl -b -m).
    static func replace(_ nodes: [SafeNode], with entries: [String]) throws {
        try run(["-b", "-m", entries.joined(separator: ",")], on: nodes)
    }

    /// Adds or changes `entries` (setfacl -m).
    static func modify(_ nodes: [SafeNode], with entries: [String]) throws {
        guard !entries.isEmpty else { return }
        try run(["-m", entries.joined(separator: ",")], on: nodes)
    }

    /// Removes every ACL entry (setfacl -b).
    static func removeAll(_ nodes: [SafeNode]) throws {
        try run(["-b"], on: nodes)
    }

    static func run(_ options: [String], on nodes: [SafeNode]) throws {
        guard let executable else { throw StoreError.io(path: "setfacl", detail: "not installed (Debian: apt-get install acl)") }
        for start in stride(from: 0, to: nodes.count, by: batchSize) {
            let batch = nodes[start..<min(start + batchSize, nodes.count)]
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = options + batch.map(\.descriptorPath)
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let names = batch.map(\.path).joined(separator: ", ")
                throw StoreError.io(path: names, detail: "setfacl failed: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        }
    }
}
