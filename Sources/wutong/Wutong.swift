import ArgumentParser

@main
struct Wutong: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wutong",
        abstract: "Scheduling and resource matching for the Hunan Road music street.",
        discussion: """
            Wutong reads a season file (the venues, partner units, projects and activities of a \
            season) and plans it. With no season argument, commands use the bundled season \
            Inputs/hunan-spring-2027/season.xml.
            """,
        version: "0.1.0",
        subcommands: [
            Solve.self, Validate.self, Check.self, Export.self, Generate.self, Schema.self, CalendarCommand.self,
            WhatIfCommand.self, ITC2007Command.self,
            Bench.self,
        ]
    )
}
