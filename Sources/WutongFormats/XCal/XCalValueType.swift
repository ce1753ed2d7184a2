import ICalendar

/// The value types of RFC 6321 §3.3, named by their xCal element, and which one each property
/// and parameter takes when the calendar does not say (RFC 5545 §3.7–3.8, RFC 7986 §5).
enum XCalValueType: String, CaseIterable {
    case binary, boolean, date, duration, float, integer, period, recur, text, time, uri, unknown
    case calAddress = "cal-address"
    case dateTime = "date-time"
    case utcOffset = "utc-offset"

    /// The iCalendar VALUE parameter naming this type.
    var iCalendarName: String {
        rawValue.uppercased()
    }

    init?(iCalendarName: String) {
        self.init(rawValue: iCalendarName.lowercased())
        if self == .unknown { return nil }
    }

    /// The type a property has without a VALUE parameter; `.unknown` for X- and unregistered
    /// properties, whose values xCal carries as they are written (RFC 6321 §5).
    static func defaultType(ofProperty name: String) -> XCalValueType {
        propertyDefaults[name] ?? .unknown
    }

    /// Properties whose value is a comma-separated list in iCalendar and one element per item in
    /// xCal.
    static let listProperties: Set<String> = ["CATEGORIES", "RESOURCES", "EXDATE", "RDATE", "FREEBUSY"]

    /// RFC 7986 asks for VALUE=DURATION on REFRESH-INTERVAL although it has no other type.
    static let valueParameterRequired: Set<String> = ["REFRESH-INTERVAL"]

    /// Parameters whose values are not TEXT (RFC 6321 §3.5.1).
    static func type(ofParameter name: String) -> XCalValueType {
        switch name {
        case "ALTREP", "DIR": .uri
        case "DELEGATED-FROM", "DELEGATED-TO", "MEMBER", "SENT-BY": .calAddress
        case "RSVP": .boolean
        default: .text
        }
    }

    private static let propertyDefaults: [String: XCalValueType] = {
        var table: [String: XCalValueType] = [:]
        for name in [
            "CALSCALE", "METHOD", "PRODID", "VERSION", "CATEGORIES", "CLASS", "COMMENT", "DESCRIPTION",
            "LOCATION", "RESOURCES", "STATUS", "SUMMARY", "TRANSP", "TZID", "TZNAME", "CONTACT", "RELATED-TO",
            "UID", "ACTION", "NAME", "COLOR", "REQUEST-STATUS",
        ] {
            table[name] = .text
        }
        for name in ["PERCENT-COMPLETE", "PRIORITY", "REPEAT", "SEQUENCE"] { table[name] = .integer }
        for name in [
            "COMPLETED", "DTEND", "DUE", "DTSTART", "RECURRENCE-ID", "EXDATE", "RDATE", "CREATED", "DTSTAMP",
            "LAST-MODIFIED",
        ] {
            table[name] = .dateTime
        }
        for name in ["DURATION", "TRIGGER", "REFRESH-INTERVAL"] { table[name] = .duration }
        for name in ["TZOFFSETFROM", "TZOFFSETTO"] { table[name] = .utcOffset }
        for name in ["TZURL", "URL", "ATTACH", "SOURCE", "IMAGE", "CONFERENCE"] { table[name] = .uri }
        for name in ["ATTENDEE", "ORGANIZER"] { table[name] = .calAddress }
        for name in ["RRULE", "EXRULE"] { table[name] = .recur }
        table["FREEBUSY"] = .period
        // Structured: two floats, latitude and longitude (RFC 6321 §3.4.1.2).
        table["GEO"] = .float
        return table
    }()
}

/// Rewrites single values between iCalendar's basic forms and xCal's extended ones
/// (`20270302T190000Z` ↔ `2027-03-02T19:00:00Z`, `+0800` ↔ `+08:00`); nil for a value that is
/// not of its type.
enum XCalValueForm {
    static func extendedDate(_ basic: String) -> String? {
        let bytes = Array(basic.utf8)
        guard bytes.count == 8, ICalDate(basic: basic) != nil else { return nil }
        return text(bytes[0..<4]) + "-" + text(bytes[4..<6]) + "-" + text(bytes[6..<8])
    }

