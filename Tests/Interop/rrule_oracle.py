#!/usr/bin/env python3
"""Random RRULE cases expanded by `wutong calendar expand` and by python-dateutil, compared.

Usage: rrule_oracle.py WUTONG_BINARY [CASES] [SEED]

Every case is one VEVENT (UID case-N) with a floating DTSTART, in one calendar; both sides
expand the window [2027-01-01, 2027-03-01). dateutil is an independent implementation, but it
deviates from RFC 5545 in known ways; each is handled here, explicitly:

1. RFC 5545 §3.8.5.3: DTSTART is always the first instance and counts towards COUNT, even when it
   does not match the rule. dateutil yields only matching times. The oracle adds DTSTART when
   dateutil leaves it out and then keeps COUNT instances.
2. dateutil starts the first WEEKLY interval at DTSTART's day instead of at the week start (WKST),
   so BYSETPOS counts from DTSTART in that first week. The RFC's interval is the whole week.
   Weekly cases with BYSETPOS get a DTSTART on their WKST, where both readings agree.
3. dateutil does not check negative BYWEEKNO values for the days of late December that belong to
   week 1 of the next year (a TODO in its code), and computes the previous year's number of weeks
   from the wrong year length. BYWEEKNO cases use 1..50 only.
4. dateutil loops without end (until year 9999) on rules that can never match. Cases avoid
   combinations that may be empty (BYWEEKNO or BYYEARDAY with BYMONTH, BYMONTHDAY with BYYEARDAY,
   ordinal BYDAY with BYMONTHDAY), month days stay within 1..28, and BYSETPOS asks for a second
   position only where every interval has two candidates. A case dateutil still cannot finish in
   5 s is reported and not compared; more than 1 % of them fails the run.
5. dateutil raises an error for a rule whose BYHOUR, BYMINUTE or BYSECOND values can never fall on
   the INTERVAL grid from DTSTART (MINUTELY;INTERVAL=3;BYMINUTE=1 from minute 0). By the RFC the
   rule then yields nothing beyond DTSTART; the oracle reads the error that way.
"""
import datetime
import json
import random
import signal
import subprocess
import sys
import tempfile

from dateutil.rrule import rrulestr

WINDOW = (datetime.datetime(2027, 1, 1), datetime.datetime(2027, 3, 1))
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
FREQS = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"]


def sample(rng, values, most):
    return sorted(rng.sample(values, rng.randint(1, most)))


