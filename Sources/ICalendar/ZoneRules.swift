import Foundation

/// How a time zone maps wall-clock times to instants: a VTIMEZONE from the file, or a zone of
/// the system's IANA database.
public struct ZoneRules: Sendable {
    /// UTC offset changes, sorted: from `instant` on, wall time is UTC + `offset`.
    let transitions: [(instant: Int, offset: Int)]
    let initialOffset: Int
    let foundation: TimeZone?
    /// The name the zone is known by: the TZID, or the IANA name it was resolved to.
    public let name: String

    public static let utc = ZoneRules(name: "UTC", fixedOffset: 0)

    public init(name: String, fixedOffset: Int) {
        self.name = name
        transitions = []
        initialOffset = fixedOffset
        foundation = nil
    }

    /// A zone from the system's IANA database; nil if the name is unknown.
    public init?(iana identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        name = zone.identifier
        transitions = []
        initialOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: 0))
        foundation = zone
    }

    /// A VTIMEZONE's observances (STANDARD and DAYLIGHT with DTSTART, TZOFFSETFROM, TZOFFSETTO and
    /// RRULE or RDATE), expanded up to `horizon` (wall seconds).
    init(vtimezone: Component, name: String, horizon: Int) throws(ICalError) {
        self.name = name
        foundation = nil
        var changes: [(instant: Int, offset: Int)] = []
        var earliest: (instant: Int, offsetFrom: Int)?
        for observance in vtimezone.components where observance.name == "STANDARD" || observance.name == "DAYLIGHT" {
            guard let startLine = observance.property("DTSTART"), let start = ICalTime(startLine) else {
                throw ICalError(line: observance.line, "\(observance.name) of \(name) has no valid DTSTART")
            }
            guard let fromLine = observance.property("TZOFFSETFROM"), let from = UTCOffset.parse(fromLine.value),
                let toLine = observance.property("TZOFFSETTO"), let to = UTCOffset.parse(toLine.value)
            else {
                throw ICalError(line: observance.line, "\(observance.name) of \(name) lacks a valid TZOFFSETFROM/TO")
            }
            var onsets = [start.wallSeconds]
            if let ruleLine = observance.property("RRULE") {
                switch RecurrenceRule.parse(ruleLine.value) {
                case .failure(let error): throw ICalError(line: ruleLine.line, "RRULE of \(name): \(error)")
                case .success(let parsed):
                    let until = parsed.rule.until
                    do {
                        onsets = try RecurrenceExpansion(rule: parsed.rule, start: start.wallSeconds).occurrences(
                            before: horizon,
                            isAfterUntil: { wall in
                                guard let until else { return false }
                                // UNTIL of an observance is in UTC; its onsets are in the old offset.
                                return until.zone == .utc
                                    ? wall - from > until.wallSeconds : wall > until.wallSeconds
                            })
                    } catch {
                        throw ICalError(line: ruleLine.line, "RRULE of \(name): \(error)")
                    }
                }
            }
            for rdate in observance.properties("RDATE") {
                for item in rdate.value.split(separator: ",") {
                    guard let time = ICalTime(String(item), valueType: rdate.parameter("VALUE")) else {
                        throw ICalError(line: rdate.line, "RDATE '\(item)' of \(name) is not a date-time")
                    }
                    onsets.append(time.wallSeconds)
                }
            }
            for onset in onsets {
                changes.append((onset - from, to))
                if earliest == nil || onset - from < earliest!.instant { earliest = (onset - from, from) }
            }
        }
        guard let earliest else {
            throw ICalError(line: vtimezone.line, "VTIMEZONE \(name) has no STANDARD or DAYLIGHT observance")
        }
        transitions = changes.sorted { $0.instant < $1.instant }
        initialOffset = earliest.offsetFrom
    }

    /// UTC offset in effect at an instant (seconds since 1970 UTC).
    public func offset(atInstant instant: Int) -> Int {
        if let foundation { return foundation.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) }
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle].instant <= instant { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initialOffset : transitions[low - 1].offset
    }

    /// The instant of a wall-clock time in this zone. A time skipped by a change (spring forward)
    /// is read with the offset before the change, so it moves forward; a time that occurs twice
    /// (fall back) is its first occurrence — both as RFC 5545 §3.3.5 says.
    public func instant(ofWall wall: Int) -> Int {
        let before = offset(atInstant: wall - 86_400)
        let after = offset(atInstant: wall + 86_400)
        let candidates = before == after ? [before] : [before, after]
        let valid = candidates.filter { offset(atInstant: wall - $0) == $0 }.map { wall - $0 }
        if let first = valid.min() { return first }
        return wall - before
    }
}

