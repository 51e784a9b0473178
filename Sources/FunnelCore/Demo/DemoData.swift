import Foundation

/// A believable team and deals for a first look and for benchmarks: Hebrew, Arabic and
/// English names, every stage filled, histories and next actions spread over past and future.
public enum DemoData {
    /// The demo team: one manager and four reps.
    public static let team = Team(users: [
        User(account: "dana", name: "Dana Levi", role: .manager, email: "dana@example.com"),
        User(account: "yossi", name: "יוסי כהן", role: .rep, email: "yossi@example.com"),
        User(account: "layla", name: "ليلى حداد", role: .rep, email: "layla@example.com"),
        User(account: "omar", name: "Omar Nasser", role: .rep, email: "omar@example.com"),
        User(account: "sarah", name: "Sarah Miller", role: .rep, email: "sarah@example.com"),
    ])

    /// The manager the demo board opens as.
    public static let manager = "dana"

    static let companies = [
        "אלון מערכות", "כרמל תוכנה", "שקד שיווק", "נגב אנרגיה", "גליל מזון", "תבור הנדסה", "ים המלח ספא",
        "مخبز الأمل", "شركة النور", "مطبعة القدس", "الزيتون للتجارة", "صيدلية الشفاء", "مكتب الريان",
        "Acme Robotics", "Blue Harbor Ltd", "Northwind", "Kite & Co", "Orchard Labs", "Pinecone Media",
        "Café Müller", "Sakura 寿司", "Bright Smile 😀 Dental",
    ]
    static let products = [
        "CRM annual plan", "רישיון שנתי", "הדרכת צוות", "مشروع تركيب", "اشتراك سنوي", "Website redesign",
        "Support contract", "חבילת פרימיום", "Onboarding package", "تدريب الموظفين", "Hardware refresh",
        "Pilot", "הרחבת מודולים", "Consulting days",
    ]
    static let contacts = [
        "אבי לוי", "מיכל ברק", "רונית שמש", "אחמד חורי", "سارة عبد الله", "محمد خليل", "نور الهدى",
        "John Carter", "Emily Stone", "Noa Peretz", "Karim Saleh", "Lena Vogel", "שָׁלוֹם עֲלֵיכֶם",
    ]
    static let nextSteps = [
        "Call back", "Send quote", "שיחת מעקב", "לשלוח הצעת מחיר", "متابعة الاتصال", "إرسال العرض",
        "Book a demo", "Confirm meeting", "Send contract",
    ]

