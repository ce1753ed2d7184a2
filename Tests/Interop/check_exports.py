#!/usr/bin/env python3
"""Reads every exported calendar with python `icalendar` and checks it against the schedule it
came from: season.ics holds one VEVENT per placed session, with the UID `wutong export` documents
and the same start instant; every feed parses, has a VTIMEZONE for its TZIDs and only known UIDs.
Usage: check_exports.py SCHEDULE.xml CALENDAR_FOLDER"""
import datetime
import pathlib
import sys
import xml.etree.ElementTree as ET

import icalendar

schedule_path, folder = sys.argv[1], pathlib.Path(sys.argv[2])
namespace = {"s": "urn:wutong:schedule:1"}
root = ET.parse(schedule_path).getroot()
season = root.get("season")
expected = {}
for session in root.findall("s:session", namespace):
    if session.get("start") is None:
        continue
    uid = f"{season}-{session.get('activity')}-{session.get('index')}@wutong"
    expected[uid] = datetime.datetime.fromisoformat(session.get("start")).astimezone(datetime.timezone.utc)

problems = []
files = sorted(folder.glob("*.ics"))
for path in files:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    events = calendar.walk("VEVENT")
    for event in events:
        uid = str(event["UID"])
        if uid not in expected:
            problems.append(f"{path.name}: unknown UID {uid}")
            continue
        start = event["DTSTART"]
        if start.params.get("TZID") not in zones:
            problems.append(f"{path.name}: {uid} uses a TZID without VTIMEZONE")
        if start.dt.astimezone(datetime.timezone.utc) != expected[uid]:
            problems.append(f"{path.name}: {uid} starts at {start.dt}, the schedule says {expected[uid]}")
    if path.name == "season.ics" and {str(event["UID"]) for event in events} != set(expected):
        problems.append("season.ics does not hold exactly the placed sessions")
for problem in problems[:20]:
    print(problem)
print(f"{len(files)} calendars read by python icalendar {icalendar.__version__}, {len(expected)} sessions: "
      f"{len(problems)} problems")
sys.exit(1 if problems or not files else 0)
