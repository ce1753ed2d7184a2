#!/usr/bin/env python3
"""Reads a published plan and its re-plan (`wutong solve --baseline`) with python `icalendar`
and checks what calendar clients rely on to update in place: every UID of the baseline is still
in the re-planned season.ics (confirmed or STATUS:CANCELLED), no SEQUENCE goes down, a session
whose start or venue changed or that was cancelled has a higher SEQUENCE, the schedule file
records the same SEQUENCE as its calendar, and every updates/cancel-partner-*.ics is a
METHOD:CANCEL message of cancelled baseline events.
Usage: check_revision.py BASELINE_DIR REPLAN_DIR"""
import pathlib
import sys
import xml.etree.ElementTree as ET

import icalendar

baseline_dir, replan_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])


def events(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return calendar, {
        str(event["UID"]): {
            "sequence": int(event.get("SEQUENCE", 0)),
            "start": event["DTSTART"].dt,
            "end": event["DTEND"].dt,
            "description": str(event.get("DESCRIPTION", "")),
            "location": str(event.get("LOCATION", "")),
            "status": str(event.get("STATUS", "CONFIRMED")),
        }
        for event in calendar.walk("VEVENT")
    }


problems = []
_, before = events(baseline_dir / "calendars" / "season.ics")
_, after = events(replan_dir / "calendars" / "season.ics")
changed = 0
for uid, old in before.items():
    new = after.get(uid)
    if new is None:
        problems.append(f"{uid}: published in the baseline, missing from the re-plan")
        continue
    if new["sequence"] < old["sequence"]:
        problems.append(f"{uid}: SEQUENCE went down ({old['sequence']} -> {new['sequence']})")
    # The description also lists the partners, and a partner joining alone is not a revision.
    moved = any(new[k] != old[k] for k in ("start", "end", "location")) or new["status"] == "CANCELLED"
    if moved:
        changed += 1
        if new["sequence"] <= old["sequence"]:
            problems.append(f"{uid}: changed but SEQUENCE stayed {new['sequence']}")

namespace = {"s": "urn:wutong:schedule:1"}
root = ET.parse(replan_dir / "schedule.xml").getroot()
season = root.get("season")
for session in root.findall("s:session", namespace):
    uid = f"{season}-{session.get('activity')}-{session.get('index')}@wutong"
    recorded = int(session.get("sequence", "0"))
    if uid in after and after[uid]["sequence"] != recorded:
        problems.append(f"{uid}: schedule.xml says sequence {recorded}, season.ics {after[uid]['sequence']}")

messages = sorted((replan_dir / "updates").glob("cancel-partner-*.ics"))
for path in messages:
    calendar, cancelled = events(path)
    if str(calendar.get("METHOD")) != "CANCEL":
        problems.append(f"{path.name}: METHOD is {calendar.get('METHOD')}, not CANCEL")
    for uid, event in cancelled.items():
        if event["status"] != "CANCELLED" or uid not in before or event["sequence"] < before[uid]["sequence"]:
            problems.append(f"{path.name}: {uid} is not a cancellation of a published event")


def attendees(path, uid):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    for event in calendar.walk("VEVENT"):
        if str(event["UID"]) == uid:
            found = event.get("ATTENDEE", [])
            return {str(a) for a in (found if isinstance(found, list) else [found])}
    return set()


requests = sorted((replan_dir / "updates").glob("request-partner-*.ics"))
for path in requests:
    calendar, requested = events(path)
    partner = "urn:wutong:partner:" + path.name[len("request-partner-"):-len(".ics")]
    if str(calendar.get("METHOD")) != "REQUEST":
        problems.append(f"{path.name}: METHOD is {calendar.get('METHOD')}, not REQUEST")
    for uid, event in requested.items():
        current = after.get(uid)
        if current is None or current["status"] != "CONFIRMED" or event["status"] != "CONFIRMED":
            problems.append(f"{path.name}: {uid} is not a confirmed event of the re-plan")
            continue
        if (event["sequence"], event["start"], event["location"]) != (
            current["sequence"], current["start"], current["location"]):
            problems.append(f"{path.name}: {uid} differs from season.ics")
        if partner not in attendees(path, uid):
            problems.append(f"{path.name}: {uid} does not invite {partner}")
        old = before.get(uid)
        same = all(old[k] == event[k] for k in ("start", "end", "location", "description")) if old else False
        if same and old["status"] == "CONFIRMED" and partner in attendees(
                baseline_dir / "calendars" / "season.ics", uid):
            problems.append(f"{path.name}: {uid} did not change for {partner}")

print(
    f"{len(before)} published events re-planned: {changed} changed, {len(messages)} cancellation and "
    f"{len(requests)} request messages read by python icalendar {icalendar.__version__}: {len(problems)} problems"
)
for problem in problems[:20]:
    print("  " + problem)
sys.exit(1 if problems else 0)
