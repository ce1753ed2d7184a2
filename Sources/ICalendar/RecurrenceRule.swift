/// An RRULE (RFC 5545 §3.3.10): every rule part, checked for the combinations the RFC forbids.
public struct RecurrenceRule: Hashable, Sendable {
    public enum Frequency: Int, Comparable, Sendable, CaseIterable {
        case secondly, minutely, hourly, daily, weekly, monthly, yearly

        public static func < (lhs: Frequency, rhs: Frequency) -> Bool { lhs.rawValue < rhs.rawValue }

        public var name: String {
            ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"][rawValue]
        }
    }

    /// A BYDAY entry: a weekday (0 = Monday … 6 = Sunday), with an ordinal (`-1FR`) or 0.
    public struct WeekdayNumber: Hashable, Sendable {
        public var ordinal: Int
        public var weekday: Int

        public init(ordinal: Int = 0, weekday: Int) {
            self.ordinal = ordinal
            self.weekday = weekday
        }
    }

    public var frequency: Frequency
    public var interval = 1
    public var count: Int?
    public var until: ICalTime?
    public var bySecond: [Int] = []
    public var byMinute: [Int] = []
    public var byHour: [Int] = []
    public var byDay: [WeekdayNumber] = []
    public var byMonthDay: [Int] = []
    public var byYearDay: [Int] = []
    public var byWeekNo: [Int] = []
    public var byMonth: [Int] = []
    public var bySetPos: [Int] = []
    public var weekStart = 0

    public init(frequency: Frequency) {
        self.frequency = frequency
    }

