import Foundation
import FunnelCore

/// Quote series of a team synced over git (docs/sync.md): quote numbers are given offline, so each
/// clone numbers in a series of its own, `Q-YYYY-S-NNNN`. The clone that shared the data keeps the
/// plain `Q-YYYY-NNNN`; every clone that joins is given the first free series (A, B, … Z, AA …),
/// registered as the file `quotes/series/S` in a commit pushed on top of the remote's branch. A
/// push is git's compare-and-swap: when someone pushed first (maybe a series of their own), the
/// series is chosen again from what they pushed, so two clones never hold one series.
extension SyncRepository {
    /// Gives this clone its series (see above), records it in `.git/funnel-quote-series` and
    /// returns it. Offline: `SyncError.offline`, nothing recorded.
    func registerSeries(account: String, branch: String, remote: String) throws -> String {
        for _ in 0..<Self.attemptsLimit * 2 {
            try fetchOrigin(remote: remote)
            guard let theirs = try git.value(["rev-parse", "-q", "--verify", "refs/remotes/origin/\(branch)^{commit}"]) else {
                throw SyncError.refused("\(remote) has no branch \(branch): run funnel sync init in the data directory that has the data")
            }
            let taken = try takenSeries(at: theirs)
            guard let series = (0..<QuoteNumber.seriesCount).lazy.map(QuoteNumber.series(at:)).first(where: { !taken.contains($0) }) else {
                throw SyncError.refused("every quote series (A to ZZZ) is taken in \(SyncFiles.seriesFolder)/ of \(remote): a person looks at it")
            }
            let commit = try CommitWriter(git: git).commit(
                parent: theirs,
                changes: [
                    (
                        "\(SyncFiles.seriesFolder)/\(series)",
                        .content(Data("\(account)\n".utf8))
                    )
                ],
                message: "funnel sync: quote series \(series) for \(account)")
            let output = try git.run(["push", "-q", "origin", "\(commit):refs/heads/\(branch)"])
            if output.status == 0 {
                try git.check(["update-ref", "refs/remotes/origin/\(branch)", commit])
                try recordSeries(series)
                return series
            }
            if !isRaceLost(output.stderr) { throw SyncError.offline(remote: remote, detail: output.reason) }
        }
        throw StoreError.io(path: root, detail: "the remote kept changing while a quote series was chosen; run funnel sync again")
    }

    /// Every series ever given in the history of `commit` (a series file removed later still
    /// counts: a series is never given twice), and every series a quote number or PDF there uses.
    func takenSeries(at commit: String) throws -> Set<String> {
        let registered = try git.check(["log", "--format=", "--name-only", "--no-renames", commit, "--", SyncFiles.seriesFolder]).text
            .split(separator: "\n").map { ($0 as NSString).lastPathComponent }
        let used = try present(["quotes"], in: commit).compactMap { path -> String? in
            let name = (path as NSString).lastPathComponent
            return (QuoteNumber(name) ?? StorePaths.quoteNumber(ofPDF: name))?.series
        }
        return Set(registered + used).filter(QuoteNumber.isSeries)
    }

    /// Records this clone's series (`""`: the plain numbers of the clone that shared the data).
    func recordSeries(_ series: String) throws {
        try AtomicFile.write(Data(((series.isEmpty ? FunnelStore.firstSeriesRecord : series) + "\n").utf8), to: store.quoteSeriesPath)
    }

    /// Whether this clone has a series recorded.
    var hasSeries: Bool { AtomicFile.identity(store.quoteSeriesPath) != nil }

    /// Whether a refused push lost a race (someone pushed first), rather than failing.
    func isRaceLost(_ stderr: String) -> Bool {
        stderr.contains("[rejected]") || stderr.contains("non-fast-forward") || stderr.contains("fetch first")
            || (stderr.contains("but expected") && !stderr.contains("File exists"))
    }
}
