import Testing

@testable import ICalendar

/// Examples of RFC 5545 §3.8.5.3, expanded and compared with the RFC's own lists.
@Suite struct RecurrenceTests {
    static func expand(_ start: String, _ rule: String, before end: String = "20300101T000000") throws -> [String] {
        let dtstart = try #require(ICalDateTime(basic: start))
        let parsed = try RecurrenceRule.parse(rule).get()
        let until = parsed.rule.until
        return try RecurrenceExpansion(rule: parsed.rule, start: dtstart.wallSeconds)
            .occurrences(
                before: try #require(ICalDateTime(basic: end)).wallSeconds,
                isAfterUntil: { wall in until.map { wall > $0.wallSeconds } ?? false }
            )
            .map { ICalDateTime(wallSeconds: $0, zone: .floating).basic }
    }

    @Test func everyOtherWeekOnTuesdayAndThursdayForEightOccurrences() throws {
        #expect(
            try Self.expand("19970902T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH") == [
                "19970902T090000", "19970904T090000", "19970916T090000", "19970918T090000", "19970930T090000",
                "19971002T090000", "19971014T090000", "19971016T090000",
            ])
    }

    @Test func monthlyOnTheFirstFridayAndTheLastWorkDay() throws {
        #expect(
            try Self.expand("19970905T090000", "FREQ=MONTHLY;COUNT=4;BYDAY=1FR") == [
                "19970905T090000", "19971003T090000", "19971107T090000", "19971205T090000",
            ])
        #expect(
            try Self.expand("19970930T090000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4") == [
                "19970930T090000", "19971031T090000", "19971128T090000", "19971231T090000",
            ])
    }

    @Test func yearlyByWeekNumberOrdinalDayAndFridayThe13th() throws {
        #expect(
            try Self.expand("19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3") == [
                "19970512T090000", "19980511T090000", "19990517T090000",
            ])
        #expect(
            try Self.expand("19970519T090000", "FREQ=YEARLY;BYDAY=20MO;COUNT=3") == [
                "19970519T090000", "19980518T090000", "19990517T090000",
            ])
        // DTSTART is the first instance even though it is not a Friday the 13th.
        #expect(
            try Self.expand("19970902T090000", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=4") == [
                "19970902T090000", "19980213T090000", "19980313T090000", "19981113T090000",
            ])
    }

    @Test func skipsInvalidDatesInsteadOfMovingThem() throws {
        #expect(
            try Self.expand("20070115T090000", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5") == [
                "20070115T090000", "20070130T090000", "20070215T090000", "20070315T090000", "20070330T090000",
            ])
    }

    @Test func hourlyAndMinutelyWithLimitsAndUntil() throws {
        #expect(
            try Self.expand("19970902T090000", "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10;UNTIL=19970902T104000") == [
                "19970902T090000", "19970902T092000", "19970902T094000", "19970902T100000", "19970902T102000",
                "19970902T104000",
            ])
        #expect(
            try Self.expand("19970902T090000", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000") == [
                "19970902T090000", "19970902T120000", "19970902T150000",
            ])
    }

    @Test func refusesWhatTheRFCForbids() throws {
        #expect(
            RecurrenceRule.parse("FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z").failureMessage?.contains(
                "COUNT and UNTIL") == true)
        #expect(RecurrenceRule.parse("FREQ=MONTHLY;BYSETPOS=1").failureMessage?.contains("BYSETPOS needs") == true)
        #expect(RecurrenceRule.parse("INTERVAL=2").failureMessage == "the rule has no FREQ")
        #expect(
            RecurrenceRule.parse("FREQ=MONTHLY;BYWEEKNO=3").failureMessage?.contains("only allowed with FREQ=YEARLY")
                == true)
        #expect(RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=1MO").failureMessage?.contains("ordinal") == true)
        #expect(RecurrenceRule.parse("FREQ=DAILY;BYHOUR=24").failureMessage?.contains("out of range") == true)
        #expect(RecurrenceRule.parse("FREQ=FORTNIGHTLY").failureMessage == "FREQ=FORTNIGHTLY is not a frequency")
        let withX = RecurrenceRule.parse("FREQ=DAILY;X-NAME=1")
        #expect(try withX.get().warnings == ["the rule part X-NAME is not standard and was ignored"])
    }

    @Test func capsARuleThatWouldExpandToMillions() {
        #expect(throws: RecurrenceError("the rule gives more than 100000 occurrences in the window; refused")) {
            try Self.expand("20270101T000000", "FREQ=SECONDLY", before: "20280101T000000")
        }
    }

    @Test func writesTheRuleBack() throws {
        let text = "FREQ=YEARLY;COUNT=3;INTERVAL=2;BYHOUR=9;BYDAY=-1SU,MO;BYMONTH=3;WKST=SU"
        #expect(try RecurrenceRule.parse(text).get().rule.text == text)
    }
}

extension Result where Failure == RecurrenceError {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}
