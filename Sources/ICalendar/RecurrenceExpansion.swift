/// Expands a recurrence rule into occurrence starts, as wall-clock seconds in the series' own
/// time (floating, UTC or the zone of DTSTART; the caller turns them into instants).
///
/// The RFC's reading, period by period: the days of each interval (a year, a month, a week from
/// WKST, a day) are kept or expanded by the BYxxx parts, combined with the times of day, cut by
/// BYSETPOS within the interval, then taken in order from DTSTART on until COUNT or UNTIL. DTSTART
/// itself is always the first occurrence (and counts towards COUNT). Invalid dates (30 February,
/// the 31st of a short month) are skipped, not moved.
public struct RecurrenceExpansion {
    /// At most this many occurrences are produced for one rule inside a window: a rule that would
    /// give more (a SECONDLY rule over a year) is refused rather than expanded.
    public static let occurrenceCap = 100_000

    let rule: RecurrenceRule
    let start: Int
    let startDay: Int
    let startSecondOfDay: Int

    public init(rule: RecurrenceRule, start: Int) {
        var filled = rule
        self.start = start
        startDay = CivilTime.floorDivide(start, 86_400)
        startSecondOfDay = start - startDay * 86_400
        let (_, month, day) = CivilTime.date(dayNumber: startDay)
        // Parts the rule leaves open come from DTSTART.
        if rule.frequency > .hourly, rule.byHour.isEmpty { filled.byHour = [startSecondOfDay / 3600] }
        if rule.frequency > .minutely, rule.byMinute.isEmpty { filled.byMinute = [startSecondOfDay / 60 % 60] }
        if rule.frequency > .secondly, rule.bySecond.isEmpty { filled.bySecond = [startSecondOfDay % 60] }
        if rule.byWeekNo.isEmpty, rule.byYearDay.isEmpty, rule.byMonthDay.isEmpty, rule.byDay.isEmpty {
            switch rule.frequency {
            case .yearly:
                if rule.byMonth.isEmpty { filled.byMonth = [month] }
                filled.byMonthDay = [day]
            case .monthly: filled.byMonthDay = [day]
            case .weekly: filled.byDay = [.init(weekday: CivilTime.weekday(dayNumber: startDay))]
            default: break
            }
        }
        self.rule = filled
    }

    /// Occurrences from DTSTART up to (not including) `windowEnd`, in order.
    /// - Parameter isAfterUntil: whether a wall-clock time lies after UNTIL (the caller knows
    ///   how to compare a zoned time with a UTC UNTIL).
    public func occurrences(before windowEnd: Int, isAfterUntil: (Int) -> Bool = { _ in false }) throws(RecurrenceError)
        -> [Int]
    {
        var result = [start]
        guard start < windowEnd else { return [] }
        var finished = false
        func emit(_ time: Int) -> Bool {
            if time <= start { return true }
            if time >= windowEnd || isAfterUntil(time) {
                finished = true
                return false
            }
            if let count = rule.count, result.count >= count {
                finished = true
                return false
            }
            result.append(time)
            return result.count <= Self.occurrenceCap
        }
        if rule.frequency >= .daily {
            try expandByDays(windowEnd: windowEnd, isAfterUntil: isAfterUntil, emit: emit, finished: { finished })
        } else {
            try expandWithinDays(windowEnd: windowEnd, emit: emit, finished: { finished })
        }
        if result.count > Self.occurrenceCap {
            throw RecurrenceError(
                "the rule gives more than \(Self.occurrenceCap) occurrences in the window; refused")
        }
        if let count = rule.count, result.count > count { result.removeLast(result.count - count) }
        return result
    }

    // MARK: Daily and longer

