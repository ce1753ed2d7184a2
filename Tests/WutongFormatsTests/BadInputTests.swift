import Foundation
import Testing
import WutongFormats
import WutongModel
import WutongTestSupport

/// Every bad-input fixture is loaded and its diagnostics compared with the golden file beside
/// it (`NAME.expected`). Set WUTONG_UPDATE_GOLDENS=1 to rewrite the goldens after a deliberate
/// change, then review the diff.
@Suite struct BadInputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var badFixtureNames: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("bad").path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func everyKindOfBadInputHasAFixture() {
        let required = [
            "unclosed-tag", "wrong-namespace", "wrong-version", "schema-violations", "dangling-references",
            "duplicate-ids",
            "external-entity", "billion-laughs", "not-utf8", "empty", "unknown-time-zone", "dates-outside-season",
            "duration-too-long", "no-venue-can-hold", "no-partner-has-role",
        ]
        #expect(Set(required).isSubset(of: Set(Self.badFixtureNames)))
    }

    @Test(arguments: badFixtureNames)
    func fixtureIsRejectedWithItsGoldenDiagnostics(name: String) throws {
        let path = Self.fixtures.appendingPathComponent("bad/\(name).xml").path
        let result = SeasonLoader.load(path: path, displayName: "bad/\(name).xml")
        #expect(result.season == nil)
        #expect(result.hasErrors)
        let rendered = result.diagnostics.map(\.rendered).joined(separator: "\n") + "\n"
        for diagnostic in result.diagnostics {
            #expect(diagnostic.location.file == "bad/\(name).xml")
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
        }
        let golden = Self.fixtures.appendingPathComponent("bad/\(name).expected")
        if ProcessInfo.processInfo.environment["WUTONG_UPDATE_GOLDENS"] == "1" {
            try rendered.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(rendered == expected)
    }

    @Test func externalEntityNeverReadsTheFile() throws {
        let secret = try String(contentsOf: Self.fixtures.appendingPathComponent("bad/secret.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = SeasonLoader.load(path: Self.fixtures.appendingPathComponent("bad/external-entity.xml").path)
        #expect(result.season == nil)
        #expect(!result.diagnostics.isEmpty)
        for diagnostic in result.diagnostics { #expect(!diagnostic.rendered.contains(secret)) }
    }

    @Test func billionLaughsFailsFastWithBoundedWork() {
        let clock = ContinuousClock()
        let start = clock.now
        let result = SeasonLoader.load(path: Self.fixtures.appendingPathComponent("bad/billion-laughs.xml").path)
        #expect(clock.now - start < .seconds(2))
        #expect(result.diagnostics.first?.message.contains("DOCTYPE") == true)
    }

    @Test func missingFileAndDirectoryAreClearErrors() throws {
        let missing = SeasonLoader.load(path: "/nonexistent/season.xml", displayName: "season.xml")
        #expect(missing.diagnostics.map(\.rendered) == ["season.xml:1:1: error: no such file; check the path"])
        let directory = SeasonLoader.load(path: Self.fixtures.path, displayName: "Fixtures")
        #expect(
            directory.diagnostics.map(\.rendered) == [
                "Fixtures:1:1: error: this is a directory, not a file; name the XML file inside it"
            ])
    }

    /// A 50 MB season is refused before it is read, so memory stays bounded.
    @Test func fiftyMegabyteSeasonIsRefusedWithTheLimit() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("huge.xml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let block = Data(repeating: UInt8(ascii: " "), count: 1 << 20)
        try handle.write(contentsOf: Data("<season>".utf8))
        for _ in 0..<50 { try handle.write(contentsOf: block) }
        try handle.close()
        let result = SeasonLoader.load(path: url.path, displayName: "huge.xml")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "huge.xml:1:1: error: the file is 50.0 MB, more than the limit of 32.0 MB; split the season or raise the limit"
            ])
    }
}
