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
    private let activities: [String: Activity]
    private let venues: [String: Venue]
    private let partners: [String: PartnerUnit]
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

    public func describe(_ violation: Violation) -> String {
        let sessions = violation.sessions.map(session)
        let both = sessions.joined(separator: language == .english ? " and " : " 与 ")
        let time = violation.minutes.map(period) ?? ""
        let venue = violation.venue.map(venueName) ?? ""
        let partner = violation.partner.map(partnerName) ?? ""
        let head = name(violation.constraint) + (language == .english ? ": " : "：")
        switch (violation.constraint, language) {
        case (.venueConflict, .english): return head + "\(both) both hold \(venue) \(time)"
        case (.venueConflict, .simplifiedChinese): return head + "\(both) \(time)同时占用\(venue)"
        case (.partnerConflict, .english):
            return head
                + "\(partner) is at both \(sessionsWithVenues(violation.sessions)) \(time)\(walk(violation.sessions))"
        case (.partnerConflict, .simplifiedChinese):
            return head + "\(partner)同时在\(sessionsWithVenues(violation.sessions))，\(time)\(walk(violation.sessions))"
        case (.partnerAvailability, .english): return head + "\(partner) is busy during \(both) \(time)"
        case (.partnerAvailability, .simplifiedChinese): return head + "\(partner)在\(time)没有空（\(both)）"
        case (.partnerWeeklyLimit, .english):
            return head + "\(partner) has \(violation.amount) session(s) too many in one week: \(both)"
        case (.partnerWeeklyLimit, .simplifiedChinese): return head + "\(partner)一周内超出 \(violation.amount) 场：\(both)"
        case (.venueCapacity, .english): return head + "\(both) at \(venue) is \(violation.amount) seats short"
        case (.venueCapacity, .simplifiedChinese): return head + "\(both)在\(venue)缺少 \(violation.amount) 个座位"
        case (.audienceConflict, .english): return head + "\(both) serve the same audience \(time)"
        case (.audienceConflict, .simplifiedChinese): return head + "\(both) \(time)面向同一受众"
        case (_, .english):
            return head
                + [both, venue.isEmpty ? "" : "at \(venue)", partner.isEmpty ? "" : "with \(partner)", time]
                .filter { !$0.isEmpty }.joined(separator: " ") + (violation.amount == 1 ? "" : " (\(violation.amount))")
        case (_, .simplifiedChinese):
            return head + [both, venue, partner, time].filter { !$0.isEmpty }.joined(separator: "，")
                + (violation.amount == 1 ? "" : "（\(violation.amount)）")
        }
    }

    /// Why a session could not be placed: which hard constraint ruled out how many candidates.
    public func reason(_ constraint: ConstraintID, candidates: Int) -> String {
        switch language {
        case .english:
            "\(name(constraint)) rules out \(candidates) candidate placement\(candidates == 1 ? "" : "s")"
        case .simplifiedChinese:
            "\(name(constraint))排除了 \(candidates) 个候选安排"
        }
    }

    public func session(_ key: SessionKey) -> String {
        let name = activities[key.activity]?.name ?? key.activity
        return language == .english ? "\(name) #\(key.index)" : "\(name) 第\(key.index)场"
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

    private func period(_ minutes: Range<Int>) -> String {
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
