import Foundation
import ICalendar
import WutongModel

/// The busy calendars a season names for its partner units, read as busy periods in the
/// season's time zone over the season (BusyCalendar's policy). A calendar that cannot be read
/// safely is an error at its line; its warnings are warnings at theirs.
enum PartnerCalendars {
    static func load(
        _ season: Season, directory: String, shownAs shown: String
    ) -> (busy: [String: [LocalPeriod]], diagnostics: [Diagnostic]) {
        var busy: [String: [LocalPeriod]] = [:]
        var diagnostics: [Diagnostic] = []
        guard let zone = ZoneRules(iana: season.calendar.timeZone) else { return ([:], []) }
        let from = zone.instant(ofWall: season.calendar.start.dayNumber * 86_400)
        let to = zone.instant(ofWall: (season.calendar.end.dayNumber + 1) * 86_400)
        for partner in season.partners {
            for calendar in partner.busyCalendars {
                let path = calendar.path.hasPrefix("/") ? calendar.path : directory + "/" + calendar.path
                let shownPath =
                    calendar.path.hasPrefix("/") || shown.isEmpty ? calendar.path : shown + "/" + calendar.path
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
                else {
                    let location = calendar.source?.at("href") ?? SourceLocation(file: "season", line: 1, column: 1)
                    diagnostics.append(
                        Diagnostic(
                            .error, at: location,
                            "busy calendar '\(calendar.path)' of partner '\(partner.id)' not found (looked for \(shownPath)); "
                                + "paths are relative to the season file"))
                    continue
                }
                do {
                    let read = try BusyCalendar.read(path: path, zone: zone, from: from, to: to)
                    for warning in read.warnings {
                        diagnostics.append(
                            Diagnostic(
                                .warning, at: SourceLocation(file: shownPath, line: warning.line, column: 1),
                                warning.message))
                    }
                    busy[partner.id, default: []] += read.busy.map { period in
                        LocalPeriod(
                            start: LocalDateTime(
                                minuteNumber: (period.start + zone.offset(atInstant: period.start)) / 60),
                            end: LocalDateTime(
                                minuteNumber: (period.end + zone.offset(atInstant: period.end) + 59) / 60),
                            reason: period.summary)
                    }
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: SourceLocation(file: shownPath, line: error.line, column: 1),
                            "busy calendar of partner '\(partner.id)' cannot be read safely: \(error.message)"))
                }
            }
        }
        return (busy, diagnostics)
    }
}
