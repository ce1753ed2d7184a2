import ArgumentParser
import Foundation
import ICalendar
import WutongFormats

struct CalendarConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a calendar between iCalendar (.ics) and xCal (RFC 6321, .xcs).",
        discussion: """
            Reads FILE as xCal when its first non-blank character is '<', else as iCalendar, and \
            writes it in the other form (or in --to) to --out, or to standard output. Every \
            component, property and parameter is kept: X- properties travel in xCal as <unknown> \
            values (RFC 6321 section 5), so converting back gives the same calendar. Exit 1 if \
            the file cannot be read; problems are printed as FILE:LINE[:COLUMN]: message.
            """
    )

    @Argument(help: "The .ics or .xcs file.")
    var file: String

    @Option(help: "What to write: ics or xcal (default: the form FILE is not in).")
    var to: CalendarForm?

    @Option(help: "File to write (atomically); standard output if omitted.")
    var out: String?

    enum CalendarForm: String, ExpressibleByArgument, CaseIterable {
        case ics, xcal
    }

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try CalendarFile.bytes(path: file)
        } catch {
            throw calendarFailure(file, error)
        }
        let isXML = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "<")
        let calendars: [Component]
        if isXML {
            let read = XCalReader.read(bytes: bytes, fileName: file)
            for diagnostic in read.diagnostics { Terminal.standardError(diagnostic.rendered) }
            guard !read.hasErrors else { throw ExitCode(1) }
            calendars = read.calendars
        } else {
            do {
                calendars = try CalendarParser.parse(bytes)
            } catch {
                throw calendarFailure(file, error)
            }
        }
        let output: [UInt8]
        switch to ?? (isXML ? .ics : .xcal) {
        case .ics:
            output = Array(calendars.map(CalendarWriter.write).joined().utf8)
        case .xcal:
            do {
                output = try XCalWriter.encode(calendars)
            } catch {
                throw calendarFailure(file, error)
            }
        }
        if let out {
            try AtomicFile.write(output, to: out)
        } else {
            FileHandle.standardOutput.write(Data(output))
        }
    }
}
