public import WutongModel
import XMLSupport

/// The outcome of reading a scenario file: the scenario when its XML and schema hold (check
/// `hasErrors` for values that did not decode), and every diagnostic. References to the season are checked when the scenario is applied
/// (`ScenarioApplication`), where the season is known.
public struct ScenarioLoadResult: Sendable {
    public var scenario: Scenario?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}

/// Reads a scenario file: XML (safely), the scenario XSD, then its values.
public enum ScenarioLoader {
    /// Scenario files are small; larger ones are refused before they are read.
    public static let maximumBytes = 4 * 1024 * 1024

    static let schema = XMLSchema.embedded(ScenarioSchema.xsd, name: "scenario-1.xsd")

    public static func load(path: String, displayName: String? = nil) -> ScenarioLoadResult {
        let name = displayName ?? path
        let result = XMLReader(maximumBytes: maximumBytes).read(contentsOf: path, displayName: name, schema: schema)
        return build(result, fileName: name)
    }

    public static func load(bytes: [UInt8], fileName: String) -> ScenarioLoadResult {
        build(
            XMLReader(maximumBytes: maximumBytes).read(bytes: bytes, fileName: fileName, schema: schema),
            fileName: fileName)
    }

    private static func build(_ result: XMLReadResult, fileName: String) -> ScenarioLoadResult {
        let xmlDiagnostics = result.diagnostics.map(Diagnostic.init)
        guard let root = result.root else { return ScenarioLoadResult(scenario: nil, diagnostics: xmlDiagnostics) }
        let rootCheck = RootCheck(
            element: "scenario", namespace: ScenarioSchema.namespace, version: ScenarioSchema.version,
            what: "scenario file")
        if let problem = rootCheck.problem(root, fileName: fileName) {
            return ScenarioLoadResult(scenario: nil, diagnostics: [problem])
        }
        if result.hasErrors { return ScenarioLoadResult(scenario: nil, diagnostics: xmlDiagnostics) }
        var decoder = SeasonDecoder(file: fileName)
        var changes: [ScenarioChange] = []
        var now: LocalDateTime?
        if let text = root[attribute: "now"] {
            now = LocalDateTime(text)
            if now == nil {
                decoder.report(root, "now", "'\(text)' is not a date and time that exists")
            }
        }
        for element in root.children {
            let source = decoder.span(element)
            switch element.name {
            case "close-venue":
                if let period = decoder.period(element) {
                    changes.append(.closeVenue(venue: element[attribute: "venue"] ?? "", period: period))
                }
            case "partner-unavailable":
                if let period = decoder.period(element) {
                    changes.append(.partnerUnavailable(partner: element[attribute: "partner"] ?? "", period: period))
                }
            case "remove-partner":
                changes.append(.removePartner(partner: element[attribute: "partner"] ?? "", source: source))
            case "remove-activity":
                changes.append(.removeActivity(activity: element[attribute: "activity"] ?? "", source: source))
            case "change-activity":
                changes.append(
                    .changeActivity(
                        ActivityChange(
                            activity: element[attribute: "activity"] ?? "",
                            sessions: element[attribute: "sessions"].flatMap { Int($0.trimmingSpaces) },
                            durationMinutes: element[attribute: "duration"].flatMap { Int($0.trimmingSpaces) },
                            audiences: element[attribute: "audience"].map {
                                $0.split(whereSeparator: \.isWhitespace).map(String.init)
                            },
                            audienceSize: element[attribute: "audience-size"].flatMap { Int($0.trimmingSpaces) },
                            priority: element[attribute: "priority"].flatMap { Int($0.trimmingSpaces) },
                            source: source)))
            case "add-event", "add-practice":
                changes.append(.addActivity(decoder.decodeActivity(element)))
            case "constraint":
                if let setting = decoder.decodeConstraint(element) { changes.append(.setConstraint(setting)) }
            default:
                continue
            }
        }
        // Values that did not decode (a 30 February, an unknown constraint) are reported, and the
        // rest of the scenario is still returned so that applying it reports the other problems
        // of the file at the same time; a caller must not run a scenario whose result has errors.
        let diagnostics = (xmlDiagnostics + decoder.diagnostics).sorted()
        let scenario = Scenario(
            name: root[attribute: "name"] ?? "", season: root[attribute: "season"] ?? "",
            description: root.child(named: "description")?.text, now: now, changes: changes,
            source: decoder.span(root))
        return ScenarioLoadResult(scenario: scenario, diagnostics: diagnostics)
    }
}
