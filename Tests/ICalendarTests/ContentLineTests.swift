import Testing

@testable import ICalendar

@Suite struct ContentLineTests {
    @Test func unfoldsCRLFAndLFLinesWithSpaceOrTabAndSkipsABOMAndBlankLines() throws {
        let text = "\u{FEFF}BEGIN:VCALENDAR\r\nSUMMARY:Hello\r\n  wor\r\n\tld\n\r\nX-EMPTY:\nEND:VCALENDAR"
        let lines = try ContentLineReader.read(Array(text.utf8))
        #expect(lines.map(\.name) == ["BEGIN", "SUMMARY", "X-EMPTY", "END"])
        #expect(lines[1].value == "Hello world")
        #expect(lines[1].line == 2)
        #expect(lines[3].line == 7)
    }

    @Test func readsQuotedAndListedParameters() throws {
        let line = try ContentLineReader.parse(
            Array(#"ATTENDEE;ROLE=REQ-PARTICIPANT;CN="Doe; John: Jr.";DELEGATED-TO="a@x","b@x":mailto:j@x"#.utf8),
            line: 3)
        #expect(line.name == "ATTENDEE")
        #expect(line.parameter("cn") == "Doe; John: Jr.")
        #expect(line.parameters.first { $0.name == "DELEGATED-TO" }?.values == ["a@x", "b@x"])
        #expect(line.value == "mailto:j@x")
    }

    @Test func refusesBrokenLinesWithTheirLineNumber() {
        #expect(throws: ICalError(line: 2, "the quoted value of parameter CN is not closed")) {
            try ContentLineReader.read(Array("BEGIN:VCALENDAR\r\nATTENDEE;CN=\"Open:mailto:x\r\n".utf8))
        }
        #expect(throws: ICalError(line: 1, "the SUMMARY line has no ':' before its value")) {
            try ContentLineReader.read(Array("SUMMARY\r\n".utf8))
        }
        let long = "SUMMARY:" + String(repeating: "x", count: 1_048_576)
        #expect(throws: ICalError(line: 1, "the line is longer than 256 KiB once unfolded; refused")) {
            try ContentLineReader.read(Array(long.utf8))
        }
    }

    @Test func foldsAt75OctetsWithoutSplittingACharacter() throws {
        let summary = String(repeating: "梧桐树下的音乐会 ", count: 12) + "end"
        let line = ContentLine(name: "SUMMARY", value: TextValue.escape(summary))
        let written = ContentLineWriter.line(line)
        let physical = written.components(separatedBy: "\r\n").dropLast()
        #expect(physical.count > 3)
        for part in physical {
            #expect(part.utf8.count <= 75)
            #expect(String(validating: Array(part.utf8), as: UTF8.self) != nil)
        }
        let back = try ContentLineReader.read(Array(written.utf8))
        #expect(back.count == 1)
        #expect(TextValue.unescape(back[0].value) == summary)
    }

    @Test func escapesAndUnescapesText() {
        let text = "a\\b;c,d\ne"
        #expect(TextValue.escape(text) == "a\\\\b\\;c\\,d\\ne")
        #expect(TextValue.unescape(TextValue.escape(text)) == text)
        #expect(TextValue.unescape("broken\\q") == nil)
        #expect(TextValue.unescape("dangling\\") == nil)
        #expect(TextValue.splitList("a\\,b,c") == ["a\\,b", "c"])
    }
}

@Suite struct ValueTests {
    @Test func readsDatesAndDateTimes() {
        #expect(ICalTime("20270301") == .date(ICalDate(year: 2027, month: 3, day: 1)))
        #expect(ICalTime("20270229") == nil)
        #expect(ICalDateTime(basic: "20270301T093000Z")?.zone == .utc)
        #expect(ICalDateTime(basic: "20270301T093000", tzid: "Asia/Shanghai")?.zone == .named("Asia/Shanghai"))
        #expect(ICalDateTime(basic: "20270301T253000") == nil)
        #expect(ICalDateTime(basic: "20270301T093000")?.extended == "2027-03-01T09:30:00")
        #expect(ICalTime("20270301", valueType: "DATE-TIME") == nil)
    }