    static let weekdayNames = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// Parses an RRULE value. Unknown X- parts are ignored with a warning; anything the RFC
    /// forbids or that cannot be read is an error, because guessing could hide a busy time.
    public static func parse(_ text: String) -> Result<(rule: RecurrenceRule, warnings: [String]), RecurrenceError> {
        var warnings: [String] = []
        var parts: [String: String] = [:]
        for part in text.trimmingWhitespace().split(separator: ";", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { return .failure(.init("rule part '\(part)' has no '='")) }
            let name = pieces[0].uppercased()
            guard parts[name] == nil else { return .failure(.init("\(name) appears twice")) }
            parts[name] = String(pieces[1])
        }
        guard let frequencyText = parts.removeValue(forKey: "FREQ") else {
            return .failure(.init("the rule has no FREQ"))
        }
        guard let frequency = Frequency.allCases.first(where: { $0.name == frequencyText.uppercased() }) else {
            return .failure(.init("FREQ=\(frequencyText) is not a frequency"))
        }
        var rule = RecurrenceRule(frequency: frequency)
        func numbers(_ name: String, _ range: ClosedRange<Int>, allowNegative: Bool) -> Result<[Int], RecurrenceError> {
            guard let value = parts.removeValue(forKey: name) else { return .success([]) }
            var result: [Int] = []
            for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                guard let number = Int(item.hasPrefix("+") ? item.dropFirst() : item),
                    range.contains(abs(number)), allowNegative || number >= 0, allowNegative ? number != 0 : true
                else {
                    return .failure(.init("\(name)=\(value): '\(item)' is out of range"))
                }
                result.append(number)
            }
            return .success(result)
        }
        do {
            rule.bySecond = try numbers("BYSECOND", 0...60, allowNegative: false).get()
            rule.byMinute = try numbers("BYMINUTE", 0...59, allowNegative: false).get()
            rule.byHour = try numbers("BYHOUR", 0...23, allowNegative: false).get()
            rule.byMonthDay = try numbers("BYMONTHDAY", 1...31, allowNegative: true).get()
            rule.byYearDay = try numbers("BYYEARDAY", 1...366, allowNegative: true).get()
            rule.byWeekNo = try numbers("BYWEEKNO", 1...53, allowNegative: true).get()
            rule.byMonth = try numbers("BYMONTH", 1...12, allowNegative: false).get()
            rule.bySetPos = try numbers("BYSETPOS", 1...366, allowNegative: true).get()
        } catch {
            return .failure(error)
        }
        // A leap second in BYSECOND reads as second 59, like DATE-TIME values.
        rule.bySecond = rule.bySecond.map { min($0, 59) }
        if let value = parts.removeValue(forKey: "INTERVAL") {
            guard let interval = Int(value), interval >= 1, interval <= 1_000_000 else {
                return .failure(.init("INTERVAL=\(value) is not a positive number"))
            }
            rule.interval = interval
        }
        if let value = parts.removeValue(forKey: "COUNT") {
            guard let count = Int(value), count >= 1 else {
                return .failure(.init("COUNT=\(value) is not a positive number"))
            }
            rule.count = count
        }
        if let value = parts.removeValue(forKey: "UNTIL") {
            guard let until = ICalTime(value) else {
                return .failure(.init("UNTIL=\(value) is not a date or date-time"))
            }
            rule.until = until
        }
        if rule.count != nil, rule.until != nil {
            return .failure(.init("the rule has both COUNT and UNTIL, which RFC 5545 forbids"))
        }
        if let value = parts.removeValue(forKey: "WKST") {
            guard let index = weekdayNames.firstIndex(of: value.uppercased()) else {
                return .failure(.init("WKST=\(value) is not a weekday"))
            }
            rule.weekStart = index
        }
        if let value = parts.removeValue(forKey: "BYDAY") {
            for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                let upper = item.uppercased()
                guard upper.count >= 2, let weekday = weekdayNames.firstIndex(of: String(upper.suffix(2))) else {
                    return .failure(.init("BYDAY=\(value): '\(item)' is not a weekday"))
                }
                let prefix = upper.dropLast(2)
                var ordinal = 0
                if !prefix.isEmpty {
                    guard let number = Int(prefix.hasPrefix("+") ? prefix.dropFirst() : prefix), number != 0,
                        (1...53).contains(abs(number))
                    else {
                        return .failure(.init("BYDAY=\(value): '\(item)' has a bad ordinal"))
                    }
                    ordinal = number
                }
                rule.byDay.append(WeekdayNumber(ordinal: ordinal, weekday: weekday))
            }
        }
        for name in parts.keys.sorted() {
            guard name.hasPrefix("X-") else { return .failure(.init("\(name) is not an RRULE part")) }
            warnings.append("the rule part \(name) is not standard and was ignored")
        }
        if let problem = rule.forbiddenCombination() { return .failure(.init(problem)) }
        return .success((rule, warnings))
    }

    /// What RFC 5545 says MUST NOT be combined.
    func forbiddenCombination() -> String? {
        if !bySetPos.isEmpty, bySecond.isEmpty, byMinute.isEmpty, byHour.isEmpty, byDay.isEmpty, byMonthDay.isEmpty,
            byYearDay.isEmpty, byWeekNo.isEmpty, byMonth.isEmpty
        {
            return "BYSETPOS needs another BYxxx rule part to select from"
        }
        if !byWeekNo.isEmpty, frequency != .yearly { return "BYWEEKNO is only allowed with FREQ=YEARLY" }
        if !byYearDay.isEmpty, [.daily, .weekly, .monthly].contains(frequency) {
            return "BYYEARDAY is not allowed with FREQ=\(frequency.name)"
        }
        if !byMonthDay.isEmpty, frequency == .weekly { return "BYMONTHDAY is not allowed with FREQ=WEEKLY" }
        if byDay.contains(where: { $0.ordinal != 0 }) {
            if frequency != .monthly, frequency != .yearly {
                return "BYDAY with an ordinal (like 1MO) needs FREQ=MONTHLY or YEARLY"
            }
            if frequency == .yearly, !byWeekNo.isEmpty {
                return "BYDAY with an ordinal is not allowed with BYWEEKNO"
            }
        }
        return nil
    }

    /// The rule written back as an RRULE value.
    public var text: String {
        var parts = ["FREQ=" + frequency.name]
        if let until {
            switch until {
            case .date(let date): parts.append("UNTIL=" + date.basic)
            case .dateTime(let dateTime): parts.append("UNTIL=" + dateTime.basic)
            }
        }
        if let count { parts.append("COUNT=\(count)") }
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        let lists: [(String, [Int])] = [
            ("BYSECOND", bySecond), ("BYMINUTE", byMinute), ("BYHOUR", byHour),
        ]
        for (name, values) in lists where !values.isEmpty {
            parts.append(name + "=" + values.map(String.init).joined(separator: ","))
        }
        if !byDay.isEmpty {
            parts.append(
                "BYDAY="
                    + byDay.map { ($0.ordinal == 0 ? "" : String($0.ordinal)) + Self.weekdayNames[$0.weekday] }
                    .joined(separator: ","))
        }
        let more: [(String, [Int])] = [
            ("BYMONTHDAY", byMonthDay), ("BYYEARDAY", byYearDay), ("BYWEEKNO", byWeekNo), ("BYMONTH", byMonth),
            ("BYSETPOS", bySetPos),
        ]
        for (name, values) in more where !values.isEmpty {
            parts.append(name + "=" + values.map(String.init).joined(separator: ","))
        }
        if weekStart != 0 { parts.append("WKST=" + Self.weekdayNames[weekStart]) }
        return parts.joined(separator: ";")
    }
}

/// Why an RRULE cannot be used.
public struct RecurrenceError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
