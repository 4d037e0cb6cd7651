"""Which Ghent verdicts change when the model changes? (docs/validation.md)

    /usr/bin/python3 analysis/verdict_change.py OUT_DIR [--trek build/release/sim/trek]
        [--worlds 100] --set KEY=VALUE [--set ...]

Runs the main job (the Ghent comparison with the Ghent priors, `scripts/main.sh`) as it is and
with the `--set` values, and prints every verdict (strategy or what-if, report week, decision
metric) that differs, with its mean difference and P(better) before and after. Also used by
analysis/leave_contagion.py.
"""

from __future__ import annotations

import argparse
import glob
import io
import os
import subprocess
import sys

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GHENT = os.path.join(ROOT, "scenarios", "ghent")
PRIORS = os.path.join(GHENT, "common", "priors.toml")


def verdicts(trek: str, out: str, worlds: int, sets: list[str]) -> pd.DataFrame:
    """The main job's verdicts with `sets` (KEY=VALUE) applied, by (scenario, week, metric)."""
    command = [trek, "compare", *sorted(glob.glob(os.path.join(GHENT, "*.toml"))), "--priors",
               PRIORS, "--replicates", str(worlds), "-o", out, "--force", "--quiet",
               "--format", "csv"]
    for value in sets:
        command += ["--set", value]
    table = pd.read_csv(io.StringIO(subprocess.run(command, check=True, capture_output=True,
                                                   text=True).stdout))
    table = table[table["verdict"] != "baseline"]
    return table.set_index(["scenario", "week", "metric"])


def describe(base: pd.DataFrame) -> str:
    counts = base["verdict"].value_counts()
    return (f"{len(base)} verdicts (strategy, week, metric), {counts.get('better', 0)} better, "
            f"{counts.get('worse', 0)} worse, {counts.get('no clear difference', 0)} no clear "
            f"difference")


def print_changes(base: pd.DataFrame, other: pd.DataFrame) -> None:
    """Every verdict of `other` that differs from `base`, and how far the differences moved."""
    joined = base.join(other, rsuffix="_new")
    changed = joined[joined["verdict"] != joined["verdict_new"]]
    print(f"{len(changed)} of {len(joined)} verdicts change")
    for (scenario, week, metric), row in changed.iterrows():
        print(f"  {scenario:20s} week {week:3d} {metric:18s} {row['verdict']} "
              f"({row['diff_pct_mean']:+.1f}%, P(better) {row['p_better']:.2f}) -> "
              f"{row['verdict_new']} ({row['diff_pct_mean_new']:+.1f}%, "
              f"{row['p_better_new']:.2f})")
    shift = (joined["diff_pct_mean_new"] - joined["diff_pct_mean"]).abs()
    print(f"largest shift of a mean difference: {shift.max():.1f} points "
          f"({'; '.join(map(str, shift.idxmax()))}), median {shift.median():.2f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder for the results files")
    parser.add_argument("--trek", default=os.path.join(ROOT, "build", "release", "sim", "trek"))
    parser.add_argument("--worlds", type=int, default=100)
    parser.add_argument("--set", action="append", required=True, dest="sets")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    base = verdicts(args.trek, os.path.join(args.out, "base.h5"), args.worlds, [])
    print(f"base: {describe(base)}")
    print(f"with {' '.join(args.sets)}:")
    print_changes(base, verdicts(args.trek, os.path.join(args.out, "changed.h5"), args.worlds,
                                 args.sets))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
