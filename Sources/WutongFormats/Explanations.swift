public import WutongModel

/// The languages explanations are written in: planners read Chinese.
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    case simplifiedChinese = "zh-Hans"
}

/// Renders the scorer's structured violations and the solver's reasons in words, with the
/// names planners use, in English or Simplified Chinese.
public struct Explanations: Sendable {
    let season: Season
    let language: Language
    let activities: [String: Activity]
    let venues: [String: Venue]
    let partners: [String: PartnerUnit]
    private let placements: [SessionKey: Placement]

    public init(season: Season, schedule: Schedule, language: Language) {
        self.season = season
        self.language = language
        activities = Dictionary(season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        venues = Dictionary(season.venues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        partners = Dictionary(season.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var placed: [SessionKey: Placement] = [:]
        for session in schedule.sessions {
            if let placement = session.placement {
                placed[SessionKey(activity: session.activity, index: session.index)] = placement
            }
        }
        placements = placed
    }

    /// The constraint's name as planners say it.
    public func name(_ constraint: ConstraintID) -> String {
        guard language == .simplifiedChinese else { return constraint.rawValue }
        return Self.chineseNames[constraint] ?? constraint.rawValue
    }

    /// One violation in words: the constraint's name, then what happened, naming the sessions,
    /// venue, partner unit, time and numbers involved. Every constraint has its own sentence in
    /// both languages (the switch has no default, so a new constraint cannot go without one).
    public func describe(_ violation: Violation) -> String {
        let english = language == .english
        let words = Words(explanations: self, violation: violation)
        let head = name(violation.constraint) + (english ? ": " : "：")
        let text: (en: String, zh: String)
        let (all, venue, partner, time, amount) =
            (words.sessions, words.venue, words.partner, words.time, violation.amount)
        switch violation.constraint {
        case .venueConflict:
            text = ("\(all) both hold \(venue) \(time)", "\(all) \(time)同时占用\(venue)")
        case .partnerConflict:
            let places = sessionsWithVenues(violation.sessions)
            let walk = walk(violation.sessions)
            text = ("\(partner) is at both \(places) \(time)\(walk)", "\(partner)同时在\(places)，\(time)\(walk)")
        case .partnerAvailability:
            text = ("\(partner) is busy during \(all) \(time)", "\(partner)在\(time)没有空（\(all)）")
        case .partnerWeeklyLimit:
            let limit = words.partnerUnit?.weeklyLimit.map(String.init) ?? "?"
            text = (
                "\(partner) has \(amount) session\(amount == 1 ? "" : "s") more than its weekly limit of \(limit) in one week: \(all)",
                "\(partner)一周内比每周上限（\(limit) 场）多 \(amount) 场：\(all)"
            )
        case .venueHours:
            text = (
                "\(all) at \(venue) \(time) falls outside its opening hours or in a closure",
                "\(all)在\(venue)的\(time)超出开放时间或遇到闭馆"
            )
        case .venueCapacity:
            let size = words.activity?.audienceSize ?? 0
            let seats = words.venueModel?.capacity ?? 0
            text = (
                "\(all) expects \(size) people but \(venue) seats \(seats) (\(amount) short)",
                "\(all)预计 \(size) 人，\(venue)只有 \(seats) 个座位（缺 \(amount) 个）"
            )
        case .venueEquipment:
            let items = words.subject
            text = ("\(all) needs \(items), which \(venue) lacks", "\(all)需要\(items)，\(venue)没有")
        case .venueEligibility:
            text = (
                "\(venue) is not a venue \(all) may use (the activity's venue requirements exclude it)",
                "\(venue)不符合\(all)的场地要求"
            )
        case .quietHours:
            text = (
                "\(all) is amplified and reaches into the quiet hours of \(venue) \(time)",
                "\(all)为扩声活动，\(time)进入\(venue)的安静时段"
            )
        case .audienceWindow:
            text = (
                "\(all) \(time) is outside the hours its audience can come", "\(all) \(time)不在受众可参加的时段内"
            )
        case .activityWindow:
            text = (
                "\(all) \(time) is outside the activity's allowed times or in a period it must avoid",
                "\(all) \(time)不在活动允许的时段内或落在禁排时段"
            )
        case .audienceConflict:
            text = ("\(all) serve the same audience \(time)", "\(all) \(time)面向同一受众")
        case .noiseNeighbours:
            let metres = season.rules.noiseDistanceMetres
            let places = sessionsWithVenues(violation.sessions)
            text = (
                "\(places) are amplified at the same time \(time), at venues less than \(metres) m apart",
                "\(places) \(time)同时扩声，两处场地相距不足 \(metres) 米"
            )
        case .seriesSpacing:
            let gap = words.activity?.minGapDays ?? 0
            text = ("\(all) are less than \(gap) days apart", "\(all)间隔不足 \(gap) 天")
        case .precedence:
            let first = violation.sessions.first.map(session) ?? "?"
            let second = violation.sessions.dropFirst().first.map(session) ?? "?"
            text = ("\(second) starts before \(first) has ended", "\(second)在\(first)结束前就开始了")
        case .equipmentPool:
            let pool = words.subject
            text = (
                "\(amount) more session\(amount == 1 ? "" : "s") need the \(pool) pool than it has units \(time): \(all)",
                "\(time)需要共享设备\(pool)的场次比其数量多 \(amount) 场：\(all)"
            )
        case .preferredTimes:
            text = ("\(all) \(time) is outside its preferred times", "\(all) \(time)不在偏好时间内")
        case .seriesMinDays:
            let series = words.activityName
            let minimum = words.activity?.minDistinctDays ?? 0
            text = (
                "\(series) falls on \(amount) day\(amount == 1 ? "" : "s") fewer than the \(minimum) it should span",
                "\(series)应分布在 \(minimum) 天，少了 \(amount) 天"
            )
        case .seriesSameVenue:
            let series = words.activityName
            text = (
                "\(series) uses \(amount + 1) venues instead of one", "\(series)使用了 \(amount + 1) 个场地，而不是同一个"
            )
        case .audienceCompactness:
            text = (
                "\(all) \(time) has no session of its audience right before or after it that day",
                "\(all) \(time)当天前后没有同一受众的活动相接"
            )
        case .gridBalance:
            let grid = season.grids.first { $0.id == violation.subject }
            let gridName = grid?.name ?? violation.subject ?? "?"
            let share = grid?.targetShare.map(String.init) ?? "?"
            text = (
                "\(gridName) is \(amount) session\(amount == 1 ? "" : "s") away from its target share of \(share)%",
                "\(gridName)与目标占比 \(share)% 相差 \(amount) 场"
            )
        case .walkingCircle:
            let place = season.neighbourhoods.first { $0.id == violation.subject }?.name ?? violation.subject ?? "?"
            let minutes = season.rules.circleMinutes
            let month = words.month
            text = (
                "\(place) has no session within a \(minutes)-minute walk in \(month)",
                "\(month)\(place)步行 \(minutes) 分钟内没有活动"
            )
        case .partnerFairness:
            let offered = words.partnerUnit?.offeredSessions.map(String.init) ?? "?"
            text = (
                "\(partner) takes part in \(amount) session\(amount == 1 ? "" : "s") more than the \(offered) it offered",
                "\(partner)参加的场次比其承诺的 \(offered) 场多 \(amount) 场"
            )
        case .stability:
            let now = violation.sessions.first.flatMap { placements[$0] }
            text = (
                "\(all) \(now == nil ? "is no longer placed" : "has moved"); it was at \(venue) \(time)",
                "\(all)\(now == nil ? "不再被安排" : "已调整")，原定\(time)在\(venue)"
            )
        }
        return head + (english ? text.en : text.zh)
    }

    /// The entities of one violation, named for the reader.
    private struct Words {
        let sessions: String
        let venue: String
        let partner: String
        let time: String
        let subject: String
        let month: String
        let activity: Activity?
        let activityName: String
        let venueModel: Venue?
        let partnerUnit: PartnerUnit?

        init(explanations: Explanations, violation: Violation) {
            let english = explanations.language == .english
            sessions = violation.sessions.map(explanations.session).joined(separator: english ? " and " : " 与 ")
            venue = violation.venue.map(explanations.venueName) ?? ""
            partner = violation.partner.map(explanations.partnerName) ?? ""
            time = violation.minutes.map(explanations.period) ?? ""
            subject = violation.subject?.replacingOccurrences(of: ",", with: english ? ", " : "、") ?? "?"
            let first = violation.minutes.map { LocalDateTime(minuteNumber: $0.lowerBound).date }
            month = first.map { String(format: "%04d-%02d", $0.year, $0.month) } ?? ""
            activity = violation.sessions.first.flatMap { explanations.activities[$0.activity] }
            activityName = activity?.name ?? violation.sessions.first?.activity ?? "?"
            venueModel = violation.venue.flatMap { explanations.venues[$0] }
            partnerUnit = violation.partner.flatMap { explanations.partners[$0] }
        }
    }

    /// Why a session could not be placed, one sentence per hard constraint: how many of the
    /// candidate placements looked at it ruled out, and of how many, saying so when they were a
    /// sample.
    public func reasons(_ why: UnplacedReasons) -> [String] {
        why.ruledOut.map { reason($0, of: why) }
    }

    /// The reasons in one sentence, saying once of how many placements the counts are (the
    /// report's line for the session).
    /// A session left out though some placements fit (a schedule edited elsewhere) says how
    /// many.
    public func summary(_ why: UnplacedReasons) -> String {
        let english = language == .english
        guard why.placements > 0 else { return reasons(why).joined(separator: english ? "; " : "；") }
        var counts = why.ruledOut.enumerated().map { offset, ruledOut in
            let name = name(ruledOut.constraint)
            return switch (english, offset) {
            case (true, 0): "\(name) rules out \(ruledOut.candidates)"
            case (true, _): "\(name) \(ruledOut.candidates)"
            case (false, 0): "\(name)排除了 \(ruledOut.candidates) 个"
            case (false, _): "\(name) \(ruledOut.candidates) 个"
            }
        }.joined(separator: english ? ", " : "，")
        if why.fits > 0 {
            let fit = english ? "\(why.fits) would fit" : "\(why.fits) 个可行"
            counts = counts.isEmpty ? fit : counts + (english ? "; " : "；") + fit
        }
        if why.isSampled {
            return english
                ? "of \(why.examined) candidate placements looked at (an evenly spread sample of its "
                    + "\(why.placements)), \(counts)"
                : "在所查看的 \(why.examined) 个候选安排中（从其 \(why.placements) 个中均匀抽样），\(counts)"
        }
        return english
            ? "of its \(why.placements) candidate placement\(why.placements == 1 ? "" : "s"), \(counts)"
            : "在其 \(why.placements) 个候选安排中，\(counts)"
    }

    /// One of `reasons(_:)`.
    public func reason(_ ruledOut: UnplacedReasons.RuledOut, of why: UnplacedReasons) -> String {
        let (name, count) = (name(ruledOut.constraint), ruledOut.candidates)
        let english = language == .english
        if why.placements == 0 {
            return english ? "\(name) leaves no candidate placement at all" : "\(name)：没有任何候选安排"
        }
        if why.isSampled {
            return english
                ? "\(name) rules out \(count) of \(why.examined) candidate placements looked at "
                    + "(an evenly spread sample of its \(why.placements))"
                : "\(name)排除了所查看的 \(why.examined) 个候选安排中的 \(count) 个（从其 \(why.placements) 个中均匀抽样）"
        }
        return english
            ? "\(name) rules out \(count) of its \(why.placements) candidate placement\(why.placements == 1 ? "" : "s")"
            : "\(name)排除了其 \(why.placements) 个候选安排中的 \(count) 个"
    }

    public func session(_ key: SessionKey) -> String {
        let name = activities[key.activity]?.name ?? key.activity
        return language == .english ? "\(name) #\(key.index)" : "\(name) 第\(key.index)场"
    }

    /// Sessions of one activity, named once: `Concert #1, #2, #4` or `音乐会 第1、2、4场`.
    public func sessions(_ keys: [SessionKey]) -> String {
        guard let first = keys.first else { return "" }
        let name = activities[first.activity]?.name ?? first.activity
        return language == .english
            ? "\(name) " + keys.map { "#\($0.index)" }.joined(separator: ", ")
            : "\(name) 第" + keys.map { String($0.index) }.joined(separator: "、") + "场"
    }

    func venueName(_ id: String) -> String {
        venues[id]?.name ?? id
    }

    func partnerName(_ id: String) -> String {
        partners[id]?.name ?? id
    }

    private func sessionsWithVenues(_ keys: [SessionKey]) -> String {
        keys.map { key in
            let place = placements[key].map { venueName($0.venue) } ?? "?"
            return "\(session(key)) (\(place))"
        }.joined(separator: language == .english ? " and " : " 与 ")
    }

    private func walk(_ keys: [SessionKey]) -> String {
        guard keys.count == 2, let first = placements[keys[0]].flatMap({ venues[$0.venue] }),
            let second = placements[keys[1]].flatMap({ venues[$0.venue] }), first.id != second.id
        else { return "" }
        let minutes = Int(
            (first.location.metres(to: second.location) / Double(max(1, season.rules.walkingMetresPerMinute))).rounded(
                .up))
        return language == .english ? ", \(minutes) min walk apart" : "，两地步行约 \(minutes) 分钟"
    }

    func period(_ minutes: Range<Int>) -> String {
        let start = LocalDateTime(minuteNumber: minutes.lowerBound)
        let end = LocalDateTime(minuteNumber: minutes.upperBound)
        return language == .english
            ? "on \(start.date) \(start.time)–\(end.time)" : "\(start.date) \(start.time)–\(end.time)"
    }

    static let chineseNames: [ConstraintID: String] = [
        .venueConflict: "场地冲突", .partnerConflict: "合作单位冲突", .partnerAvailability: "合作单位没空",
        .partnerWeeklyLimit: "每周场次上限", .venueHours: "场地开放时间", .venueCapacity: "场地容量",
        .venueEquipment: "场地设备", .venueEligibility: "场地要求", .quietHours: "安静时段", .audienceWindow: "受众时段",
        .activityWindow: "活动时段", .audienceConflict: "受众冲突", .noiseNeighbours: "噪声邻近", .seriesSpacing: "系列间隔",
        .precedence: "先后顺序", .equipmentPool: "共享设备", .preferredTimes: "偏好时间", .seriesMinDays: "系列天数",
        .seriesSameVenue: "系列同一场地", .audienceCompactness: "受众连贯", .gridBalance: "网格均衡",
        .walkingCircle: "15分钟步行圈", .partnerFairness: "合作单位公平", .stability: "计划稳定",
    ]
}
