import ArgumentParser
import Foundation
import WutongFormats
import WutongModel
import WutongSolver

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// `--format` of the commands that print a table (`itc2007 bench`, `whatif`).
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

/// `--acceptance`: the rule that keeps or rejects a worsening move.
enum AcceptanceOption: String, ExpressibleByArgument, CaseIterable {
    case annealing
    case late

    var acceptance: Acceptance {
        self == .annealing ? .annealing : .lateAcceptance
    }
}

/// `--lang`: the language of explanations.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case en
    case zhHans = "zh-Hans"

    var language: Language {
        self == .en ? .english : .simplifiedChinese
    }
}

enum Terminal {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// The stable JSON shape of a diagnostic: `{file, line, column, severity, message}`.
struct DiagnosticJSON: Encodable {
    var file: String
    var line: Int
    var column: Int
    var severity: String
    var message: String

    init(_ diagnostic: Diagnostic) {
        file = diagnostic.location.file
        line = diagnostic.location.line
        column = diagnostic.location.column
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
    }

    static func render(_ diagnostics: [Diagnostic]) -> String {
        StableJSON.text(diagnostics.map(DiagnosticJSON.init), fallback: "[]")
    }
}
