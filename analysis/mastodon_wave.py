"""The November 2022 Mastodon inflow as calibration targets (docs/validation.md, "Calibration: the
Mastodon inflow of November 2022").

    /usr/bin/python3 analysis/mastodon_wave.py OUT_DIR [--trek build/release/sim/trek]

reads the user counts in ../shared/data/mastodon_users_timeline_2022/ (read from there, never
copied: no license is stated), keeps the readings before 21 November 2022 07:00 (the series is
consistent only until then), writes the registered accounts at noon on 4, 11 and 18 November as
targets into OUT_DIR, fits scenarios/calibration/mastodon_wave_2022.toml to them, and compares the
wave's fitted half-life with the one the two weekly increments give directly.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import os
import sys

import numpy as np

from calibration_case import calibrate_copy, posterior_quantiles

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "mastodon_users_timeline_2022")
START = dt.datetime(2022, 11, 4, 12, 0)   # week 0, at noon
CONSISTENT_UNTIL = dt.datetime(2022, 11, 21, 7, 0)
WEEKS = (0, 1, 2)
ACCOUNTS_SD = 0.01  # relative sd of a summed account count (assumption; --sd changes it)


def weekly_accounts() -> dict[int, float]:
    """Registered accounts at noon of each target week (linear between the 3-hourly readings)."""
    hours, users = [], []
    with open(os.path.join(DATA, "mastodon.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            stamp = dt.datetime.strptime(row["updated_at"], "%Y-%m-%d %H:%M")
            if stamp >= CONSISTENT_UNTIL:
                continue
            hours.append((stamp - START).total_seconds() / 3600.0)
            users.append(float(row["users"]))
    return {w: float(np.interp(7 * 24 * w, hours, users)) for w in WEEKS}


def write_targets(path: str, accounts: dict[int, float], sd: float = ACCOUNTS_SD) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Mastodon, read from ../shared/data/mastodon_users_timeline_2022 by "
                  "analysis/mastodon_wave.py\n")
        out.write("date,platform,metric,value,sd,note\n")
        for w in WEEKS:
            date = (START + dt.timedelta(days=7 * w)).date().isoformat()
            out.write(f"{date},mastodon,accounts,{accounts[w]:.0f},"
                      f"{sd * accounts[w]:.0f},users summed over instances at noon\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder for the targets and the posterior")
    parser.add_argument("--trek", default=os.path.join(ROOT, "build", "release", "sim", "trek"))
    parser.add_argument("--sd", type=float, default=ACCOUNTS_SD,
                        help="relative uncertainty of a weekly account count")
    args = parser.parse_args(argv)
    if not os.path.isdir(DATA):
        print(f"mastodon_wave: {DATA} is absent", file=sys.stderr)
        return 77
    os.makedirs(args.out, exist_ok=True)
    accounts = weekly_accounts()
    write_targets(os.path.join(args.out, "mastodon_fit.csv"), accounts, args.sd)
    posterior = calibrate_copy(args.trek, "mastodon_wave_2022.toml",
                               "mastodon_wave_2022_scenario.toml", args.out)
    first = accounts[1] - accounts[0]
    second = accounts[2] - accounts[1]
    # New accounts per week follow the hazard while few of the X users have joined: a hazard
    # halving every h weeks makes the second week's sign-ups 2^(-1/h) of the first week's.
    direct = math.log(2.0) / math.log(first / second)
    print(f"accounts: {accounts[0]:.0f} -> {accounts[1]:.0f} (+{100 * first / accounts[0]:.1f}%) "
          f"-> {accounts[2]:.0f} (+{100 * second / accounts[1]:.1f}%)")
    print(f"half-life from the two weekly increments: {direct:.2f} weeks")
    for key, (low, mid, high) in posterior_quantiles(posterior).items():
        print(f"posterior {key}: {mid:.4g} [{low:.4g}, {high:.4g}] (90%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
