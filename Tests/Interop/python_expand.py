#!/usr/bin/env python3
"""The python side of the calendar benchmark: python `icalendar` parses the file and
python-dateutil expands every RRULE over the window, like `wutong calendar expand`.
Usage: python_expand.py FILE.ics FROM TO  (dates as YYYY-MM-DD)"""
import datetime
import sys

import icalendar
from dateutil.rrule import rrulestr

path, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
window = (datetime.datetime.fromisoformat(start), datetime.datetime.fromisoformat(end))
calendar = icalendar.Calendar.from_ical(open(path, "rb").read())
occurrences = 0
for event in calendar.walk("VEVENT"):
    first = event.decoded("DTSTART").replace(tzinfo=None)
    rule = event.get("RRULE")
    if rule is None:
        occurrences += window[0] <= first < window[1]
        continue
    for moment in rrulestr(rule.to_ical().decode(), dtstart=first):
        if moment >= window[1]:
            break
        occurrences += moment >= window[0]
print(occurrences, "occurrences")