    static func basicDate(_ extended: String) -> String? {
        let bytes = Array(extended.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        let digits = bytes[0..<4] + bytes[5..<7] + bytes[8..<10]
        guard digits.allSatisfy(isDigit), ICalDate(basic: text(digits)) != nil else { return nil }
        return text(digits)
    }

    static func extendedTime(_ basic: String) -> String? {
        var bytes = Array(basic.utf8)
        let utc = bytes.last == UInt8(ascii: "Z")
        if utc { bytes.removeLast() }
        guard bytes.count == 6, bytes.allSatisfy(isDigit), validClock(bytes) else { return nil }
        return text(bytes[0..<2]) + ":" + text(bytes[2..<4]) + ":" + text(bytes[4..<6]) + (utc ? "Z" : "")
    }

    static func basicTime(_ extended: String) -> String? {
        var bytes = Array(extended.utf8)
        let utc = bytes.last == UInt8(ascii: "Z")
        if utc { bytes.removeLast() }
        guard bytes.count == 8, bytes[2] == 0x3A, bytes[5] == 0x3A else { return nil }
        let digits = bytes[0..<2] + bytes[3..<5] + bytes[6..<8]
        guard digits.allSatisfy(isDigit), validClock(Array(digits)) else { return nil }
        return text(digits) + (utc ? "Z" : "")
    }

    static func extendedDateTime(_ basic: String) -> String? {
        let parts = basic.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let date = extendedDate(String(parts[0])), let time = extendedTime(String(parts[1]))
        else { return nil }
        return date + "T" + time
    }

    static func basicDateTime(_ extended: String) -> String? {
        let parts = extended.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let date = basicDate(String(parts[0])), let time = basicTime(String(parts[1]))
        else { return nil }
        return date + "T" + time
    }

    static func extendedOffset(_ basic: String) -> String? {
        let bytes = Array(basic.utf8)
        guard bytes.count == 5 || bytes.count == 7, bytes[0] == 0x2B || bytes[0] == 0x2D,
            bytes.dropFirst().allSatisfy(isDigit)
        else { return nil }
        var result = text(bytes[0..<3]) + ":" + text(bytes[3..<5])
        if bytes.count == 7 { result += ":" + text(bytes[5..<7]) }
        return result
    }

    static func basicOffset(_ extended: String) -> String? {
        let bytes = Array(extended.utf8)
        guard bytes.count == 6 || bytes.count == 9, bytes[0] == 0x2B || bytes[0] == 0x2D, bytes[3] == 0x3A else {
            return nil
        }
        var digits = bytes[1..<3] + bytes[4..<6]
        if bytes.count == 9 {
            guard bytes[6] == 0x3A else { return nil }
            digits += bytes[7..<9]
        }
        guard digits.allSatisfy(isDigit) else { return nil }
        return text(bytes[0..<1]) + text(digits)
    }

    /// A date or a date-time in iCalendar form, converted by its shape.
    static func extendedDateOrDateTime(_ basic: String) -> (type: XCalValueType, value: String)? {
        if let date = extendedDate(basic) { return (.date, date) }
        return extendedDateTime(basic).map { (.dateTime, $0) }
    }

    static func isDuration(_ text: String) -> Bool {
        ICalDuration(text) != nil
    }

    /// HHMMSS within a day; 60 seconds is a leap second, which RFC 5545 allows.
    private static func validClock(_ digits: [UInt8]) -> Bool {
        func number(_ at: Int) -> Int { Int(digits[at] - 0x30) * 10 + Int(digits[at + 1] - 0x30) }
        return number(0) < 24 && number(2) < 60 && number(4) <= 60
    }

    /// Splits at the semicolons a TEXT value does not escape (REQUEST-STATUS).
    static func splitAtUnescapedSemicolons(_ text: String, maxParts: Int) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == ";" && parts.count < maxParts - 1 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    private static func text<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
    }
}
