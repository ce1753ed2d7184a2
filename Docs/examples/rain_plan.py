#!/usr/bin/env python3
"""A worked what-if script: which weekend's rain would hurt the published plan most, and who
would have to be told. Drives `wutong whatif` through its documented JSON (Docs/whatif.md).

Usage: rain_plan.py WUTONG BASELINE_SCHEDULE [MOVE_LIMIT]"""
import json
import subprocess
import sys
import tempfile

wutong, baseline = sys.argv[1], sys.argv[2]
moves = sys.argv[3] if len(sys.argv) > 3 else "200000"

with tempfile.TemporaryDirectory() as out:
    run = subprocess.run(
        [wutong, "whatif", "--baseline", baseline, "--sweep", "weekends", "--jobs", "2",
         "--move-limit", moves, "--format", "json", "--quiet", "--out", out],
        check=True, capture_output=True, text=True)
ranking = json.loads(run.stdout)["scenarios"]
if not ranking:
    sys.exit("no weekend to sweep")

print(f"{len(ranking)} weekends swept; the three that rain would hurt most:")
for scenario in ranking[:3]:
    score = scenario["score"]
    print(f"  {scenario['name']}: {len(scenario['moved'])} moved, {len(scenario['cancelled'])} cancelled, "
          f"{len(scenario['unplaced'])} unplaced (medium {score['medium']})")

worst = ranking[0]
print(f"\nIf {worst['name']} happens:")
for move in worst["moved"]:
    print(f"  move {move['uid']}: {move['from']['start']} {move['from']['venue']}"
          f" -> {move['to']['start']} {move['to']['venue']}")
for cancelled in worst["cancelled"]:
    print(f"  cancel {cancelled['uid']}: {cancelled.get('reason', 'no place left')}")
partners = worst["partners_affected"]
print(f"  tell {len(partners)} partner units: {', '.join(partners) if partners else 'nobody'}")
