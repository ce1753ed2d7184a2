import ArgumentParser
import WutongFormats

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the XML Schema (XSD) of a Wutong file format.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case season
        case schedule
        case scenario
    }

    @Argument(help: "Which format: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind = .season

    func run() {
        switch kind {
        case .season: Terminal.standardOutput(SeasonSchema.xsd)
        case .schedule: Terminal.standardOutput(ScheduleSchema.xsd)
        case .scenario: Terminal.standardOutput(ScenarioSchema.xsd)
        }
    }
}
