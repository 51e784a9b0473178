import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real SMTP server on 127.0.0.1 for the mail tests: Python's aiosmtpd with the handler in
/// Fixtures/smtp_saver.py, saving each message into `inbox`. Only 127.0.0.1, a free port, and
/// always stopped (`stop`, called in a `defer`). Shared by `funnel mail`'s end-to-end tests and
/// the board's tmux tests.
public final class SMTPServer {
    public static let python = "/usr/bin/python3"
    public static let msmtp = "/usr/bin/msmtp"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    public let port: UInt16
    public let inbox: String
    private let process: Process

    /// Starts the server and waits (at most 15 s) until it accepts connections.
    public init(root: String) throws {
        inbox = root + "/smtp-inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        port = try SMTPServer.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: SMTPServer.python)
        process.arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "smtp_saver.Saver", inbox]
        process.environment = [
            "PYTHONPATH": SMTPServer.fixtures, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while !SMTPServer.accepts(port) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw ServerDidNotStart(port: port)
            }
            usleep(50_000)
        }
    }

    public struct ServerDidNotStart: Error { public let port: UInt16 }

    /// Stops the server: SIGTERM, then SIGKILL after two seconds; waits for it either way.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The messages received so far, waiting up to `seconds` for at least `count`.
    public func messages(atLeast count: Int, seconds: Double = 10) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
            if names.count >= count || Date() > deadline { return names.map { inbox + "/" + $0 } }
            usleep(50_000)
        }
    }

    /// An msmtp configuration sending to this server without authentication or TLS.
    public func msmtpConfig(at path: String, from: String) throws -> String {
        let text = """
            defaults
            auth off
            tls off
            account local
            host 127.0.0.1
            port \(port)
            from \(from)
            account default : local

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        return path
    }

    /// Whether the tools are installed (.ci/run installs msmtp and python3-aiosmtpd).
    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: msmtp) && FileManager.default.isExecutableFile(atPath: python)
    }

    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw ServerDidNotStart(port: 0) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return UInt16(bigEndian: address.sin_port)
    }

    static func accepts(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
