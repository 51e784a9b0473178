import Foundation
import FunnelCore

/// A data directory synced over git (docs/sync.md), checked from its files alone (doctor runs no
/// git): a clone without a quote series, files a sync could not merge and nobody has put right
/// since, what an interrupted sync left, and funnel's two git files gone or changed.
extension Doctor {
    func syncFindings(repair: Bool) throws -> [Finding] {
        let git = store.root + "/.git"
        guard Self.isFolder(git) else { return [] }
        var findings: [Finding] = []
        if AtomicFile.identity(store.quoteSeriesPath) != nil {
            do { _ = try store.quoteSeries() } catch {
                findings.append(Finding(path: store.quoteSeriesPath, problem: "\(error)", action: "remove it and run funnel sync once, online"))
            }
        } else {
            findings.append(
                Finding(
                    path: store.quoteSeriesPath,
                    problem: "this copy has no quote series yet (made before series existed): it issues no quote, "
                        + "so that its numbers never clash with a teammate's",
                    action: "run funnel sync once, online: it is given the next free series"))
        }
        findings += try unmergedFindings(repair: repair)
        for name in ["index.lock", "funnel-merge.index"] where AtomicFile.identity(git + "/" + name) != nil {
            findings.append(
                Finding(
                    path: git + "/" + name, problem: "left by a sync that was interrupted",
                    action: "harmless: the next funnel sync clears it and completes the sync", outcome: .advice))
        }
        for (name, text) in [(".gitignore", SyncFiles.ignore), (".gitattributes", SyncFiles.attributes)] {
            let path = store.root + "/" + name
            let data = (try? AtomicFile.readFile(path, limit: 1 << 16)?.data) ?? nil
            let present = Set(String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            let missing = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !present.contains($0) }
            guard !missing.isEmpty else { continue }
            findings.append(
                Finding(
                    path: path,
                    problem: "funnel's lines are missing (\(missing.joined(separator: ", "))): "
                        + (name == ".gitignore"
                            ? "the cache and the lock could be shared"
                            : "git could merge funnel's files by hand, as text"),
                    remedy: repair
                        ? append(missing, to: path, after: data ?? Data())
                        : .toDo("--repair adds them (funnel sync then sends them to the team)")))
        }
        findings += overriddenMerges()
        return findings
    }

    /// In a synced data directory, a deal file a repair moved to quarantine is put back as the
    /// last sync committed it: a file missing there would be sent as a removal, and the deal
    /// would go from every teammate's copy. The bytes moved aside stay in quarantine.
    func restoreSynced(_ findings: [Finding]) -> [Finding] {
        guard Self.isFolder(store.root + "/.git"), let executable = Git.find(environment: ProcessInfo.processInfo.environment) else {
            return findings
        }
        let git = Git(
            directory: store.root,
            environment: Git.environment(base: ProcessInfo.processInfo.environment, author: "funnel", email: "funnel@funnel.invalid"),
            executable: executable)
        return findings.map { finding in
            var finding = finding
            let prefix = store.root + "/"
            guard finding.outcome == .movedAside, finding.path.hasPrefix(prefix), AtomicFile.identity(finding.path) == nil else { return finding }
            let path = String(finding.path.dropFirst(prefix.count))
            // Only a shared version that is sound where it is: one filed in another owner's folder
            // (a teammate's misplaced copy) would be the very file just moved aside.
            guard SyncFiles.dealID(path) != nil, SyncFiles.isSafePath(path),
                let data = try? git.run(["cat-file", "blob", "HEAD:\(path)"]), data.status == 0,
                FileMerge.problem(in: data.stdout, path: finding.path) == nil,
                let deal = try? FunnelJSON.decode(StoredFile<Deal>.self, from: data.stdout, path: finding.path).body,
                (try? store.path(id: deal.id, owner: deal.owner)) == finding.path,
                (try? AtomicFile.write(data.stdout, to: finding.path, replacing: .nothing)) != nil
            else { return finding }
            finding.action += "; the version the last funnel sync shared was put back, so the deal does not go from the team"
            return finding
        }
    }

    /// Lines of `.gitattributes` after funnel's that give JSON files another merge (git takes the
    /// last line that matches): `funnel sync` merges them itself anyway, a `git merge` by hand would not.
    private func overriddenMerges() -> [Finding] {
        let path = store.root + "/.gitattributes"
        guard let data = (try? AtomicFile.readFile(path, limit: 1 << 16)?.data) ?? nil else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let funnels = "*.json -text merge=\(SyncFiles.driverName)"
        guard let ours = lines.lastIndex(of: funnels) else { return [] }
        let later = lines[(ours + 1)...].filter { !$0.hasPrefix("#") && $0.contains("merge") && !$0.hasPrefix("*.txt") && !$0.hasPrefix("*.pdf") }
        guard !later.isEmpty else { return [] }
        return [
            Finding(
                path: path,
                problem: "a line after funnel's gives funnel's files another merge (\(later.joined(separator: ", "))): "
                    + "a git merge run by hand would not merge them field by field",
                action: "remove the line (funnel sync merges field by field whatever it says)", outcome: .advice)
        ]
    }

    /// One finding per file a sync could not merge that still holds the version it kept.
    private func unmergedFindings(repair: Bool) throws -> [Finding] {
        let log = UnmergedLog(root: store.root)
        if repair { _ = try? log.prune() }
        let files: [UnmergedFile]
        do { files = try log.pending() } catch {
            return [
                Finding(
                    path: store.root + "/.git/funnel-unmerged.json", problem: "\(error)",
                    action: repair ? "left as it is" : "remove it; the next sync that cannot merge a file writes it again")
            ]
        }
        return files.map { file in
            let show = "git -C \(Self.shellQuoted(store.root)) show \(Self.shellQuoted("\(file.other.prefix(12)):\(file.path)"))"
            if file.path.hasPrefix("quotes/") {
                return Finding(
                    path: store.root + "/" + file.path,
                    problem: "a teammate's file came in with this quote number too (\(file.reason)): yours is kept, theirs is in the history",
                    action: "save theirs with: \(show) > other-quote; the quote it belongs to needs a new number: "
                        + "its issuer issues it again (funnel quote ID)")
            }
            let whose = file.kept == "ours" ? "your version was kept; your teammate's" : "the version already shared was kept; yours"
            return Finding(
                path: store.root + "/" + file.path,
                problem: "changed here and by a teammate, and funnel sync could not merge the two (\(file.reason)): "
                    + "\(whose) is in the history",
                action: "see the other version with: \(show); "
                    + "change the file (funnel edit, the board, or by hand for settings) to hold what both meant, then funnel sync")
        }
    }

    /// `text` as one shell word: as it is when plain, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._:-+=@,".unicodeScalars.contains($0)) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func append(_ lines: [String], to path: String, after data: Data) -> Remedy {
        var text = String(decoding: data, as: UTF8.self)
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        do {
            try AtomicFile.write(Data((text + lines.joined(separator: "\n") + "\n").utf8), to: path)
            return .repaired("made them present again")
        } catch {
            return .toDo("could not add them: \(error)")
        }
    }
}
