import Foundation

/// Whether a sync must look for local changes with git's full scan of the data directory (a
/// `stat` of every file: 150 ms at 100,000 deals). Every funnel write renames a file into its
/// folder, which moves the folders' times (`FunnelStore.fingerprint`): when they are as the last
/// sync left them, nothing was written through funnel. A file edited in place by hand does not
/// move them, so the full scan also runs when the last one is older than `fullScanAge`.
struct LocalScan {
    /// Where the fingerprint and the time of the last full scan are kept (`.git/funnel-scanned`).
    let file: String
    let now: Date
    /// The longest time between two full scans.
    static let fullScanAge: TimeInterval = 600

    private var recorded: (fingerprint: String, scanned: Date)? {
        guard let data = try? AtomicFile.readFile(file, limit: 1 << 20)?.data else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 1).map(String.init)
        guard parts.count == 2, let seconds = Double(parts[0]) else { return nil }
        return (parts[1], Date(timeIntervalSince1970: seconds))
    }

    /// Whether git must scan for local changes, given the directory's fingerprint now.
    func needsScan(_ fingerprint: String) -> Bool {
        guard let recorded else { return true }
        return recorded.fingerprint != fingerprint || now.timeIntervalSince(recorded.scanned) >= Self.fullScanAge
            || now < recorded.scanned
    }

    /// Notes that a full scan ran now.
    func scanned() { write(fingerprint: recorded?.fingerprint ?? "", scanned: now) }

    /// Notes the fingerprint the sync leaves, keeping the time of the last full scan.
    func record(_ fingerprint: String) { write(fingerprint: fingerprint, scanned: recorded?.scanned ?? .distantPast) }

    private func write(fingerprint: String, scanned: Date) {
        let text = "\(Int(scanned.timeIntervalSince1970))\n\(fingerprint)"
        try? AtomicFile.write(Data(text.utf8), to: file, durable: false)
    }
}