    private func expandByDays(
        windowEnd: Int, isAfterUntil: (Int) -> Bool, emit: (Int) -> Bool, finished: () -> Bool
    ) throws(RecurrenceError) {
        let times = timesOfDay()
        let (startYear, startMonth, _) = CivilTime.date(dayNumber: startDay)
        var period = 0
        var emptyPeriods = 0
        while !finished() {
            let days: [Int]
            switch rule.frequency {
            case .yearly:
                let year = startYear + period * rule.interval
                let first = CivilTime.dayNumber(year: year, month: 1, day: 1)
                days = Array(first..<CivilTime.dayNumber(year: year + 1, month: 1, day: 1))
            case .monthly:
                let index = startYear * 12 + startMonth - 1 + period * rule.interval
                let (year, month) = (
                    CivilTime.floorDivide(index, 12), index - CivilTime.floorDivide(index, 12) * 12 + 1
                )
                let first = CivilTime.dayNumber(year: year, month: month, day: 1)
                days = Array(first..<first + CivilTime.daysIn(month: month, year: year))
            case .weekly:
                let weekStart =
                    startDay - (CivilTime.weekday(dayNumber: startDay) - rule.weekStart + 7) % 7 + period * 7
                    * rule.interval
                days = Array(weekStart..<weekStart + 7)
            default:
                days = [startDay + period * rule.interval]
            }
            period += 1
            guard let firstDay = days.first, firstDay * 86_400 < windowEnd, !isAfterUntil(firstDay * 86_400) else {
                return
            }
            var candidates: [Int] = []
            for day in days where matches(day) {
                for time in times { candidates.append(day * 86_400 + time) }
            }
            let chosen = selectPositions(candidates)
            if chosen.isEmpty {
                // A rule that can never match (BYMONTHDAY=30 in February only) ends after a
                // long run of empty periods rather than running to the window's end.
                emptyPeriods += 1
                if emptyPeriods > 4_000 && firstDay > startDay + 366 * 400 { return }
                continue
            }
            emptyPeriods = 0
            for time in chosen where !emit(time) { return }
        }
    }

    /// Times of day (seconds) from BYHOUR × BYMINUTE × BYSECOND, in order.
    private func timesOfDay() -> [Int] {
        var times: [Int] = []
        for hour in rule.byHour {
            for minute in rule.byMinute {
                for second in rule.bySecond { times.append(hour * 3600 + minute * 60 + second) }
            }
        }
        return Array(Set(times)).sorted()
    }

    // MARK: Hourly and shorter

    private func expandWithinDays(windowEnd: Int, emit: (Int) -> Bool, finished: () -> Bool) throws(RecurrenceError) {
        let unit = rule.frequency == .hourly ? 3600 : rule.frequency == .minutely ? 60 : 1
        let startUnit = CivilTime.floorDivide(start, unit)
        let hours = rule.byHour.isEmpty ? Array(0..<24) : Array(Set(rule.byHour)).sorted()
        let minutes =
            rule.byMinute.isEmpty
            ? (rule.frequency <= .minutely ? Array(0..<60) : [startSecondOfDay / 60 % 60])
            : Array(Set(rule.byMinute)).sorted()
        let seconds =
            rule.bySecond.isEmpty
            ? (rule.frequency == .secondly ? Array(0..<60) : [startSecondOfDay % 60])
            : Array(Set(rule.bySecond)).sorted()
        var day = startDay
        while !finished(), day * 86_400 < windowEnd {
            defer { day += 1 }
            guard matches(day) else { continue }
            // One interval's candidates at a time, so BYSETPOS picks within the interval.
            var group: [Int] = []
            var groupKey = Int.min
            func flush() -> Bool {
                defer { group.removeAll(keepingCapacity: true) }
                for time in selectPositions(group) where !emit(time) { return false }
                return true
            }
            for hour in hours {
                for minute in minutes {
                    for second in seconds {
                        let time = day * 86_400 + hour * 3600 + minute * 60 + second
                        let periodUnit = CivilTime.floorDivide(time, unit)
                        guard (periodUnit - startUnit) % rule.interval == 0 else { continue }
                        let key = (periodUnit - startUnit) / rule.interval
                        if key != groupKey, !group.isEmpty, !flush() { return }
                        groupKey = key
                        group.append(time)
                    }
                }
            }
            if !group.isEmpty, !flush() { return }
        }
    }

