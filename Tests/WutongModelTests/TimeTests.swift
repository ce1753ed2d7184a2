import Testing
import WutongModel

@Suite struct TimeTests {
    @Test func knownDatesHaveTheirWeekdays() throws {
        #expect(try #require(LocalDate("1970-01-01")).weekday == .thu)
        #expect(try #require(LocalDate("2027-03-01")).weekday == .mon)
        #expect(try #require(LocalDate("2027-05-01")).weekday == .sat)
        #expect(try #require(LocalDate("2000-02-29")).weekday == .tue)
    }

    @Test(arguments: ["2027-02-29", "2027-13-01", "2027-04-31", "27-03-01", "2027-3-1", "", "2027-03-01T10:00"])
    func impossibleDatesAreRejected(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func dayNumbersRoundTripOverFourHundredYears() {
        var previous: LocalDate?
        for number in stride(from: -146_097, through: 146_097 * 2, by: 1) {
            let date = LocalDate(dayNumber: number)
            #expect(date.dayNumber == number)
            if let previous { #expect(previous < date) }
            previous = date
            if number % 10_000 == 0 { #expect(LocalDate(date.description) == date) }
        }
    }

    @Test func leapYears() {
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2028, month: 2, day: 29) != nil)
    }

    @Test func timesOfDay() {
        #expect(TimeOfDay("09:30")?.minutes == 570)
        #expect(TimeOfDay("24:00")?.minutes == 1440)
        #expect(TimeOfDay("24:30") == nil)
        #expect(TimeOfDay("9:30") == nil)
        #expect(TimeOfDay("12:60") == nil)
        #expect(LocalDateTime("2027-04-10T19:00")?.description == "2027-04-10T19:00")
        #expect(LocalDateTime("2027-04-10")?.time == .midnight)
        #expect(LocalDateTime("2027-04-10T7:00") == nil)
    }

    @Test func slotGridMapsSlotsToLocalTimes() throws {
        let calendar = SeasonCalendar(
            timeZone: "Asia/Shanghai", start: try #require(LocalDate("2027-03-01")),
            end: try #require(LocalDate("2027-03-07")), slotMinutes: 30, dayStart: try #require(TimeOfDay("08:00")),
            dayEnd: try #require(TimeOfDay("22:00")),
            blackouts: [
                Blackout(from: try #require(LocalDate("2027-03-03")), to: try #require(LocalDate("2027-03-04")))
            ])
        let grid = SlotGrid(calendar: calendar)
        #expect(grid.dayCount == 7)
        #expect(grid.slotsPerDay == 28)
        #expect(grid.slotCount == 196)
        #expect(grid.usableSlotCount == 140)
        #expect(grid.start(of: 0).description == "2027-03-01T08:00")
        #expect(grid.start(of: 28 + 3).description == "2027-03-02T09:30")
        #expect(grid.slots(covering: 90) == 3)
        #expect(grid.slots(covering: 91) == 4)
    }

    @Test func distancesAlongTheStreet() {
        let hall = Coordinate(latitude: 31.2106, longitude: 121.4472)
        let conservatory = Coordinate(latitude: 31.2108, longitude: 121.4510)
        let metres = hall.metres(to: conservatory)
        #expect(metres > 330 && metres < 390)
        #expect(hall.metres(to: hall) == 0)
    }

    @Test func suggestionsFindCloseNames() {
        #expect(
            Suggestion.closest(to: "venue-conflicts", in: ["venue-conflict", "partner-conflict"]) == "venue-conflict")
        #expect(Suggestion.closest(to: "zzz", in: ["venue-conflict"]) == nil)
    }

    @Test func catalogueNamesAreStable() {
        #expect(ConstraintID.allCases.count == 24)
        #expect(ConstraintID.venueConflict.rawValue == "venue-conflict")
        #expect(ConstraintID.stability.defaultLevel == .soft)
        #expect(ConstraintID.seriesMinDays.defaultWeight == 5)
        #expect(ConstraintID.audienceCompactness.defaultWeight == 2)
        #expect(ConstraintID.allCases.filter { $0.defaultLevel == .hard }.count == 16)
        #expect(ConstraintID.allCases.map(\.index) == Array(0..<ConstraintID.allCases.count))
    }
}
