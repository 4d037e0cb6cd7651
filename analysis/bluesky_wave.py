"""The November 2024 Bluesky wave as calibration targets and as a hold-out check
(docs/validation.md, "Calibration: the Bluesky wave of November 2024").

    /usr/bin/python3 analysis/bluesky_wave.py OUT_DIR [--trek build/release/sim/trek]

reads the registrations and daily activity in ../shared/data/bluesky_growth_2023_2026/ (read from
there, never copied: no license is stated), writes weekly targets into OUT_DIR (weeks from Monday
28 October 2024, the last week before the wave; daily likers are the active-user proxy), fits
scenarios/calibration/bluesky_wave_2024.toml to weeks 0-9 (to 30 December 2024), and then, without
refitting, runs the calibrated scenario through week 23 with the 20 January 2025 pulse given as an
event (its date, and its size in registrations) and compares the active level of weeks 10-23 with
the data and with a naive forecast (week 9 carried forward).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import os
import subprocess
import sys

import h5py
import numpy as np

from calibration_case import FOLDER, calibrate_copy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "bluesky_growth_2023_2026")
START = dt.date(2024, 10, 28)   # week 0: the last week before the wave
FIT_WEEKS = range(0, 10)        # to 30 December 2024
HOLD_WEEKS = range(10, 24)      # 6 January to 7 April 2025 (the activity file ends there)
ACTIVE_SD = 0.03                # relative sd of a weekly mean of daily likers (assumption)
ACCOUNTS_SD = 0.01              # relative sd of a registration count (assumption)
INITIAL_ACCOUNT = 0.15          # platforms.bluesky.initial_account of the scenario


def weekly_likers() -> dict[int, float]:
    """Weekly means of daily likers (Monday to Sunday), by week from START."""
    with gzip.open(os.path.join(DATA, "bsky_activity_daily_2023_2025.csv.gz"), "rt") as f:
        likers = {row["date"]: float(row["num_likers"]) for row in csv.DictReader(f)
                  if row["num_likers"]}
    weeks = {}
    for week in range(0, 30):
        days = [(START + dt.timedelta(days=7 * week + i)).isoformat() for i in range(7)]
        values = [likers[d] for d in days if d in likers]
        if len(values) == 7:
            weeks[week] = float(np.mean(values))
    return weeks


def registrations() -> tuple[np.ndarray, np.ndarray]:
    """Registered accounts over time: (days from START, accounts), both sources merged."""
    with open(os.path.join(DATA, "bsky_users_archive_2023_2024.json"), encoding="utf-8") as f:
        points = [(dt.datetime.fromisoformat(p["date"].replace("Z", "+00:00")), p["users"])
                  for p in json.load(f)]
    with gzip.open(os.path.join(DATA, "bsky_users_history.csv.gz"), "rt") as f:
        for row in csv.DictReader(f):
            stamp = dt.datetime.fromisoformat(row["timestamp"].replace("Z", "+00:00"))
            if stamp.tzinfo is None:
                stamp = stamp.replace(tzinfo=dt.timezone.utc)
            points.append((stamp, float(row["users"])))
    origin = dt.datetime(START.year, START.month, START.day, tzinfo=dt.timezone.utc)
    points.sort()
    days = np.array([(stamp - origin).total_seconds() / 86400.0 for stamp, _ in points])
    return days, np.array([users for _, users in points])


def weekly_accounts(weeks) -> dict[int, float]:
    """Registered accounts at the end of each week (linear between readings)."""
    days, users = registrations()
    return {w: float(np.interp(7 * (w + 1), days, users)) for w in weeks}


def date_of(week: int) -> str:
    """The date a value of week `week` is compared at: the end of that week (the Monday after).
    The model's state after week w's step (its index w + 1) is the state during week w."""
    return (START + dt.timedelta(days=7 * (week + 1))).isoformat()


def pulse_shocks(accounts: dict[int, float]) -> list[tuple[int, float]]:
    """The January pulse as events: from its first week (registrations above 1.2 times the mean
    of the last two fitted weeks) to the last such week in a row, one shock per week whose extra
    pull adds that week's sign-ups beyond that trend. An extra pull v adds v (1 - s) / s0 accounts
    per account of week 0, s the share of agents with an account then and s0 that of week 0."""
    def signups(w):
        return (accounts[w] - accounts[w - 1]) / accounts[0]
    last = max(FIT_WEEKS)
    trend = (signups(last) + signups(last - 1)) / 2.0
    shocks, week = [], last + 1
    while week in accounts and week - 1 in accounts and signups(week) > 1.2 * trend:
        share = INITIAL_ACCOUNT * accounts[week - 1] / accounts[0]
        shocks.append((week, (signups(week) - trend) * INITIAL_ACCOUNT / (1.0 - share)))
        week += 1
    return shocks


def write_targets(path: str, weeks, likers, accounts) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Bluesky, read from ../shared/data/bluesky_growth_2023_2026 by "
                  "analysis/bluesky_wave.py\n")
        out.write("date,platform,metric,value,sd,note\n")
        for w in weeks:
            out.write(f"{date_of(w)},bluesky,active,{likers[w]:.0f},{ACTIVE_SD * likers[w]:.0f},"
                      "weekly mean of daily likers\n")
        for w in weeks:
            out.write(f"{date_of(w)},bluesky,accounts,{accounts[w]:.0f},"
                      f"{ACCOUNTS_SD * accounts[w]:.0f},registered accounts mid-week\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder for the targets, the posterior and the runs")
    parser.add_argument("--trek", default=os.path.join(ROOT, "build", "release", "sim", "trek"))
    parser.add_argument("--worlds", type=int, default=100)
    args = parser.parse_args(argv)
    if not os.path.isdir(DATA):
        print(f"bluesky_wave: {DATA} is absent", file=sys.stderr)
        return 77
    os.makedirs(args.out, exist_ok=True)
    likers = weekly_likers()
    accounts = weekly_accounts(range(0, 24))
    targets = os.path.join(args.out, "bluesky_fit.csv")
    write_targets(targets, FIT_WEEKS, likers, accounts)
    posterior = calibrate_copy(args.trek, "bluesky_wave_2024.toml",
                               "bluesky_wave_2024_scenario.toml", args.out)
    # The January pulse, given as an event: its date, and its size as the extra pull that adds
    # that week's registrations beyond the trend of the week before. An extra pull v adds
    # v (1 - s) / s accounts per account, s the share of agents with an account then: the
    # scenario's initial share times the growth of registrations since week 0.
    shocks = pulse_shocks(accounts)
    print("January pulse, from registrations beyond the trend: " +
          ", ".join(f"week {w} (from {date_of(w - 1)}) {v:.5f}" for w, v in shocks))
    observed = {w: likers[w] / likers[0] for w in likers}
    for label, events in (("with the January pulse", shocks), ("without it", [])):
        model = predict(args, posterior, events)
        report(label, model, observed, {w: accounts[w] / accounts[0] for w in accounts})
    return 0


def predict(args, posterior: str, shocks) -> tuple[np.ndarray, np.ndarray]:
    """Runs the calibrated scenario (worlds drawn from the posterior) with the given pulse shocks;
    returns active and accounts on Bluesky relative to the reference (index 1: week 0's state),
    per world and model index."""
    name = "bluesky_predict" + ("" if shocks else "_no_pulse")
    return run_series(args.trek, os.path.join(args.out, name), shocks, args.worlds,
                      f'posterior = "{posterior}"\n')


def run_series(trek: str, path: str, shocks, replicates: int, extra: str = "",
               sets: tuple = ()) -> tuple[np.ndarray, np.ndarray]:
    """Writes PATH.toml (the wave's scenario, `extra` lines, one shock per (week, value)), runs
    it as PATH.h5 with `replicates` and `sets` (--set values), and returns active and accounts on
    Bluesky relative to index 1 (week 0's state), per replicate and model index."""
    with open(path + ".toml", "w", encoding="utf-8") as out:
        out.write(f'extends = "{os.path.join(FOLDER, "bluesky_wave_2024_scenario.toml")}"\n'
                  + extra)
        for week, value in shocks:
            out.write(f'[[events]]\ntype = "shock"\nplatform = "bluesky"\nweek = {week}\n'
                      f"value = {value:.6f}\n")
    subprocess.run([trek, "run", path + ".toml", "--replicates", str(replicates), "-o",
                    path + ".h5", "--force", "--quiet"] + list(sets), check=True)
    with h5py.File(path + ".h5", "r") as f:
        names = [n.decode() for n in f["parameters/platforms"][()]]
        k = names.index("bluesky")
        active = f["observables/active/value"][()][:, :, k]
        accounts = f["observables/accounts/value"][()][:, :, k]
    return active / active[:, 1:2], accounts / accounts[:, 1:2]


def report(label: str, model, observed: dict, observed_accounts: dict) -> None:
    """Every week's observed and modelled level (median, 90% band), then the hold-out's errors
    against the naive forecast (the last fitted week carried forward)."""
    active, accounts = model
    print(f"\n{label}\nweek  date (end)  active: observed  model  (90%)          "
          "accounts: observed  model")
    errors, naive, covered = [], [], 0
    for w in sorted(observed):
        if w + 1 >= active.shape[1]:
            continue
        low, mid, high = np.quantile(active[:, w + 1], [0.05, 0.5, 0.95])
        print(f"{w:3d}  {date_of(w)}  {observed[w]:7.3f}  {mid:6.3f}  [{low:.3f}, {high:.3f}]"
              f"   {observed_accounts.get(w, float('nan')):7.3f}  "
              f"{np.median(accounts[:, w + 1]):6.3f}" + ("  (hold-out)" if w in HOLD_WEEKS else ""))
        if w in HOLD_WEEKS:
            errors.append(abs(mid - observed[w]))
            naive.append(abs(observed[max(FIT_WEEKS)] - observed[w]))
            covered += int(low <= observed[w] <= high)
    print(f"hold-out weeks {len(errors)}: mean absolute error of active / week 0: model "
          f"{np.mean(errors):.3f}, naive (week {max(FIT_WEEKS)} carried forward) "
          f"{np.mean(naive):.3f}; 90% band covers {covered} of {len(errors)}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