    @Test func readsAndWritesDurationsAndOffsets() {
        #expect(ICalDuration("P1W") == ICalDuration(days: 7))
        #expect(ICalDuration("-PT15M") == ICalDuration(negative: true, seconds: 900))
        #expect(ICalDuration("P1DT2H3M4S") == ICalDuration(days: 1, seconds: 7384))
        #expect(ICalDuration("PT") == nil)
        #expect(ICalDuration("P1H") == nil)
        #expect(ICalDuration(days: 1, seconds: 7384).text == "P1DT2H3M4S")
        #expect(ICalDuration(days: 14).text == "P2W")
        #expect(UTCOffset.parse("+0800") == 28_800)
        #expect(UTCOffset.parse("-0330") == -12_600)
        #expect(UTCOffset.parse("+08") == nil)
        #expect(UTCOffset.format(-12_600) == "-0330")
    }

    @Test func civilArithmeticAgreesAcrossCenturies() {
        for day in stride(from: -800_000, to: 800_000, by: 997) {
            let date = CivilTime.date(dayNumber: day)
            #expect(CivilTime.dayNumber(year: date.year, month: date.month, day: date.day) == day)
        }
        #expect(CivilTime.weekday(dayNumber: 0) == 3)
        #expect(CivilTime.dayNumber(year: 2027, month: 3, day: 1) == 20_878)
    }
}

@Suite struct ComponentTests {
    @Test func keepsUnknownComponentsAndXPropertiesOnARoundTrip() throws {
        let text = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Test//EN\r
            X-WR-CALNAME:湖南路 · Hunan Road\r
            BEGIN:X-CUSTOM\r
            X-THING;X-PARAM="a,b":value\\, escaped\r
            END:X-CUSTOM\r
            BEGIN:VEVENT\r
            UID:1\r
            DTSTART:20270301T090000Z\r
            BEGIN:VALARM\r
            ACTION:DISPLAY\r
            TRIGGER:-PT15M\r
            END:VALARM\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let parsed = try CalendarParser.parse(text)
        #expect(parsed.count == 1)
        #expect(parsed[0].components.map(\.name) == ["X-CUSTOM", "VEVENT"])
        #expect(parsed[0].components[1].components.first?.name == "VALARM")
        let written = CalendarWriter.write(parsed[0])
        #expect(written == text)
        var again = try CalendarParser.parse(written)
        var original = parsed
        // Lines move when written; everything else is the same.
        func strip(_ component: inout Component) {
            component.line = 0
            for index in component.properties.indices { component.properties[index].line = 0 }
            for index in component.components.indices { strip(&component.components[index]) }
        }
        strip(&again[0])
        strip(&original[0])
        #expect(again == original)
    }

    @Test func namesTheLineOfAnUnclosedOrMismatchedComponent() {
        #expect(throws: ICalError(line: 5, "END:VCALENDAR closes BEGIN:VEVENT of line 3")) {
            try CalendarParser.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VCALENDAR\r\n")
        }
        #expect(throws: ICalError(line: 3, "BEGIN:VEVENT is never closed (no END:VEVENT)")) {
            try CalendarParser.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n")
        }
        #expect(throws: ICalError(line: 1, "no calendar: the file has no BEGIN:VCALENDAR")) {
            try CalendarParser.parse("")
        }
        #expect(throws: ICalError(line: 1, "SUMMARY outside any component (no BEGIN:VCALENDAR)")) {
            try CalendarParser.parse("SUMMARY:x\r\n")
        }
    }

    @Test func refusesAFileOverTheLimitBeforeParsing() {
        let big = [UInt8](repeating: 0x41, count: CalendarParser.maximumBytes + 1)
        #expect(throws: ICalError(line: 1, "the calendar is 32 MB, more than the limit of 32 MB")) {
            try CalendarParser.parse(big)
        }
    }
}
