import Foundation
public import ICalendar

/// A partner unit's calendar read as busy time (DESIGN.md, issue 4 policy):
/// - VEVENT occurrences are busy, TENTATIVE included; TRANSP:TRANSPARENT and STATUS:CANCELLED
///   are not; a METHOD:CANCEL calendar holds no busy time;
/// - VFREEBUSY periods of FBTYPE BUSY, BUSY-UNAVAILABLE and BUSY-TENTATIVE are busy, FREE is not;
/// - a floating time is read in the calendar's X-WR-TIMEZONE, else in the given zone; an
///   all-day event blocks its whole days in the given zone (DTEND exclusive);
/// - the same UID twice without RECURRENCE-ID keeps the higher SEQUENCE, with a warning;
/// - what breaks an RFC rule but reads safely is a warning naming the line; what cannot be read
///   safely refuses the whole file (a partial import could hide a busy time).
public struct BusyCalendar: Sendable {
    public struct Busy: Hashable, Sendable {
        /// Instants, seconds since 1970 UTC.
        public var start: Int
        public var end: Int
        public var uid: String
        public var summary: String
    }

    public var busy: [Busy]
    public var warnings: [ICalDiagnostic]

    /// Busy occurrences overlapping [from, to) (instants), sorted by start, end, uid.
    public static func read(bytes: [UInt8], zone: ZoneRules, from: Int, to: Int) throws(ICalError) -> BusyCalendar {
        var busy: [Busy] = []
        var warnings: [ICalDiagnostic] = []
        for calendar in try CalendarParser.parse(bytes) where calendar.name == "VCALENDAR" {
            // Observances and recurrences are needed up to the window's end, plus a day.
            let events = try CalendarEvents(calendar: calendar, horizon: to + 2 * 86_400)
            warnings += events.diagnostics
            guard events.method != "CANCEL" else { continue }
            let floating = events.zones.calendarZone ?? zone
            for occurrence in try events.occurrences(before: to + 86_400, floatingZone: floating) {
                guard occurrence.status != "CANCELLED", !occurrence.transparent else { continue }
                let dayZone = { () -> ZoneRules in
                    if case .date = occurrence.start.form { return zone }
                    return floating
                }()
                let start = occurrence.start.instant(floatingZone: dayZone)
                let end = max(start, occurrence.end.instant(floatingZone: dayZone))
                guard start < to, end > from || (start == end && start >= from) else { continue }
                busy.append(Busy(start: start, end: end, uid: occurrence.uid, summary: occurrence.summary))
            }
            for period in events.freeBusy where period.type != "FREE" && period.start < to && period.end > from {
                busy.append(Busy(start: period.start, end: period.end, uid: period.uid, summary: period.type))
            }
        }
        busy.sort { ($0.start, $0.end, $0.uid) < ($1.start, $1.end, $1.uid) }
        return BusyCalendar(busy: busy, warnings: warnings)
    }

    /// Reads a file; the 32 MB limit is checked before reading.
    public static func read(path: String, zone: ZoneRules, from: Int, to: Int) throws(ICalError) -> BusyCalendar {
        try read(bytes: CalendarFile.bytes(path: path), zone: zone, from: from, to: to)
    }
}

/// Reading a calendar file with the size limit checked first.
public enum CalendarFile {
    public static func bytes(path: String) throws(ICalError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ICalError(line: 1, "no such file")
        }
        guard !isDirectory.boolValue else { throw ICalError(line: 1, "is a directory, not a calendar file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= CalendarParser.maximumBytes else {
            throw ICalError(
                line: 1,
                String(
                    format: "the file is %.1f MB, more than the limit of %.1f MB", Double(size) / 1_048_576,
                    Double(CalendarParser.maximumBytes) / 1_048_576))
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ICalError(line: 1, "cannot be read") }
        return [UInt8](data)
    }
}
