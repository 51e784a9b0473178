import Foundation

/// The demo team for a number of reps: Dana and the first reps of `DemoData.team`, then more
/// reps and one more manager for every eight reps, so a large demo is a large team.
enum DemoTeam {
    static func make(reps count: Int) -> Team {
        let base = DemoData.team.users
        let baseReps = base.filter { $0.role == .rep }
        var managers = base.filter { $0.role == .manager }
        var reps: [User] = []
        var taken = Set(base.map(\.account))
        func fresh(_ account: String) -> String {
            var name = account, n = 2
            while !taken.insert(name).inserted { name = "\(account)\(n)"; n += 1 }
            return name
        }
        for index in 0..<max(2, count) {
            if index < baseReps.count { reps.append(baseReps[index]); continue }
            let (account, name) = DemoWords.moreReps[(index - baseReps.count) % DemoWords.moreReps.count]
            let unique = fresh(account)
            reps.append(User(account: unique, name: name, role: .rep, email: "\(unique)@example.com"))
        }
        let managerCount = (reps.count + 7) / 8
        for index in 0..<max(0, managerCount - managers.count) {
            let (account, name) = DemoWords.moreManagers[index % DemoWords.moreManagers.count]
            let unique = fresh(account)
            managers.append(User(account: unique, name: name, role: .manager, email: "\(unique)@example.com"))
        }
        return Team(users: managers + reps)
    }
}