    // MARK: Day filters

    /// Whether a day passes BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY and BYDAY.
    func matches(_ day: Int) -> Bool {
        let (year, month, dayOfMonth) = CivilTime.date(dayNumber: day)
        if !rule.byMonth.isEmpty, !rule.byMonth.contains(month) { return false }
        if !rule.byWeekNo.isEmpty, !weekNumberMatches(day) { return false }
        if !rule.byYearDay.isEmpty {
            let first = CivilTime.dayNumber(year: year, month: 1, day: 1)
            let length = CivilTime.isLeap(year) ? 366 : 365
            let ordinal = day - first + 1
            guard rule.byYearDay.contains(where: { $0 > 0 ? $0 == ordinal : length + $0 + 1 == ordinal }) else {
                return false
            }
        }
        if !rule.byMonthDay.isEmpty {
            let length = CivilTime.daysIn(month: month, year: year)
            guard rule.byMonthDay.contains(where: { $0 > 0 ? $0 == dayOfMonth : length + $0 + 1 == dayOfMonth }) else {
                return false
            }
        }
        if !rule.byDay.isEmpty {
            let weekday = CivilTime.weekday(dayNumber: day)
            var matched = false
            for entry in rule.byDay where entry.weekday == weekday {
                if entry.ordinal == 0 {
                    matched = true
                    break
                }
                // Ordinals count within the month (MONTHLY, or YEARLY with BYMONTH) or the year.
                let inMonth = rule.frequency == .monthly || !rule.byMonth.isEmpty
                let scopeStart =
                    inMonth
                    ? CivilTime.dayNumber(year: year, month: month, day: 1)
                    : CivilTime.dayNumber(year: year, month: 1, day: 1)
                let scopeLength =
                    inMonth ? CivilTime.daysIn(month: month, year: year) : (CivilTime.isLeap(year) ? 366 : 365)
                let position = day - scopeStart
                let nth = entry.ordinal > 0 ? position / 7 + 1 : -((scopeLength - 1 - position) / 7 + 1)
                if nth == entry.ordinal {
                    matched = true
                    break
                }
            }
            if !matched { return false }
        }
        return true
    }

    /// BYWEEKNO: weeks start on WKST; week 1 of a year is the first with at least four of its
    /// days in that year. A day is numbered in the week-year its week belongs to, so the last
    /// days of December can be in week 1 of the next year.
    func weekNumberMatches(_ day: Int) -> Bool {
        let weekStart = day - (CivilTime.weekday(dayNumber: day) - rule.weekStart + 7) % 7
        let weekYear = CivilTime.date(dayNumber: weekStart + 3).year
        let firstWeek = weekOneStart(weekYear)
        let number = (weekStart - firstWeek) / 7 + 1
        let weeks = (weekOneStart(weekYear + 1) - firstWeek) / 7
        return rule.byWeekNo.contains { $0 > 0 ? $0 == number : weeks + $0 + 1 == number }
    }

    private func weekOneStart(_ year: Int) -> Int {
        let fourth = CivilTime.dayNumber(year: year, month: 1, day: 4)
        return fourth - (CivilTime.weekday(dayNumber: fourth) - rule.weekStart + 7) % 7
    }

    /// BYSETPOS over one interval's sorted candidates (all of them without BYSETPOS).
    private func selectPositions(_ candidates: [Int]) -> [Int] {
        let sorted = Array(Set(candidates)).sorted()
        guard !rule.bySetPos.isEmpty else { return sorted }
        var chosen = Set<Int>()
        for position in rule.bySetPos {
            let index = position > 0 ? position - 1 : sorted.count + position
            if sorted.indices.contains(index) { chosen.insert(sorted[index]) }
        }
        return chosen.sorted()
    }
}
