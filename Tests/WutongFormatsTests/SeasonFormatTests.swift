import Foundation
import Testing
import WutongFormats
import WutongModel
import WutongTestSupport
import XMLSupport

@Suite struct SeasonFormatTests {
    static let minimal = BadInputTests.fixtures.appendingPathComponent("valid/minimal.xml").path

    @Test func minimalSeasonReadsEveryField() throws {
        let result = SeasonLoader.load(path: Self.minimal, displayName: "minimal.xml")
        #expect(result.diagnostics.isEmpty)
        let season = try #require(result.season)
        #expect(season.id == "minimal")
        #expect(season.calendar.timeZone == "Asia/Shanghai")
        #expect(season.calendar.blackouts.map(\.from.description) == ["2027-03-08"])
        #expect(season.calendar.blackouts.first?.to == season.calendar.blackouts.first?.from)
        let hall = try #require(season.venues.first)
        #expect(hall.equipment == [.piano, .stage])
        #expect(hall.closures.first?.description == "2027-03-15T00:00–2027-03-17T00:00")
        #expect(hall.source?.line == 17)
        let lane = season.venues[1]
        #expect(lane.residential && lane.setting == .outdoor)
        #expect(lane.quietHours.first?.from.description == "20:00")
        let concert = try #require(season.activities.first)
        #expect(concert.kind == .projectEvent(project: "concerts"))
        #expect(concert.venueMinutes == 150)
        #expect(concert.roles.map(\.candidates) == [["orchestra"], []])
        #expect(concert.amplified && concert.priority == 3)
        #expect(season.activities[1].kind == .practice)
        #expect(season.partners[1].unavailable.first?.description == "2027-03-10T09:00–2027-03-10T12:00")
        #expect(season.setting(for: .venueCapacity).level == .hard)
        #expect(SeasonSummary(season).slots == 30 * 24)
    }

    @Test func bundledSeasonIsValidAndAsTheIssueAsks() throws {
        let result = SeasonLoader.load(path: TestPaths.bundledSeason)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let season = try #require(result.season)
        #expect(season.grids.count == 4)
        #expect(season.venues.count >= 12)
        #expect(season.partners.count == 46)
        #expect(season.projects.count == 10)
        #expect(season.activities.filter { $0.kind == .practice }.count == 31)
        #expect(season.activities.filter { $0.project != nil }.reduce(0) { $0 + $1.sessions } >= 80)
        #expect(Set(season.audiences.map(\.id)).isSuperset(of: ["minors", "elderly", "office", "public"]))
        #expect(season.partners.filter { !$0.busyCalendars.isEmpty }.count >= 6)
        #expect(season.calendar.start.description == "2027-03-01" && season.calendar.end.description == "2027-05-31")
        #expect(season.calendar.blackouts.count >= 2)
        let articleNames = ["上海音乐学院", "上海交响乐团", "团市委", "财政部上海监管局", "中山医院", "瑞金医院", "乌中市集", "老山东水果店"]
        for name in articleNames {
            #expect(season.partners.contains { $0.name.contains(name) && $0.origin == .article }, "\(name)")
        }
        #expect(season.partners.allSatisfy { $0.origin != nil })
    }

