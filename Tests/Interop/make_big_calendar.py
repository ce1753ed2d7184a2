#!/usr/bin/env python3
"""Writes a large calendar for `Docs/PERFORMANCE.md`: N events (default 50,000) of about 400 octets
each, in Asia/Shanghai with its VTIMEZONE, Chinese and English text folded at 75 octets, one in ten
a weekly series of ten. Usage: make_big_calendar.py OUT.ics [N]"""
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000


def fold(line):
    data = line.encode("utf-8")
    parts = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut > 0 and (data[cut] & 0xC0) == 0x80:
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
    parts.append(data)
    return b"\r\n ".join(parts) + b"\r\n"


with open(out, "wb") as handle:
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Wutong//benchmark//EN", "BEGIN:VTIMEZONE",
                 "TZID:Asia/Shanghai", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0800",
                 "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE"]:
        handle.write(fold(line))
    for number in range(count):
        day = 1 + number % 28
        month = 1 + (number // 28) % 12
        hour = 8 + number % 12
        lines = [
            "BEGIN:VEVENT",
            f"UID:event-{number}@benchmark.invalid",
            "DTSTAMP:20270101T000000Z",
            f"DTSTART;TZID=Asia/Shanghai:2027{month:02d}{day:02d}T{hour:02d}0000",
            f"DTEND;TZID=Asia/Shanghai:2027{month:02d}{day:02d}T{hour + 1:02d}3000",
            f"SUMMARY:排练 Rehearsal {number}",
            "DESCRIPTION:湖南路音乐街区的排练\\, 请准时到场。Rehearsal on the Hunan Road music street\\; "
            "please be on time.",
            "LOCATION:上海交响乐团音乐厅 · Shanghai Symphony Hall",
            "STATUS:CONFIRMED",
        ]
        if number % 10 == 0:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=10")
        lines.append("END:VEVENT")
        for line in lines:
            handle.write(fold(line))
    handle.write(fold("END:VCALENDAR"))
