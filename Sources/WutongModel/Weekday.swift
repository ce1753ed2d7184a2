/// Days of the week, Monday first (ISO 8601), with the short names season files use.
public enum Weekday: String, CaseIterable, Hashable, Sendable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    public var isWeekend: Bool {
        self == .sat || self == .sun
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Some days of the week, on some of which a window of hours applies (opening hours, audience
/// windows, preferred times). An empty `days` set means every day.
public struct WeeklyWindow: Hashable, Sendable, CustomStringConvertible {
    public var days: Set<Weekday>
    public var from: TimeOfDay
    public var to: TimeOfDay
    public var source: SourceSpan?

    public init(days: Set<Weekday> = Set(Weekday.allCases), from: TimeOfDay, to: TimeOfDay, source: SourceSpan? = nil) {
        self.days = days
        self.from = from
        self.to = to
        self.source = source
    }

    public func contains(_ day: Weekday) -> Bool {
        days.contains(day)
    }

    public var minutes: Int {
        max(0, to.minutes - from.minutes)
    }

    public var description: String {
        let dayList =
            days.count == 7 ? "daily" : Weekday.allCases.filter(days.contains).map(\.rawValue).joined(separator: " ")
        return "\(dayList) \(from)–\(to)"
    }
}