def random_case(rng):
    freq = rng.choice(FREQS + ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"] * 2)
    parts = {"FREQ": freq}
    if rng.random() < 0.4:
        parts["INTERVAL"] = str(rng.randint(2, 4))
    wkst = rng.choice(DAYS) if rng.random() < 0.3 else None
    if wkst:
        parts["WKST"] = wkst
    if freq == "YEARLY":
        start = datetime.datetime(rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28))
    elif freq in ("MONTHLY", "WEEKLY"):
        start = datetime.datetime(2026, rng.randint(1, 12), rng.randint(1, 28))
    elif freq == "DAILY":
        start = datetime.datetime(2026, 12, 1) + datetime.timedelta(days=rng.randint(0, 60))
    elif freq == "HOURLY":
        start = datetime.datetime(2027, 2, 1) + datetime.timedelta(days=rng.randint(0, 26))
    else:
        start = datetime.datetime(2027, 2, 28)
    start = start.replace(hour=rng.randint(0, 23), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    has_month = has_weekno = has_yearday = has_monthday = False
    if freq == "YEARLY" and rng.random() < 0.2:
        parts["BYWEEKNO"] = ",".join(map(str, sample(rng, list(range(1, 51)), 3)))
        has_weekno = True
    if not has_weekno and rng.random() < 0.35:
        parts["BYMONTH"] = ",".join(map(str, sample(rng, list(range(1, 13)), 4)))
        has_month = True
    if freq in ("YEARLY", "HOURLY", "MINUTELY", "SECONDLY") and not has_month and rng.random() < 0.2:
        values = list(range(1, 366)) + list(range(-365, 0))
        parts["BYYEARDAY"] = ",".join(map(str, sample(rng, values, 4)))
        has_yearday = True
    if freq != "WEEKLY" and not has_yearday and rng.random() < 0.3:
        values = list(range(1, 29)) + list(range(-28, 0))
        parts["BYMONTHDAY"] = ",".join(map(str, sample(rng, values, 4)))
        has_monthday = True
    if rng.random() < 0.45:
        days = sample(rng, DAYS, 3)
        if freq in ("MONTHLY", "YEARLY") and not has_monthday and not has_weekno and rng.random() < 0.5:
            days = [f"{rng.choice([1, 2, 3, 4, -1, -2])}{day}" for day in days]
        parts["BYDAY"] = ",".join(days)
    limit_time = freq in ("MINUTELY", "SECONDLY")
    if freq != "HOURLY" and (rng.random() < 0.3 or limit_time):
        parts["BYHOUR"] = ",".join(map(str, sample(rng, list(range(24)), 3)))
    if rng.random() < 0.25 or freq == "SECONDLY":
        parts["BYMINUTE"] = ",".join(map(str, sample(rng, list(range(60)), 3)))
    if rng.random() < 0.15:
        parts["BYSECOND"] = ",".join(map(str, sample(rng, list(range(60)), 2)))
    by_parts = [key for key in parts if key.startswith("BY")]
    if by_parts and rng.random() < 0.25:
        # Deviation 4 again: a position no interval can reach makes dateutil loop, so positions
        # beyond the first and last only where every interval has at least two candidates.
        plain_days = [day for day in parts.get("BYDAY", "").split(",") if day in DAYS]
        several = (freq in ("WEEKLY", "MONTHLY", "YEARLY") and len(plain_days) >= 2
                   and "BYMONTHDAY" not in parts and "BYYEARDAY" not in parts)
        parts["BYSETPOS"] = ",".join(map(str, sample(rng, [1, 2, -1, -2] if several else [1, -1], 2)))
        if freq == "WEEKLY":
            # Deviation 2: start on the week start so both read the first week alike.
            week_start = DAYS.index(wkst or "MO")
            start -= datetime.timedelta(days=(start.weekday() - week_start) % 7)
    ending = rng.random()
    if ending < 0.3:
        parts["COUNT"] = str(rng.randint(1, 60))
    elif ending < 0.5:
        until = WINDOW[0] + datetime.timedelta(days=rng.randint(-20, 70), hours=rng.randint(0, 23))
        parts["UNTIL"] = until.strftime("%Y%m%dT%H%M%S")
    return start, ";".join(f"{key}={value}" for key, value in parts.items())


def oracle(start, rule):
    try:
        recurrence = rrulestr(rule, dtstart=start)
    except ValueError:
        # Deviation 5: dateutil refuses a rule whose BYHOUR/BYMINUTE/BYSECOND can never fall on
        # the INTERVAL grid from DTSTART; by the RFC such a rule has only DTSTART.
        recurrence = []
    count = int(dict(part.split("=") for part in rule.split(";")).get("COUNT", 0)) or None
    found = []
    for index, moment in enumerate(recurrence):
        if moment >= WINDOW[1] or index > 200_000:
            break
        found.append(moment)
    # Deviation 1: DTSTART is always the first instance.
    if not found or found[0] != start:
        found.insert(0, start)
        if count:
            found = found[:count]
    return [moment.strftime("%Y-%m-%dT%H:%M:%S") for moment in found if WINDOW[0] <= moment < WINDOW[1]]


def main():
    binary = sys.argv[1]
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(seed)
    generated = [random_case(rng) for _ in range(cases)]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Wutong//rrule oracle//EN"]
    for number, (start, rule) in enumerate(generated):
        lines += [
            "BEGIN:VEVENT", f"UID:case-{number}", "DTSTAMP:20270101T000000Z",
            "DTSTART:" + start.strftime("%Y%m%dT%H%M%S"), "RRULE:" + rule, "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    with tempfile.NamedTemporaryFile("w", suffix=".ics", delete=False) as handle:
        handle.write("\r\n".join(lines) + "\r\n")
        path = handle.name
    run = subprocess.run(
        [binary, "calendar", "expand", path, "--from", "2027-01-01", "--to", "2027-03-01"],
        capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        sys.exit(2)
    ours = {}
    for occurrence in json.loads(run.stdout)["occurrences"]:
        ours.setdefault(occurrence["uid"], []).append(occurrence["start"])
    disagreements = 0
    total = 0
    skipped = 0

    def give_up(signum, frame):
        raise TimeoutError

    signal.signal(signal.SIGALRM, give_up)
    for number, (start, rule) in enumerate(generated):
        signal.alarm(5)
        try:
            expected = oracle(start, rule)
        except TimeoutError:
            # dateutil looping on a rule it cannot finish; reported, not compared.
            skipped += 1
            print(f"case-{number}: dateutil did not finish DTSTART {start} RRULE {rule}")
            continue
        finally:
            signal.alarm(0)
        got = sorted(ours.get(f"case-{number}", []))
        total += len(expected)
        if got != expected:
            disagreements += 1
            if disagreements <= 10:
                missing = sorted(set(expected) - set(got))[:5]
                extra = sorted(set(got) - set(expected))[:5]
                print(f"case-{number}: DTSTART {start} RRULE {rule}: dateutil {len(expected)}, wutong {len(got)};"
                      f" only dateutil {missing}, only wutong {extra}")
    print(f"{cases - skipped} random RRULE cases compared, {total} occurrences: {disagreements} disagreements"
          f" ({skipped} cases dateutil could not finish)")
    sys.exit(1 if disagreements or skipped > cases // 100 else 0)


if __name__ == "__main__":
    main()
