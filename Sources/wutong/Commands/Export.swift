import ArgumentParser
import Foundation
import WutongFormats
import WutongModel

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish a schedule as iCalendar feeds for partner units, venues and grids.",
        discussion: """
            Writes OUT/calendars/season.ics (every session), partner-<id>.ics per partner unit, \
            venue-<id>.ics per venue and grid-<id>.ics per grid: METHOD:PUBLISH, NAME and \
            X-WR-CALNAME, REFRESH-INTERVAL, a VTIMEZONE for the season's zone, and one VEVENT per \
            placed session whose UID depends only on the season, the activity and the session \
            number, so re-published plans update in place (Docs/calendars.md). Ids are written \
            into file names with every byte other than letters, digits, '-', '_' and '.' as %XX. \
            With --format frab (or all) it also writes OUT/frab/schedule.xml, the frab/c3voc \
            conference schedule that apps such as Giggity and ConfClerk read: days, venues as \
            rooms, sessions as events, partner units as persons; with --format json (or all) \
            OUT/json/schedule.json (Docs/calendars.md). `wutong solve` writes all of them. \
            Files are written atomically.
            """
    )

    @Argument(help: "The season file.")
    var season: String

    @Argument(help: "The schedule file (schedule XML v1).")
    var schedule: String

    @Option(help: "Folder to write into (created if missing).")
    var out: String = "exports"

    @Option(help: "What to write: ics, frab, json or all (xCal is still to come).")
    var format: ExportFormat = .all

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case ics, frab, json, all
    }

    func run() throws {
        let loaded = SeasonLoader.load(path: season, displayName: season)
        guard let model = loaded.season else {
            for diagnostic in loaded.diagnostics { Terminal.standardError(diagnostic.rendered) }
            Terminal.standardError("\(season): the season is not valid; nothing was exported")
            throw ExitCode(1)
        }
        let read = ScheduleLoader.load(path: schedule, displayName: schedule, season: model)
        for diagnostic in read.diagnostics { Terminal.standardError(diagnostic.rendered) }
        guard let plan = read.schedule else {
            Terminal.standardError("\(schedule): the schedule cannot be exported")
            throw ExitCode(1)
        }
        if format == .ics || format == .all {
            let written = try CalendarFeeds.write(plan, for: model, into: out)
            Terminal.standardOutput(
                "wrote \(written) calendars into \((out as NSString).appendingPathComponent("calendars"))\n")
        }
        if format == .frab || format == .all {
            let path = try CalendarFeeds.writeFrab(plan, for: model, into: out)
            Terminal.standardOutput("wrote \(path)\n")
        }
        if format == .json || format == .all {
            let path = try CalendarFeeds.writeJSON(plan, for: model, into: out)
            Terminal.standardOutput("wrote \(path)\n")
        }
    }
}

/// Writes the iCalendar feeds of a schedule into `OUT/calendars/`.
enum CalendarFeeds {
    static func write(_ schedule: Schedule, for season: Season, into out: String) throws -> Int {
        let folder = (out as NSString).appendingPathComponent("calendars")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let feeds = CalendarExport.feeds(schedule, for: season, stamp: Date())
        for feed in feeds {
            try AtomicFile.write(Array(feed.text.utf8), to: (folder as NSString).appendingPathComponent(feed.fileName))
        }
        return feeds.count
    }

    /// Writes `OUT/json/schedule.json`; returns its path.
    static func writeJSON(_ schedule: Schedule, for season: Season, into out: String) throws -> String {
        let folder = (out as NSString).appendingPathComponent("json")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("schedule.json")
        try AtomicFile.write(JSONExport.encode(schedule, for: season), to: path)
        return path
    }

    /// Writes `OUT/frab/schedule.xml`; returns its path.
    static func writeFrab(_ schedule: Schedule, for season: Season, into out: String) throws -> String {
        let folder = (out as NSString).appendingPathComponent("frab")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("schedule.xml")
        try AtomicFile.write(
            FrabExport.encode(schedule, for: season, generator: Wutong.configuration.version), to: path)
        return path
    }
}
