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
            With --format xcal (or all) it writes the same feeds as xCal (RFC 6321) into \
            OUT/xcal/<name>.xcs, valid against the RFC's RELAX NG schema. With --baseline \
            (the schedule last published), each event's SEQUENCE continues from the baseline's, \
            raised where its time or venue changed or a partner unit left; sessions the baseline placed that are no \
            longer placed stay in the feeds as STATUS:CANCELLED, and OUT/updates/ \
            cancel-partner-<id>.ics holds a METHOD:CANCEL message for each partner unit that \
            lost a session (removed or run without them). \
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

    @Option(help: "What to write: ics, xcal, frab, json or all.")
    var format: ExportFormat = .all

    @Option(
        help:
            "The schedule partner units were last sent: SEQUENCE continues from it, and what it placed that is no longer placed is cancelled."
    )
    var baseline: String?

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case ics, xcal, frab, json, all
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
        let previous = try baseline.map { try Baseline.load($0, for: model, otherwise: "nothing was exported") }
        let ics = format == .ics || format == .all
        let xcal = format == .xcal || format == .all
        if ics || xcal {
            let written = try CalendarFeeds.write(plan, for: model, into: out, baseline: previous, ics: ics, xcal: xcal)
            for (wanted, kind, folder) in [(ics, "calendars", "calendars"), (xcal, "xCal calendars", "xcal")]
            where wanted {
                Terminal.standardOutput(
                    "wrote \(written.feeds) \(kind) into \((out as NSString).appendingPathComponent(folder))\n")
            }
            if previous != nil {
                Terminal.standardOutput(
                    "wrote \(written.cancellations) cancellation and \(written.requests) request messages into "
                        + "\((out as NSString).appendingPathComponent("updates"))\n")
            }
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

/// The published schedule a re-plan is measured against (`--baseline`).
enum Baseline {
    /// Loads it against the season, printing its diagnostics; exit status 1 if it cannot be used.
    static func load(_ path: String, for season: Season, otherwise consequence: String) throws -> Schedule {
        let read = ScheduleLoader.load(path: path, displayName: path, season: season)
        for diagnostic in read.diagnostics { Terminal.standardError(diagnostic.rendered) }
        guard let schedule = read.schedule else {
            Terminal.standardError("\(path): the baseline cannot be used; \(consequence)")
            throw ExitCode(1)
        }
        return schedule
    }
}

/// Writes the exports of a schedule into OUT: calendars/, xcal/, updates/, frab/, json/.
enum CalendarFeeds {
    /// Writes the iCalendar feeds into `OUT/calendars/` and/or as xCal into `OUT/xcal/`; with a
    /// baseline also the update messages into `OUT/updates/`, cancellations and requests per
    /// partner unit (stale ones from an earlier run removed). Returns how many of each were
    /// written.
    static func write(
        _ schedule: Schedule, for season: Season, into out: String, baseline: Schedule?, ics: Bool = true,
        xcal: Bool = true, retimed: Set<SessionKey> = []
    ) throws -> (feeds: Int, cancellations: Int, requests: Int) {
        let stamp = Date()
        let feeds = CalendarExport.feeds(schedule, for: season, stamp: stamp, baseline: baseline, retimed: retimed)
        if ics {
            let folder = try folder("calendars", in: out)
            for feed in feeds {
                try AtomicFile.write(
                    Array(feed.text.utf8), to: (folder as NSString).appendingPathComponent(feed.fileName))
            }
        }
        if xcal {
            let folder = try folder("xcal", in: out)
            for feed in feeds {
                let document = try feed.xcal()
                try AtomicFile.write(document.bytes, to: (folder as NSString).appendingPathComponent(document.fileName))
            }
        }
        guard let baseline else { return (feeds.count, 0, 0) }
        let cancellations = CalendarExport.cancellations(
            schedule, for: season, stamp: stamp, baseline: baseline, retimed: retimed)
        let requests = CalendarExport.requests(
            schedule, for: season, stamp: stamp, baseline: baseline, retimed: retimed)
        let messages = cancellations + requests
        let folder = try folder("updates", in: out)
        let written = Set(messages.map(\.fileName))
        for stale in try FileManager.default.contentsOfDirectory(atPath: folder)
        where (stale.hasPrefix("cancel-partner-") || stale.hasPrefix("request-partner-")) && stale.hasSuffix(".ics")
            && !written.contains(stale)
        {
            try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(stale))
        }
        for message in messages {
            try AtomicFile.write(
                Array(message.text.utf8), to: (folder as NSString).appendingPathComponent(message.fileName))
        }
        return (feeds.count, cancellations.count, requests.count)
    }

    private static func folder(_ name: String, in out: String) throws -> String {
        let folder = (out as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
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