    /// Write → read → write gives the same bytes: the encoder loses nothing the decoder reads.
    @Test(arguments: [Self.minimal, TestPaths.bundledSeason])
    func encodeReadEncodeIsStable(path: String) throws {
        let season = try #require(SeasonLoader.load(path: path).season)
        let first = SeasonEncoder.encode(season)
        let reread = SeasonLoader.load(bytes: first, fileName: "encoded.xml")
        #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics.map(\.rendered))")
        let second = SeasonEncoder.encode(try #require(reread.season))
        #expect(first == second)
        #expect(reread.season?.activities.count == season.activities.count)
        #expect(reread.season?.sessionCount == season.sessionCount)
    }

    @Test func anActivityForSeveralAudienceGroupsReadsBack() throws {
        var season = try #require(SeasonLoader.load(path: Self.minimal).season)
        season.activities[0].audiences = ["public", "elderly"]
        let bytes = SeasonEncoder.encode(season)
        #expect(String(decoding: bytes, as: UTF8.self).contains("audience=\"public elderly\""))
        let reread = SeasonLoader.load(bytes: bytes, fileName: "several.xml")
        #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics.map(\.rendered))")
        #expect(reread.season?.activities[0].audiences == ["public", "elderly"])
        let empty = String(decoding: bytes, as: UTF8.self).replacingOccurrences(
            of: "audience=\"public elderly\"", with: "audience=\"\"")
        #expect(SeasonLoader.load(bytes: Array(empty.utf8), fileName: "none.xml").season == nil)
    }

    @Test(arguments: [(1, 1), (10, 2), (250, 3), (1_000, 4)])
    func syntheticSeasonsAreValidAndReproducible(activities: Int, seed: UInt64) throws {
        let bytes = SeasonEncoder.encode(SyntheticSeason.generate(activities: activities, seed: seed))
        #expect(bytes == SeasonEncoder.encode(SyntheticSeason.generate(activities: activities, seed: seed)))
        let result = SeasonLoader.load(bytes: bytes, fileName: "synthetic.xml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(5).map(\.rendered))")
        #expect(result.season?.activities.count == activities)
    }

    @Test func differentSeedsGiveDifferentSeasons() {
        #expect(
            SeasonEncoder.encode(SyntheticSeason.generate(activities: 50, seed: 1))
                != SeasonEncoder.encode(SyntheticSeason.generate(activities: 50, seed: 2)))
    }

    @Test func schemaCompilesAndMatchesTheCatalogue() throws {
        _ = try XMLSchema(xsd: SeasonSchema.xsd, name: "season-1.xsd")
        for kind in VenueKind.allCases { #expect(SeasonSchema.xsd.contains("value=\"\(kind.rawValue)\"")) }
        for item in Equipment.allCases { #expect(SeasonSchema.xsd.contains("value=\"\(item.rawValue)\"")) }
        for role in PartnerRole.allCases { #expect(SeasonSchema.xsd.contains("value=\"\(role.rawValue)\"")) }
    }

    @Test func constraintOverridesApply() throws {
        var text = try String(contentsOfFile: Self.minimal, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  </activities>\n",
            with:
                "  </activities>\n  <constraints>\n    <constraint name=\"venue-capacity\" level=\"soft\" weight=\"4\"/>\n  </constraints>\n"
        )
        let season = try #require(SeasonLoader.load(bytes: Array(text.utf8), fileName: "m.xml").season)
        #expect(
            season.setting(for: .venueCapacity)
                == ConstraintSetting(
                    id: .venueCapacity, level: .soft, weight: 4, source: season.constraintSettings.first?.source))
        #expect(season.setting(for: .seriesMinDays).weight == 5)
    }

    /// With capacity soft, a too-small venue no longer proves an activity impossible.
    @Test func softCapacityDoesNotExcludeVenues() throws {
        let bad = BadInputTests.fixtures.appendingPathComponent("bad/no-venue-can-hold.xml").path
        var text = try String(contentsOfFile: bad, encoding: .utf8)
        text = text.replacingOccurrences(of: " equipment=\"piano projector\"", with: " equipment=\"piano\"")
        #expect(SeasonLoader.load(bytes: Array(text.utf8), fileName: "x.xml").hasErrors)
        text = text.replacingOccurrences(
            of: "  </activities>\n",
            with:
                "  </activities>\n  <constraints>\n    <constraint name=\"venue-capacity\" level=\"soft\"/>\n  </constraints>\n"
        )
        #expect(!SeasonLoader.load(bytes: Array(text.utf8), fileName: "x.xml").hasErrors)
    }
}