/// Finds the rules of a TZID: the calendar's own VTIMEZONE first, then the IANA database
/// (Mozilla-style `/…/Area/City` prefixes removed), then the Windows names Outlook writes.
public struct ZoneResolver: Sendable {
    private var own: [String: ZoneRules] = [:]
    /// The calendar's X-WR-TIMEZONE, for floating times.
    public let calendarZone: ZoneRules?

    /// - Parameter horizon: observances are expanded up to this wall time.
    public init(calendar: Component, horizon: Int) throws(ICalError) {
        for timezone in calendar.components("VTIMEZONE") {
            guard let id = timezone.property("TZID")?.value.trimmingWhitespace(), !id.isEmpty else {
                throw ICalError(line: timezone.line, "VTIMEZONE without a TZID")
            }
            own[id] = try ZoneRules(vtimezone: timezone, name: id, horizon: horizon)
        }
        calendarZone = calendar.property("X-WR-TIMEZONE").flatMap { Self.known($0.value.trimmingWhitespace()) }
    }

    /// The zone of a TZID, and a warning when it came from outside the file.
    public func rules(for tzid: String) -> (rules: ZoneRules, warning: String?)? {
        if let zone = own[tzid] { return (zone, nil) }
        if let zone = Self.known(tzid) {
            return (zone, "TZID \(tzid) has no VTIMEZONE in the file; read as the zone \(zone.name)")
        }
        return nil
    }

    /// An IANA name, a Mozilla-style path ending in one, or a Windows zone name.
    public static func known(_ name: String) -> ZoneRules? {
        if name.uppercased() == "UTC" || name.uppercased() == "GMT" || name == "Z" { return .utc }
        if let zone = ZoneRules(iana: name) { return zone }
        let parts = name.split(separator: "/")
        if parts.count >= 2, let zone = ZoneRules(iana: parts.suffix(2).joined(separator: "/")) { return zone }
        if let iana = windowsZones[name], let zone = ZoneRules(iana: iana) { return zone }
        return nil
    }

    /// Windows time zone names (as Outlook and Exchange write them) and their usual IANA zone
    /// (the "001" territory of CLDR's windowsZones table).
    static let windowsZones: [String: String] = [
        "China Standard Time": "Asia/Shanghai", "Taipei Standard Time": "Asia/Taipei",
        "Tokyo Standard Time": "Asia/Tokyo", "Korea Standard Time": "Asia/Seoul",
        "Singapore Standard Time": "Asia/Singapore", "India Standard Time": "Asia/Calcutta",
        "SE Asia Standard Time": "Asia/Bangkok", "AUS Eastern Standard Time": "Australia/Sydney",
        "New Zealand Standard Time": "Pacific/Auckland", "Russian Standard Time": "Europe/Moscow",
        "GMT Standard Time": "Europe/London", "Greenwich Standard Time": "Atlantic/Reykjavik",
        "W. Europe Standard Time": "Europe/Berlin", "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest", "Central European Standard Time": "Europe/Warsaw",
        "E. Europe Standard Time": "Europe/Chisinau", "FLE Standard Time": "Europe/Kiev",
        "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver", "US Mountain Standard Time": "America/Phoenix",
        "Pacific Standard Time": "America/Los_Angeles", "Alaskan Standard Time": "America/Anchorage",
        "Hawaiian Standard Time": "Pacific/Honolulu", "UTC": "Etc/UTC",
    ]
}
