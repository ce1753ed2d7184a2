import Foundation
import Testing
import WutongFormats
import WutongModel
import WutongSolver

/// ITC-2007 instances as seasons: the mapping (counts of sessions, conflicts, unavailability),
/// UD2 components on hand-computed cases, solutions written and read, and bad `.ctt` files.
@Suite struct ITC2007Tests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ctt")
    static let bench = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "shared/bench/itc2007/instances")

    static func load(_ url: URL) throws -> CTTSeason {
        let parsed = CTTParser.parse(Array(try Data(contentsOf: url)), fileName: url.lastPathComponent)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.rendered))")
        return CTTSeason(try #require(parsed.instance))
    }

    static func cost(_ solution: String, for mapped: CTTSeason) throws -> UD2Cost {
        let read = CTTSolution.decode(
            Array(try Data(contentsOf: fixtures.appendingPathComponent(solution))), fileName: solution, for: mapped)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.rendered))")
        return UD2Cost(ScheduleScorer.score(try #require(read.schedule), for: mapped.season))
    }

    @Test func aHandMadeInstanceMapsOntoASeason() throws {
        let season = try Self.load(Self.fixtures.appendingPathComponent("tiny.ctt")).season
        #expect(season.activities.map(\.sessions) == [2, 2] && season.activities.map(\.minDistinctDays) == [2, 1])
        #expect(season.activities.map(\.audiences) == [["q1"], ["q1"]])
        #expect(season.activities.map(\.audienceSize) == [30, 10])
        #expect(season.partners.map(\.id) == ["t1", "t2"])
        #expect(season.calendar.start.description == "2027-03-01" && season.calendar.end.description == "2027-03-02")
        #expect(season.activities[1].forbidden.map(\.start.description) == ["2027-03-01T08:00"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: bench.appendingPathComponent("toy.ctt").path)))
    func theToyInstanceMapsOntoASeason() throws {
        let mapped = try Self.load(Self.bench.appendingPathComponent("toy.ctt"))
        let season = mapped.season
        #expect(season.activities.count == 4 && season.sessionCount == 16)
        #expect(season.venues.map(\.id) == ["A", "B"] && season.venues.map(\.capacity) == [32, 50])
        #expect(SlotGrid(calendar: season.calendar).slotCount == 20)
        #expect(season.audiences.map(\.id) == ["Cur1", "Cur2"])
        #expect(season.partners.count == 4)
        // TecCos is in both curricula: one activity for two audience groups.
        #expect(season.activities.first { $0.id == "TecCos" }?.audiences == ["Cur1", "Cur2"])
        #expect(season.activities.reduce(0) { $0 + $1.forbidden.count } == 8)
        #expect(season.activities.allSatisfy { $0.roles.count == 1 && $0.roles[0].candidates.count == 1 })
        #expect(season.setting(for: .venueCapacity).level == .soft)
        #expect(season.setting(for: .seriesMinDays).weight == 5)
        #expect(season.setting(for: .audienceCompactness).weight == 2)
        #expect(SeasonValidator.validate(season).filter { $0.severity == .error }.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: bench.appendingPathComponent("comp01.ctt").path)))
    func comp01MapsWithTheCountsOfTheTable() throws {
        let mapped = try Self.load(Self.bench.appendingPathComponent("comp01.ctt"))
        let season = mapped.season
        #expect(season.activities.count == 30 && season.sessionCount == 160)
        #expect(season.venues.count == 6 && SlotGrid(calendar: season.calendar).slotCount == 30)
        #expect(season.audiences.count == 14 && season.partners.count == 24)
        #expect(season.activities.reduce(0) { $0 + $1.forbidden.count } == 53)
    }

    @Test func udTwoComponentsOfAFeasibleSolution() throws {
        // c1 (30 students) in rA (20): 10 short; c1 on one day of its 2: 5; c1 in two rooms: 1;
        // q1's lecture alone on day 1: 2. Total 18.
        let mapped = try Self.load(Self.fixtures.appendingPathComponent("tiny.ctt"))
        let cost = try Self.cost("tiny-soft.sol", for: mapped)
        #expect(cost.hard == 0)
        #expect(
            [cost.roomCapacity, cost.minWorkingDays, cost.curriculumCompactness, cost.roomStability] == [10, 5, 2, 1]
                as [Int])
        #expect(cost.soft == 18)
    }

    @Test func udTwoHardViolationsAreCounted() throws {
        // Both courses in rA at day 0 period 0: one room clash, one curriculum clash, c2 in its
        // unavailable period, one lecture of each course missing.
        let mapped = try Self.load(Self.fixtures.appendingPathComponent("tiny.ctt"))
        let cost = try Self.cost("tiny-hard.sol", for: mapped)
        #expect([cost.lectures, cost.roomOccupancy, cost.conflicts, cost.availability] == [2, 1, 1, 1] as [Int])
        #expect(cost.hard == 5)
        // Soft: c1 10 short; c1 one day of 2: 5; both lectures of q1 isolated: 4.
        #expect(cost.soft == 19)
    }

    @Test func aSolvedInstanceWritesAndReadsBackTheSameCost() throws {
        let mapped = try Self.load(Self.fixtures.appendingPathComponent("tiny.ctt"))
        let result = Solver.solve(mapped.season, options: SolveOptions(seed: 1, moveLimit: 20_000))
        let text = CTTSolution.encode(result.schedule, for: mapped)
        #expect(text.split(separator: "\n").count == 4)
        let reread = try #require(CTTSolution.decode(Array(text.utf8), fileName: "s.sol", for: mapped).schedule)
        #expect(UD2Cost(ScheduleScorer.score(reread, for: mapped.season)) == UD2Cost(result.report))
        #expect(UD2Cost(result.report).hard == 0)
    }

    @Test(arguments: [
        ("bad-wrong-count.ctt", 9, "the header says Courses: 3, but the COURSES: section has 2 lines"),
        ("bad-unknown-course.ctt", 18, "unknown course 'c9'. Maybe you meant 'c1'?"),
        ("bad-negative.ctt", 11, "students -10 is negative"),
        ("bad-not-a-number.ctt", 10, "lectures 'two' is not a whole number"),
        ("bad-header-order.ctt", 3, "expected 'Rooms:' here"),
        ("bad-missing-end.ctt", 24, "the file ends without END. (is it truncated?)"),
        ("bad-period-out-of-range.ctt", 21, "period 7 is more than 2"),
        ("bad-curriculum-size.ctt", 18, "curriculum 'q1' announces 3 courses but lists 2"),
        ("bad-field-count.ctt", 14, "a ROOMS: line has 2 fields, this one has 3"),
        ("bad-duplicate-course.ctt", 12, "course 'c1' is defined twice (first on line 10)"),
        ("bad-truncated.ctt", 11, "the file ends before the ROOMS: section"),
        ("bad-empty.ctt", 1, "the file is empty"),
    ])
    func badInstancesAreReportedWithTheirLine(_ name: String, _ line: Int, _ message: String) throws {
        let parsed = CTTParser.parse(
            Array(try Data(contentsOf: Self.fixtures.appendingPathComponent(name))), fileName: name)
        #expect(parsed.instance == nil)
        let match = parsed.diagnostics.first { $0.message.contains(message) }
        #expect(match?.location.line == line, "\(parsed.diagnostics.map(\.rendered))")
        #expect(match?.location.file == name)
        // One mistake, one message: nothing cascades from it.
        #expect(parsed.diagnostics.count == 1, "\(parsed.diagnostics.map(\.rendered))")
    }

    @Test func badSolutionLinesAreReportedWithTheirLine() throws {
        let mapped = try Self.load(Self.fixtures.appendingPathComponent("tiny.ctt"))
        let read = CTTSolution.decode(
            Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("bad-solution.sol"))),
            fileName: "bad-solution.sol", for: mapped)
        #expect(read.schedule == nil)
        #expect(
            read.diagnostics.map(\.rendered) == [
                "bad-solution.sol:2:4: error: unknown room 'rZ'. Maybe you meant 'rA'?",
                "bad-solution.sol:3:9: error: timeslot '9' is not one of 0…2",
                "bad-solution.sol:5:1: error: course 'c1' has 2 lectures; this line is one more",
                "bad-solution.sol:6:1: error: a solution line is '<course> <room> <day> <timeslot>'; this one has 2 fields",
            ])
    }
}
