/// A DATE value.
public struct ICalDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(dayNumber: Int) {
        let parts = CivilTime.date(dayNumber: dayNumber)
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    public var dayNumber: Int {
        CivilTime.dayNumber(year: year, month: month, day: day)
    }

    public static func < (lhs: ICalDate, rhs: ICalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `YYYYMMDD`, as iCalendar writes it.
    public var basic: String {
        pad(year, 4) + pad(month, 2) + pad(day, 2)
    }

    /// Parses `YYYYMMDD`; nil if malformed or not a real date.
    public init?(basic text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 8, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let number = { (range: Range<Int>) in range.reduce(0) { $0 * 10 + Int(digits[$1] - 0x30) } }
        let (year, month, day) = (number(0..<4), number(4..<6), number(6..<8))
        guard (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }
}

/// A DATE-TIME value: a wall-clock time that is floating (no zone), UTC (`Z`) or in a named
/// zone (`TZID=`).
public struct ICalDateTime: Hashable, Sendable {
    public enum Zone: Hashable, Sendable {
        case floating
        case utc
        case named(String)
    }

    public var date: ICalDate
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var zone: Zone

    public init(date: ICalDate, hour: Int, minute: Int, second: Int = 0, zone: Zone = .floating) {
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.zone = zone
    }

    /// Wall-clock seconds since 1970-01-01T00:00:00 of the same wall clock.
    public var wallSeconds: Int {
        date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
    }

    public init(wallSeconds: Int, zone: Zone) {
        let day = CivilTime.floorDivide(wallSeconds, 86_400)
        let rest = wallSeconds - day * 86_400
        self.init(
            date: ICalDate(dayNumber: day), hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60, zone: zone)
    }

    /// Parses `YYYYMMDDTHHMMSS` with an optional `Z`; `tzid` applies when there is no `Z`.
    public init?(basic text: String, tzid: String? = nil) {
        var bytes = Array(text.utf8)
        var zone: Zone = tzid.map { .named($0) } ?? .floating
        if let last = bytes.last, last == 0x5A || last == 0x7A {
            bytes.removeLast()
            zone = .utc
        }
        guard bytes.count == 15, bytes[8] == 0x54 || bytes[8] == 0x74 else { return nil }
        var digits = [Int](repeating: 0, count: 14)
        for (index, position) in [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14].enumerated() {
            let byte = bytes[position]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            digits[index] = Int(byte - 0x30)
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5]
        let day = digits[6] * 10 + digits[7]
        let (hour, minute, second) = (
            digits[8] * 10 + digits[9], digits[10] * 10 + digits[11], digits[12] * 10 + digits[13]
        )
        guard (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        // 60 is a leap second: RFC 5545 allows it; it reads as the minute's last second.
        guard hour < 24, minute < 60, second <= 60 else { return nil }
        self.init(
            date: ICalDate(year: year, month: month, day: day), hour: hour, minute: minute, second: min(second, 59),
            zone: zone)
    }

    /// `YYYYMMDDTHHMMSS[Z]`.
    public var basic: String {
        date.basic + "T" + pad(hour, 2) + pad(minute, 2) + pad(second, 2) + (zone == .utc ? "Z" : "")
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var extended: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(19)
        appendDigits(&bytes, date.year, 4)
        bytes.append(0x2D)
        appendDigits(&bytes, date.month, 2)
        bytes.append(0x2D)
        appendDigits(&bytes, date.day, 2)
        bytes.append(0x54)
        appendDigits(&bytes, hour, 2)
        bytes.append(0x3A)
        appendDigits(&bytes, minute, 2)
        bytes.append(0x3A)
        appendDigits(&bytes, second, 2)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// DTSTART, DTEND, RECURRENCE-ID, EXDATE, RDATE, UNTIL: a DATE or a DATE-TIME.
public enum ICalTime: Hashable, Sendable {
    case date(ICalDate)
    case dateTime(ICalDateTime)

    /// Reads a property value by its VALUE parameter and form (`YYYYMMDD` is a DATE).
    public init?(_ value: String, valueType: String? = nil, tzid: String? = nil) {
        let text = value.trimmingWhitespace()
        if valueType?.uppercased() == "DATE" || (valueType == nil && text.utf8.count == 8) {
            guard let date = ICalDate(basic: text) else { return nil }
            self = .date(date)
        } else {
            guard let dateTime = ICalDateTime(basic: text, tzid: tzid) else { return nil }
            self = .dateTime(dateTime)
        }
    }

    public init?(_ line: ContentLine) {
        self.init(line.value, valueType: line.parameter("VALUE"), tzid: line.parameter("TZID"))
    }

    public var isDate: Bool {
        if case .date = self { true } else { false }
    }

    /// Wall-clock seconds; a DATE is its midnight.
    public var wallSeconds: Int {
        switch self {
        case .date(let date): date.dayNumber * 86_400
        case .dateTime(let dateTime): dateTime.wallSeconds
        }
    }

    public var zone: ICalDateTime.Zone {
        switch self {
        case .date: .floating
        case .dateTime(let dateTime): dateTime.zone
        }
    }
}

/// A DURATION value (RFC 5545 §3.3.6): weeks, or days and a time; seconds of time are exact,
/// days are nominal (a day in a zone with DST can be 23 or 25 hours).
public struct ICalDuration: Hashable, Sendable {
    public var negative: Bool
    public var days: Int
    public var seconds: Int

    public init(negative: Bool = false, days: Int = 0, seconds: Int = 0) {
        self.negative = negative
        self.days = days
        self.seconds = seconds
    }

    /// Parses `[+|-]P[nW]` or `[+|-]P[nD][T[nH][nM][nS]]`.
    public init?(_ text: String) {
        var scalars = Array(text.trimmingWhitespace().uppercased().utf8)
        var negative = false
        if let sign = scalars.first, sign == 0x2B || sign == 0x2D {
            negative = sign == 0x2D
            scalars.removeFirst()
        }
        guard scalars.first == 0x50 else { return nil }
        scalars.removeFirst()
        var days = 0
        var seconds = 0
        var number: Int?
        var inTime = false
        var seenAny = false
        for scalar in scalars {
            switch scalar {
            case 0x30...0x39:
                number = (number ?? 0) * 10 + Int(scalar - 0x30)
                guard number! < 100_000_000 else { return nil }
            case 0x54:
                guard !inTime, number == nil else { return nil }
                inTime = true
            default:
                guard let value = number else { return nil }
                switch (scalar, inTime) {
                case (0x57, false): days += value * 7
                case (0x44, false): days += value
                case (0x48, true): seconds += value * 3600
                case (0x4D, true): seconds += value * 60
                case (0x53, true): seconds += value
                default: return nil
                }
                number = nil
                seenAny = true
            }
        }
        guard seenAny, number == nil else { return nil }
        self.init(negative: negative, days: days, seconds: seconds)
    }

    public var text: String {
        var result = negative ? "-P" : "P"
        if days > 0, seconds == 0, days % 7 == 0 { return result + "\(days / 7)W" }
        if days > 0 { result += "\(days)D" }
        if seconds > 0 || days == 0 {
            result += "T"
            let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
            if hours > 0 { result += "\(hours)H" }
            if minutes > 0 { result += "\(minutes)M" }
            if rest > 0 || (hours == 0 && minutes == 0) { result += "\(rest)S" }
        }
        return result
    }
}

/// A UTC-OFFSET value: `+HHMM` or `+HHMMSS`, in seconds.
public enum UTCOffset {
    public static func parse(_ text: String) -> Int? {
        let scalars = Array(text.trimmingWhitespace().utf8)
        guard scalars.count == 5 || scalars.count == 7, scalars[0] == 0x2B || scalars[0] == 0x2D,
            scalars.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let digit = { (index: Int) in Int(scalars[index] - 0x30) }
        let hours = digit(1) * 10 + digit(2)
        let minutes = digit(3) * 10 + digit(4)
        let seconds = scalars.count == 7 ? digit(5) * 10 + digit(6) : 0
        guard hours < 24, minutes < 60, seconds < 60 else { return nil }
        let total = hours * 3600 + minutes * 60 + seconds
        // "-0000" is not allowed by the RFC; it reads as zero.
        return scalars[0] == 0x2D ? -total : total
    }

    public static func format(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        let base = sign + pad(value / 3600, 2) + pad(value / 60 % 60, 2)
        return value % 60 == 0 ? base : base + pad(value % 60, 2)
    }
}

/// Appends a non-negative number with at least `width` digits.
func appendDigits(_ bytes: inout [UInt8], _ value: Int, _ width: Int) {
    guard value >= 0 else {
        bytes += Array(pad(value, width).utf8)
        return
    }
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    while divisor * 10 <= value { divisor *= 10 }
    var rest = value
    while divisor > 0 {
        bytes.append(UInt8(0x30 + rest / divisor))
        rest %= divisor
        divisor /= 10
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
}
