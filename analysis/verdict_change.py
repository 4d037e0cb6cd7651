"""Which Ghent verdicts change when the model changes? (docs/validation.md)

    /usr/bin/python3 analysis/verdict_change.py OUT_DIR [--trek build/release/sim/trek]
        [--worlds 100] [--set KEY=VALUE ...] [--what-if FILE [--instead FILE]]

Runs the main job (the Ghent comparison with the Ghent priors, `scripts/main.sh`) as it is and
with the `--set` values, and prints every verdict (strategy or what-if, report week, decision
metric) that differs, with its mean difference and P(better) before and after. With --what-if,
both runs add that what-if crossed with every strategy (--cross-what-ifs); with --instead, the
second run crosses that file instead (a variant of the what-if, such as other audience counts),
and its verdicts are matched to the first's by strategy. Also used by analysis/leave_contagion.py.
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


def verdicts(trek: str, out: str, worlds: int, sets: list[str],
             what_if: str | None = None) -> pd.DataFrame:
    """The main job's verdicts with `sets` (KEY=VALUE) applied, by (scenario, week, metric); with
    `what_if`, that file is crossed with every strategy and named "what-if" in the result."""
    scenarios = sorted(glob.glob(os.path.join(GHENT, "*.toml")))
    extra = [what_if, "--cross-what-ifs"] if what_if else []
    command = [trek, "compare", *scenarios, *extra, "--priors", PRIORS, "--replicates",
               str(worlds), "-o", out, "--force", "--quiet", "--format", "csv"]
    for value in sets:
        command += ["--set", value]
    table = pd.read_csv(io.StringIO(subprocess.run(command, check=True, capture_output=True,
                                                   text=True).stdout))
    table = table[table["verdict"] != "baseline"]
    if what_if:
        stem = os.path.splitext(os.path.basename(what_if))[0]
        table["scenario"] = table["scenario"].str.replace(stem, "what-if", regex=False)
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
    parser.add_argument("--set", action="append", default=[], dest="sets")
    parser.add_argument("--what-if", help="a what-if crossed with every strategy in both runs")
    parser.add_argument("--instead", help="with --what-if: the file the second run crosses")
    args = parser.parse_args(argv)
    if not args.sets and not args.instead:
        parser.error("nothing changes: give --set or --instead")
    if args.instead and not args.what_if:
        parser.error("--instead replaces the --what-if file: give both")
    os.makedirs(args.out, exist_ok=True)
    base = verdicts(args.trek, os.path.join(args.out, "base.h5"), args.worlds, [], args.what_if)
    print(f"base: {describe(base)}")
    change = args.sets + ([f"{args.instead} instead of {args.what_if}"] if args.instead else [])
    print(f"with {' '.join(change)}:")
    print_changes(base, verdicts(args.trek, os.path.join(args.out, "changed.h5"), args.worlds,
                                 args.sets, args.instead or args.what_if))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
