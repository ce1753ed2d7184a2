/// What RFC 5545 registers, as far as the RFC 6321 schema knows it: the properties of each
/// component, the sub-components each may hold, the parameters, and the rule parts of a RECUR
/// in the order the schema wants them.
enum XCalRegistry {
    static func properties(of component: String) -> Set<String> {
        componentProperties[component] ?? []
    }

    static func allows(child: String, in parent: String) -> Bool {
        switch parent {
        case "VCALENDAR": ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE"].contains(child)
        case "VEVENT", "VTODO": child == "VALARM"
        case "VTIMEZONE": child == "STANDARD" || child == "DAYLIGHT"
        default: false
        }
    }

    static let parameters: Set<String> = [
        "ALTREP", "CN", "CUTYPE", "DELEGATED-FROM", "DELEGATED-TO", "DIR", "ENCODING", "FMTTYPE", "FBTYPE",
        "LANGUAGE", "MEMBER", "PARTSTAT", "RANGE", "RELATED", "RELTYPE", "ROLE", "RSVP", "SENT-BY", "TZID",
    ]

    static let recurrenceParts = [
        "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
        "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ]

    private static let eventLike: Set<String> = [
        "DTSTAMP", "DTSTART", "UID", "CLASS", "CREATED", "DESCRIPTION", "GEO", "LAST-MODIFIED", "LOCATION",
        "ORGANIZER", "PRIORITY", "SEQUENCE", "STATUS", "SUMMARY", "URL", "RECURRENCE-ID", "RRULE", "DURATION",
        "ATTACH", "ATTENDEE", "CATEGORIES", "COMMENT", "CONTACT", "EXDATE", "REQUEST-STATUS", "RELATED-TO",
        "RESOURCES", "RDATE",
    ]

    private static let componentProperties: [String: Set<String>] = [
        "VCALENDAR": ["PRODID", "VERSION", "CALSCALE", "METHOD"],
        "VEVENT": eventLike.union(["TRANSP", "DTEND"]),
        "VTODO": eventLike.union(["COMPLETED", "DUE", "PERCENT-COMPLETE"]),
        "VJOURNAL": eventLike.subtracting(["GEO", "LOCATION", "PRIORITY", "RESOURCES", "DURATION"]),
        "VFREEBUSY": [
            "DTSTAMP", "UID", "CONTACT", "DTSTART", "DTEND", "DURATION", "ORGANIZER", "URL", "ATTENDEE", "COMMENT",
            "FREEBUSY", "REQUEST-STATUS",
        ],
        "VTIMEZONE": ["TZID", "LAST-MODIFIED", "TZURL"],
        "STANDARD": ["DTSTART", "TZOFFSETTO", "TZOFFSETFROM", "RRULE", "COMMENT", "RDATE", "TZNAME"],
        "DAYLIGHT": ["DTSTART", "TZOFFSETTO", "TZOFFSETFROM", "RRULE", "COMMENT", "RDATE", "TZNAME"],
        "VALARM": ["ACTION", "TRIGGER", "DURATION", "REPEAT", "ATTACH", "DESCRIPTION", "SUMMARY", "ATTENDEE"],
    ]
}
