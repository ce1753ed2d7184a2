/// A wall-clock time in minutes after midnight; `24:00` is allowed as the end of a day.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `HH:MM`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]),
            let minutes = Int(parts[1]), (0...24).contains(hours), (0...59).contains(minutes),
            hours < 24 || minutes == 0
        else { return nil }
        self.minutes = hours * 60 + minutes
    }

    public static let midnight = TimeOfDay(minutes: 0)!
    public static let endOfDay = TimeOfDay(minutes: 1440)!

    public var description: String {
        "\(LocalDate.pad(minutes / 60, 2)):\(LocalDate.pad(minutes % 60, 2))"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutes < rhs.minutes
    }
}

/// A date and wall-clock time in the season's zone (`2027-04-10T19:00`).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let time: TimeOfDay

    public init(date: LocalDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DDTHH:MM`, or a bare date as the start of that day.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard let date = LocalDate(parts[0]) else { return nil }
        if parts.count == 1 {
            self.init(date: date, time: .midnight)
        } else if parts.count == 2, let time = TimeOfDay(parts[1]) {
            self.init(date: date, time: time)
        } else {
            return nil
        }
    }

    /// The wall-clock time `minutes` after 1970-01-01T00:00.
    public init(minuteNumber minutes: Int) {
        let day = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440)
        self.init(date: LocalDate(dayNumber: day), time: TimeOfDay(minutes: minutes - day * 1440)!)
    }

    /// Minutes since 1970-01-01T00:00 on the local clock.
    public var minuteNumber: Int {
        date.dayNumber * 1440 + time.minutes
    }

    public var description: String {
        "\(date)T\(time)"
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.minuteNumber < rhs.minuteNumber
    }
}

/// A half-open stretch of local time `[start, end)`.
public struct LocalPeriod: Hashable, Sendable, CustomStringConvertible {
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var reason: String?
    public var source: SourceSpan?

    public init(start: LocalDateTime, end: LocalDateTime, reason: String? = nil, source: SourceSpan? = nil) {
        self.start = start
        self.end = end
        self.reason = reason
        self.source = source
    }

    public var description: String {
        "\(start)–\(end)"
    }
}