    /// `count` deals for `pipeline` and `team`, created before `now`; the same seed gives the same deals.
    public static func deals(count: Int, pipeline: Pipeline, team: Team = DemoData.team, now: Date,
                             seed: UInt64 = 2026) -> [Deal] {
        var rng = SeededGenerator(seed: seed)
        let reps = team.reps.isEmpty ? team.users : team.reps
        let today = Day(now, utcOffset: 0)
        let openStages = pipeline.stages.filter { $0.kind == .open }
        let path = pipeline.stages.filter { $0.kind == .open || $0.kind == .won }
        var ids = Set<String>()
        var result: [Deal] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            var id = DealID.make(using: &rng)
            while !ids.insert(id).inserted { id = DealID.make(using: &rng) }
            let company = companies.randomElement(using: &rng)!
            let product = products.randomElement(using: &rng)!
            let target = pickStage(pipeline: pipeline, openStages: openStages, rng: &rng)
            // Inbox leads are fresh (minutes to hours old, as leads arrive); deals in the funnel older.
            let ageDays = target.kind == .inbox ? 0 : Int.random(in: 0...120, using: &rng)
            let extraSeconds = target.kind == .inbox ? Int.random(in: 60...30_000, using: &rng) : Int.random(in: 0...80_000, using: &rng)
            var created = now.addingTimeInterval(-Double(ageDays * 86_400 + extraSeconds))
            let owner: String? = target.kind == .inbox ? nil : reps[index % reps.count].account
            var history = [StageChange(at: created, by: owner ?? "capture", from: nil,
                                       to: target.kind == .inbox ? target.id : path[0].id)]
            var stageEntered = created
            if target.kind != .inbox {
                let steps = stepsTo(target, path: path, rng: &rng)
                // Time in the current stage: mostly within its limit, some past it (stuck).
                let limitDays = target.stuckAfterDays ?? 30
                let inStage = min(Double(ageDays * 86_400),
                                  Double(Int.random(in: 0...(limitDays * 86_400 * 3 / 2 + 3_600), using: &rng)))
                    .rounded(.down)
                stageEntered = now.addingTimeInterval(-inStage)
                if steps.count == 1 || stageEntered < created { created = stageEntered }
                history[0].at = created
                let span = stageEntered.timeIntervalSince(created)
                var current = path[0].id
                for (step, stageID) in steps.dropFirst().enumerated() {
                    let at = steps.count - 1 == step + 1
                        ? stageEntered
                        : created.addingTimeInterval((span * Double(step + 1) / Double(steps.count - 1)).rounded(.down))
                    history.append(StageChange(at: at, by: owner!, from: current, to: stageID))
                    current = stageID
                }
            }
            let hasValue = target.kind == .won || Int.random(in: 0..<10, using: &rng) < 8
            let value = hasValue ? Decimal(Int.random(in: 10...2_500, using: &rng) * 100) : nil
            var nextAction: NextAction?
            if !target.kind.isClosed && (target.entryRequirements.contains(.nextAction) || Int.random(in: 0..<10, using: &rng) < 8) {
                nextAction = NextAction(date: today.adding(days: Int.random(in: -6...12, using: &rng)),
                                        text: nextSteps.randomElement(using: &rng)!)
            }
            let lostReason = target.kind == .lost ? pipeline.lostReasons.randomElement(using: &rng) : nil
            var activities: [Activity] = []
            if target.kind != .inbox {
                let calls = Int.random(in: 0...4, using: &rng)
                let span = max(60, now.timeIntervalSince(created))
                var times = (0..<calls).map { _ in created.addingTimeInterval(Double.random(in: 0...span, using: &rng).rounded(.down)) }
                times.sort()
                for (i, at) in times.enumerated() {
                    // Deals past the first stage were reached at some point: the last call reached them.
                    let reached = (i == calls - 1 && target.id != path[0].id) || Int.random(in: 0..<4, using: &rng) == 0
                    let outcome: CallOutcome = reached ? .reached : [.noAnswer, .busy, .leftMessage].randomElement(using: &rng)!
                    activities.append(Activity(at: at, by: owner!, kind: .call, outcome: outcome))
                    if outcome != .reached, Int.random(in: 0..<2, using: &rng) == 0 {
                        activities.append(Activity(at: at.addingTimeInterval(300) < now ? at.addingTimeInterval(300) : at,
                                                   by: owner!, kind: .email))
                    }
                }
            }
            var deal = Deal(
                id: id, title: product, company: company,
                contact: contacts.randomElement(using: &rng)!,
                phone: "05\(Int.random(in: 0...9, using: &rng))-\(Int.random(in: 1_000_000...9_999_999, using: &rng))",
                email: "contact\(index)@example.com", value: value, currency: pipeline.defaultCurrency,
                owner: owner, stage: target.id, created: created, stageEntered: stageEntered,
                nextAction: nextAction, lostReason: lostReason, notes: "", history: history,
                revision: history.count + activities.count, updated: max(stageEntered, activities.last?.at ?? stageEntered))
            deal.activities = activities
            if target.kind == .won {
                deal.paymentTerms = PaymentTerms(method: pipeline.work.paymentMethods.randomElement(using: &rng) ?? .creditCard)
                deal.callSteps = Set(CallStep.allCases)
            } else if target.kind == .open {
                deal.callSteps = Set(CallStep.allCases.prefix(Int.random(in: 0...3, using: &rng)))
            }
            result.append(deal)
        }
        return result
    }

    /// Mostly the top of the funnel, some of everything.
    static func pickStage(pipeline: Pipeline, openStages: [Stage], rng: inout SeededGenerator) -> Stage {
        let roll = Int.random(in: 0..<100, using: &rng)
        let inbox = pipeline.inboxStage
        let won = pipeline.stages.filter { $0.kind == .won }
        let lost = pipeline.stages.filter { $0.kind == .lost }
        if roll < 6, let inbox { return inbox }
        if roll < 14, let stage = won.randomElement(using: &rng) { return stage }
        if roll < 24, let stage = lost.randomElement(using: &rng) { return stage }
        // Open stages weighted towards the top: stage i has weight (n - i).
        let n = openStages.count
        var pick = Int.random(in: 0..<(n * (n + 1) / 2), using: &rng)
        for (i, stage) in openStages.enumerated() {
            pick -= n - i
            if pick < 0 { return stage }
        }
        return openStages[0]
    }

    /// The stages a deal walked through to reach `target` (lost deals stop somewhere on the way).
    static func stepsTo(_ target: Stage, path: [Stage], rng: inout SeededGenerator) -> [String] {
        if let index = path.firstIndex(where: { $0.id == target.id }) { return path[...index].map(\.id) }
        // Lost deals leave from an open stage, more often from the early ones.
        let open = max(1, path.count - 1)
        let stop = 1 + min(Int.random(in: 0..<open, using: &rng), Int.random(in: 0..<open, using: &rng))
        return path[..<stop].map(\.id) + [target.id]
    }
}
