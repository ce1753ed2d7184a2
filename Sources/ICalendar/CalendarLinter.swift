/// What strict clients (and RFC 5545's MUSTs) object to in a calendar that still reads.
public enum CalendarLinter {
    public static func problems(bytes: [UInt8], calendars: [Component]) -> [ICalDiagnostic] {
        var problems: [ICalDiagnostic] = []
        func add(_ line: Int, _ message: String) {
            problems.append(ICalDiagnostic(line: line, severity: .warning, message: message))
        }
        // Physical lines: CRLF, at most 75 octets.
        var line = 1
        var start = 0
        var bareLineFeeds = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            let hasCR = index > 0 && bytes[index - 1] == 0x0D
            if !hasCR { bareLineFeeds += 1 }
            let length = index - start - (hasCR ? 1 : 0)
            if length > 75 { add(line, "the line is \(length) octets long; lines must be folded at 75") }
            line += 1
            start = index + 1
        }
        if bareLineFeeds > 0 { add(1, "\(bareLineFeeds) line(s) end with LF alone; iCalendar needs CRLF") }
        for calendar in calendars {
            if calendar.property("VERSION")?.value.trimmingWhitespace() != "2.0" {
                add(calendar.line, "VCALENDAR needs VERSION:2.0")
            }
            if calendar.property("PRODID") == nil { add(calendar.line, "VCALENDAR needs a PRODID") }
            let defined = Set(calendar.components("VTIMEZONE").compactMap { $0.property("TZID")?.value })
            for component in calendar.components
            where ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY"].contains(component.name) {
                if component.property("UID") == nil { add(component.line, "\(component.name) needs a UID") }
                if component.property("DTSTAMP") == nil { add(component.line, "\(component.name) needs a DTSTAMP") }
                for property in component.properties {
                    if let tzid = property.parameter("TZID"), !defined.contains(tzid) {
                        add(property.line, "TZID \(tzid) is not defined by a VTIMEZONE in the file")
                    }
                }
            }
            do {
                let events = try CalendarEvents(calendar: calendar, horizon: 4_102_444_800)
                for diagnostic in events.diagnostics where !diagnostic.message.contains("has no VTIMEZONE") {
                    problems.append(diagnostic)
                }
            } catch {
                add(error.line, error.message)
            }
        }
        return problems.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
    }
}
