import ArgumentParser
import WutongFormats
import WutongModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a season file and summarise it.",
        discussion: """
            Reads the season safely, validates it against the season schema, then checks its \
            meaning (references, dates, time zone, whether every activity could ever be placed). \
            Every problem is reported at once as FILE:LINE:COL: error: message.

            Exit status: 0 when the season is valid, 1 when it is not, 64 for a usage error.

            With --format json, stdout is a JSON array of {file, line, column, severity, message} \
            (warnings only when the season is valid).
            """
    )

    @Argument(help: "The season file. Default: the bundled season.", completion: .file(extensions: ["xml"]))
    var season: String?

    @Option(help: "Diagnostics as text (stderr) or a JSON array (stdout).")
    var format: OutputFormat = .text

    func run() throws {
        let path = try BundledSeason.resolve(season)
        let display = season ?? BundledSeason.display(path)
        let result = SeasonLoader.load(path: path, displayName: display)
        switch format {
        case .json:
            Terminal.standardOutput(DiagnosticJSON.render(result.diagnostics))
        case .text:
            for diagnostic in result.diagnostics { Terminal.standardError(diagnostic.rendered) }
            if let loaded = result.season {
                Terminal.standardOutput(Self.summary(of: loaded, file: display) + "\n")
            } else {
                let errors = result.diagnostics.filter { $0.severity == .error }.count
                Terminal.standardError("\(display): \(errors) error\(errors == 1 ? "" : "s"); the season is not valid")
            }
        }
        if result.season == nil { throw ExitCode(1) }
    }

    static func summary(of season: Season, file: String) -> String {
        let counts = SeasonSummary(season)
        return """
            \(file): season '\(season.id)' (\(season.name)) is valid: \(counts.grids) grids, \(counts.venues) venues, \
            \(counts.partners) partner units, \(counts.projects) projects, \(counts.activities) activities \
            (\(counts.projectEvents) project events, \(counts.practiceActivities) practice activities) asking for \
            \(counts.sessions) sessions; \(counts.days) days from \(season.calendar.start) to \(season.calendar.end) \
            (\(counts.blackoutDays) blackout days) in \(season.calendar.timeZone), \(counts.slots) usable slots of \
            \(counts.slotMinutes) minutes.
            """
    }
}
