"""Crisis reach in hours from a run or comparison file (docs/validation.md, "Crisis reach in hours").

    /usr/bin/python3 analysis/crisis_reach.py RESULTS.h5 [--week 104]

For each scenario: the time-to-reach curve of a crisis message (agents reached within 0.5 to 48
hours, the mean over crisis messages and replicates, and the 5% quantile message within 1 hour:
the worst case), the curve by segment, and which route reached the agents of the first hour
first (feed, notification, reshare or relay, alert channel).
"""

from __future__ import annotations

import argparse
import sys

import h5py
import numpy as np

SEGMENTS = ["citizen", "media", "politician", "organisation"]


def runs(f: h5py.File):
    """(name, group) of every run in a run file (itself) or a comparison file (its scenarios)."""
    if "scenarios" in f:
        return [(name, f["scenarios"][name]) for name in f["scenarios"]]
    return [(f["parameters"].attrs.get("scenario", b"run"), f)]


def describe(name: str, run: h5py.Group, week: int) -> None:
    if "crisis" not in run:
        print(f"{name}: no crisis messages")
        return
    crisis = run["crisis"]
    weeks = list(crisis["week"][()])
    if week not in weeks:
        raise SystemExit(f"week {week} has no crisis messages (weeks {weeks})")
    w = weeks.index(week)
    hours = run["parameters/crisis_hours"][()]
    hour = int(np.flatnonzero(hours == 1.0)[0])
    within = crisis["within"][:, w]  # [replicate][message][hours]
    messages = within.shape[0] * within.shape[1]
    print(f"{name} (week {week}, {messages} crisis messages)")
    print("  hours        " + " ".join(f"{h:7g}" for h in hours))
    print("  all          " + " ".join(f"{v:7.0f}" for v in within.mean(axis=(0, 1))))
    by_segment = crisis["within_by_segment"][:, w].mean(axis=(0, 1))
    for g, segment in enumerate(SEGMENTS):
        print(f"  {segment:12s} " + " ".join(f"{v:7.0f}" for v in by_segment[g]))
    first_hour = within[:, :, hour].ravel()
    print(f"  within 1 h: mean {first_hour.mean():.0f}, 5% quantile {np.quantile(first_hour, 0.05):.0f}"
          f", median {np.median(first_hour):.0f}, 95% quantile {np.quantile(first_hour, 0.95):.0f}")
    routes = crisis["within_by_route"].attrs["routes"]
    routes = (routes.decode() if isinstance(routes, bytes) else routes).split(",")
    by_route = crisis["within_by_route"][:, w, :, :, hour].mean(axis=(0, 1))
    total = by_route.sum()
    print("  first reached within 1 h by: " + ", ".join(
        f"{route} {100 * value / total:.1f}%" for route, value in zip(routes, by_route)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results")
    parser.add_argument("--week", type=int, default=104)
    args = parser.parse_args()
    with h5py.File(args.results, "r") as f:
        for name, run in runs(f):
            describe(name.decode() if isinstance(name, bytes) else name, run, args.week)
    return 0


if __name__ == "__main__":
    sys.exit(main())
