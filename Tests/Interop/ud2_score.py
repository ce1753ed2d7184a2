#!/usr/bin/env python3
"""Scores an ITC-2007 track 3 solution with the UD2 cost, written from the formulation in
../shared/bench/itc2007/README.md and nothing of Wutong, so CI can compare it with
`wutong itc2007 solve`/`check`. Prints 'hard=H soft=S' (and the components).
Usage: ud2_score.py INSTANCE.ctt SOLUTION.sol"""
import collections
import itertools
import sys


def read_instance(path):
    tokens = [line.split() for line in open(path) if line.split()]
    header = {}
    position = 0
    while tokens[position][0].endswith(":") and tokens[position][0] not in ("COURSES:",):
        header[tokens[position][0][:-1]] = tokens[position][1]
        position += 1
    sections = {}
    current = None
    for fields in tokens[position:]:
        if fields[0] in ("COURSES:", "ROOMS:", "CURRICULA:", "UNAVAILABILITY_CONSTRAINTS:", "END."):
            current = fields[0]
            sections[current] = []
        else:
            sections[current].append(fields)
    courses = {f[0]: {"teacher": f[1], "lectures": int(f[2]), "mwd": int(f[3]), "students": int(f[4])}
               for f in sections["COURSES:"]}
    rooms = {f[0]: int(f[1]) for f in sections["ROOMS:"]}
    curricula = {f[0]: f[2:] for f in sections["CURRICULA:"]}
    unavailable = {(f[0], int(f[1]), int(f[2])) for f in sections["UNAVAILABILITY_CONSTRAINTS:"]}
    return int(header["Periods_per_day"]), courses, rooms, curricula, unavailable


def score(instance, solution):
    periods_per_day, courses, rooms, curricula, unavailable = read_instance(instance)
    lectures = [line.split() for line in open(solution) if line.split()]
    lectures = [(c, r, int(d), int(t)) for c, r, d, t in lectures]
    hard = collections.Counter()
    per_course = collections.Counter(c for c, _, _, _ in lectures)
    for course, info in courses.items():
        hard["Lectures"] += abs(info["lectures"] - per_course[course])
    for count in collections.Counter((c, d, t) for c, _, d, t in lectures).values():
        hard["Lectures"] += count - 1
    for count in collections.Counter((r, d, t) for _, r, d, t in lectures).values():
        hard["RoomOccupancy"] += count - 1
    by_period = collections.defaultdict(list)
    for c, _, d, t in lectures:
        by_period[(d, t)].append(c)
    curricula_of = collections.defaultdict(set)
    for name, members in curricula.items():
        for course in members:
            curricula_of[course].add(name)
    for present in by_period.values():
        for a, b in itertools.combinations(present, 2):
            if a != b and (courses[a]["teacher"] == courses[b]["teacher"] or curricula_of[a] & curricula_of[b]):
                hard["Conflicts"] += 1
    hard["Availability"] = sum(1 for c, _, d, t in lectures if (c, d, t) in unavailable)
    soft = collections.Counter()
    soft["RoomCapacity"] = sum(max(0, courses[c]["students"] - rooms[r]) for c, r, _, _ in lectures)
    for course, info in courses.items():
        days = {d for c, _, d, _ in lectures if c == course}
        soft["MinWorkingDays"] += 5 * max(0, info["mwd"] - len(days))
        soft["RoomStability"] += max(0, len({r for c, r, _, _ in lectures if c == course}) - 1)
    for name, members in curricula.items():
        slots = collections.Counter((d, t) for c, _, d, t in lectures if c in members)
        for c, _, d, t in lectures:
            if c in members and slots[(d, t - 1)] == 0 and slots[(d, t + 1)] == 0:
                soft["CurriculumCompactness"] += 2
    return hard, soft


if __name__ == "__main__":
    hard, soft = score(sys.argv[1], sys.argv[2])
    print(" ".join(f"{k}={v}" for k, v in sorted((hard + soft).items())))
    print(f"hard={sum(hard.values())} soft={sum(soft.values())}")
