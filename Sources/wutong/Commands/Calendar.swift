import ArgumentParser
import Foundation
import ICalendar
import WutongFormats

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Read calendar files: busy times, occurrences, problems, conversion to and from xCal.",
        subcommands: [CalendarBusy.self, CalendarExpand.self, CalendarLint.self, CalendarConvert.self]
    )
}

/// A `YYYY-MM-DD` option.
struct DateOption: ExpressibleByArgument {
    var date: ICalDate

    init?(argument: String) {
        guard argument.count == 10, argument.dropFirst(4).first == "-", argument.dropFirst(7).first == "-",
            let date = ICalDate(basic: argument.replacingOccurrences(of: "-", with: ""))
        else { return nil }
        self.date = date
    }
}

/// Reports a calendar that cannot be read, with its line, and stops with exit status 1.
func calendarFailure(_ path: String, _ error: ICalError) -> ExitCode {
    Terminal.standardError("\(path):\(error.line): error: \(error.message)")
    return ExitCode(1)
}

func reportWarnings(_ path: String, _ warnings: [ICalDiagnostic]) {
    for warning in warnings { Terminal.standardError("\(path):\(warning.line): warning: \(warning.message)") }
}

struct CalendarBusy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "busy",
        abstract: "Print the busy times of a partner's calendar in a window, as JSON.",
        discussion: """
            Prints {"timezone": ..., "busy": [{"start", "end", "uid", "summary"}]}: one entry per \
            busy occurrence overlapping [--from 00:00, --to 00:00) in --tz (not merged), times in \
            RFC 3339 with the offset of --tz, sorted by start, then end, then uid. Busy means: \
            events that are not TRANSP:TRANSPARENT nor STATUS:CANCELLED (TENTATIVE counts), \
            VFREEBUSY periods that are not FBTYPE=FREE; a METHOD:CANCEL calendar has none. \
            Floating times are read in the calendar's X-WR-TIMEZONE, else in --tz; all-day \
            events block whole days in --tz. Warnings go to stderr; a calendar that cannot be \
            read safely is refused (exit 1) with the line.
            """
    )

    @Argument(help: "The .ics file.")
    var file: String

    @Option(help: "First day of the window (YYYY-MM-DD).")
    var from: DateOption

    @Option(help: "Day after the window (YYYY-MM-DD).")
    var to: DateOption

    @Option(help: "Time zone of the window and of the output.")
    var tz: String = "Asia/Shanghai"

    func run() throws {
        guard let zone = ZoneResolver.known(tz) else {
            throw ValidationError("--tz \(tz) is not a known time zone")
        }
        let start = zone.instant(ofWall: from.date.dayNumber * 86_400)
        let end = zone.instant(ofWall: to.date.dayNumber * 86_400)
        let calendar: BusyCalendar
        do {
            calendar = try BusyCalendar.read(path: file, zone: zone, from: start, to: end)
        } catch {
            throw calendarFailure(file, error)
        }
        reportWarnings(file, calendar.warnings)
        var json = JSONLines(leading: [("timezone", zone.name)], arrayKey: "busy")
        for busy in calendar.busy {
            json.row([
                ("start", OccurrenceTime.rfc3339(instant: busy.start, in: zone)),
                ("end", OccurrenceTime.rfc3339(instant: busy.end, in: zone)), ("uid", busy.uid),
                ("summary", busy.summary),
            ])
        }
        Terminal.standardOutput(json.finished())
    }
}

struct CalendarExpand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand",
        abstract: "Print every event occurrence starting in a window, as JSON.",
        discussion: """
            Prints {"occurrences": [{"uid", "start", "end"}]} for every VEVENT occurrence whose \
            start, on its own clock, lies in [--from 00:00, --to 00:00): DATE values as \
            YYYY-MM-DD, floating times as YYYY-MM-DDTHH:MM:SS, zoned times in RFC 3339 with the \
            offset of the event's zone at that instant, UTC as ...Z; sorted by start instant \
            (DATE and floating times as if UTC), then uid. EXDATEs are removed and RECURRENCE-ID \
            overrides replace the occurrences they name; cancelled occurrences are listed.
            """
    )

    @Argument(help: "The .ics file.")
    var file: String

    @Option(help: "First day of the window (YYYY-MM-DD).")
    var from: DateOption

    @Option(help: "Day after the window (YYYY-MM-DD).")
    var to: DateOption

    func run() throws {
        let windowStart = from.date.dayNumber * 86_400
        let windowEnd = to.date.dayNumber * 86_400
        var entries: [(instant: Int, uid: String, start: OccurrenceTime, end: OccurrenceTime)] = []
        do {
            let bytes = try CalendarFile.bytes(path: file)
            for calendar in try CalendarParser.parse(bytes) where calendar.name == "VCALENDAR" {
                let events = try CalendarEvents(calendar: calendar, horizon: windowEnd + 2 * 86_400)
                reportWarnings(file, events.diagnostics)
                for occurrence in try events.occurrences(before: windowEnd, floatingZone: .utc)
                where occurrence.start.wall >= windowStart && occurrence.start.wall < windowEnd {
                    entries.append(
                        (occurrence.start.instant(floatingZone: .utc), occurrence.uid, occurrence.start, occurrence.end)
                    )
                }
            }
        } catch {
            throw calendarFailure(file, error)
        }
        entries.sort { ($0.instant, $0.uid) < ($1.instant, $1.uid) }
        var json = JSONLines(leading: [], arrayKey: "occurrences")
        for entry in entries {
            json.row([("uid", entry.uid), ("start", entry.start.rfc3339), ("end", entry.end.rfc3339)])
        }
        Terminal.standardOutput(json.finished())
    }
}

struct CalendarLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report what a strict calendar client would trip on; exit 1 if anything.",
        discussion: """
            Checks line endings (CRLF) and folding (75 octets), VERSION:2.0 and PRODID, UID and \
            DTSTAMP on every VEVENT, every TZID defined by a VTIMEZONE, and everything the reader \
            warns about (UNTIL not in UTC, repeated UIDs, unsupported RANGE, ...). Prints one \
            FILE:LINE: message per problem.
            """
    )

    @Argument(help: "The .ics file.")
    var file: String

    func run() throws {
        let bytes: [UInt8]
        let calendars: [Component]
        do {
            bytes = try CalendarFile.bytes(path: file)
            calendars = try CalendarParser.parse(bytes)
        } catch {
            throw calendarFailure(file, error)
        }
        let problems = CalendarLinter.problems(bytes: bytes, calendars: calendars)
        for problem in problems { Terminal.standardOutput("\(file):\(problem.line): \(problem.message)\n") }
        if !problems.isEmpty { throw ExitCode(1) }
        Terminal.standardOutput("\(file): no problems found\n")
    }
}
