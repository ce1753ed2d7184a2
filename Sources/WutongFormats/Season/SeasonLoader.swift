import Foundation
public import WutongModel
import XMLSupport

/// The outcome of loading a season file: the season when it could be built, and every
/// diagnostic of every stage (file, XML, schema, meaning), sorted by position.
public struct SeasonLoadResult: Sendable {
    public var season: Season?
    public var diagnostics: [Diagnostic]
    /// Partner id → busy periods from the partner's busy calendars (season time zone).
    public var busy: [String: [LocalPeriod]] = [:]

    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}

/// Reads a season file: XML (safely), the season XSD, then the model's semantic checks and the
/// busy calendars' presence. Files are never written.
public enum SeasonLoader {
    /// Season files larger than this are refused before they are read (bounded memory).
    public static let maximumBytes = 32 * 1024 * 1024

    static let schema = XMLSchema.embedded(SeasonSchema.xsd, name: "season-1.xsd")

    public static func load(
        path: String, displayName: String? = nil, maximumBytes: Int = SeasonLoader.maximumBytes
    ) -> SeasonLoadResult {
        let reader = XMLReader(maximumBytes: maximumBytes)
        let name = displayName ?? path
        let result = reader.read(contentsOf: path, displayName: name, schema: schema)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let shownDirectory = (name as NSString).deletingLastPathComponent
        return build(result, fileName: name, calendarDirectory: (directory, shownDirectory))
    }

    /// Loads from memory; busy-calendar paths are resolved against `calendarDirectory` when given.
    public static func load(bytes: [UInt8], fileName: String, calendarDirectory: String? = nil) -> SeasonLoadResult {
        build(
            XMLReader().read(bytes: bytes, fileName: fileName, schema: schema), fileName: fileName,
            calendarDirectory: calendarDirectory.map { ($0, $0) })
    }

    /// `calendarDirectory` is where busy calendars are looked for, and how to show that place.
    private static func build(
        _ result: XMLReadResult, fileName: String, calendarDirectory: (actual: String, shown: String)?
    ) -> SeasonLoadResult {
        let xmlDiagnostics = result.diagnostics.map(Diagnostic.init)
        guard let root = result.root else {
            return SeasonLoadResult(season: nil, diagnostics: xmlDiagnostics)
        }
        let rootCheck = RootCheck(
            element: "season", namespace: SeasonSchema.namespace, version: SeasonSchema.version,
            what: "season file")
        if let problem = rootCheck.problem(root, fileName: fileName) {
            return SeasonLoadResult(season: nil, diagnostics: [problem])
        }
        if result.hasErrors {
            return SeasonLoadResult(season: nil, diagnostics: xmlDiagnostics)
        }
        var decoder = SeasonDecoder(file: fileName)
        let season = decoder.decode(root)
        if !decoder.diagnostics.isEmpty {
            return SeasonLoadResult(season: nil, diagnostics: (xmlDiagnostics + decoder.diagnostics).sorted())
        }
        var diagnostics = xmlDiagnostics + SeasonValidator.validate(season)
        var busy: [String: [LocalPeriod]] = [:]
        if let calendarDirectory {
            let calendars = PartnerCalendars.load(
                season, directory: calendarDirectory.actual, shownAs: calendarDirectory.shown)
            diagnostics += calendars.diagnostics
            busy = calendars.busy
        }
        diagnostics.sort()
        let failed = diagnostics.contains { $0.severity == .error }
        return SeasonLoadResult(season: failed ? nil : season, diagnostics: diagnostics, busy: failed ? [:] : busy)
    }

}

extension Diagnostic {
    init(_ diagnostic: XMLDiagnostic) {
        self.init(
            diagnostic.severity == .warning ? .warning : .error,
            at: SourceLocation(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column),
            diagnostic.message)
    }
}
