"""Does leaving as a contagion change any Ghent verdict? (docs/validation.md, "Contagion options")

    /usr/bin/python3 analysis/leave_contagion.py OUT_DIR [--trek build/release/sim/trek]
        [--imitation 0.01,0.03] [--worlds 100]

For each value chi of X's leave imitation (platforms.x.leave_imitation: hazard of leaving X per
unit share of one's followees who have left it), X's churn is fitted again so that the baseline
(stay on X, 10 replicates, reach off) loses the same share of its active X users by week 74 as
the base scenario does (X's own attrition, docs/calibration.md): the contagion then changes the
shape of X's decline, not its calibrated size. Then the main job (the Ghent comparison with the
Ghent priors, X's churn keeping its prior's spread around the refitted median) is run with chi
and that churn, and every verdict (strategy, week, metric) is compared with the main job's
without leave imitation. Prints the refitted churns and every verdict that changes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import h5py

from verdict_change import GHENT, describe, print_changes, verdicts

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEEK = 74             # X's attrition is calibrated over 17 months
CHURN_SIGMA = 0.4     # the spread of X's churn prior (scenarios/ghent/common/priors.toml)


def attrition(trek: str, out: str, sets: list[str]) -> float:
    """The baseline's relative change of active X users from week 0 to WEEK (mean over 10)."""
    command = [trek, "run", os.path.join(GHENT, "stay_on_x.toml"), "-o", out, "--force",
               "--quiet", "--replicates", "10", "--set", "reach.posts=0"]
    for value in sets:
        command += ["--set", value]
    subprocess.run(command, check=True)
    with h5py.File(out, "r") as f:
        names = [name.decode() for name in f["parameters/platforms"][:]]
        active = f["observables/active/value"][:, :, names.index("x")].mean(axis=0)
    return float(active[WEEK] / active[0] - 1.0)


def refit_churn(trek: str, out: str, imitation: float, target: float) -> tuple[float, float]:
    """X's churn in [0, 0.006] at which leave imitation `imitation` gives attrition `target`
    (bisection: attrition grows with churn)."""
    low, high = 0.0, 0.006
    for _ in range(10):
        middle = 0.5 * (low + high)
        change = attrition(trek, out, [f"platforms.x.leave_imitation={imitation}",
                                       f"platforms.x.churn={middle}"])
        low, high = (middle, high) if change > target else (low, middle)
    churn = 0.5 * (low + high)
    return churn, attrition(trek, out, [f"platforms.x.leave_imitation={imitation}",
                                        f"platforms.x.churn={churn}"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder for the results files")
    parser.add_argument("--trek", default=os.path.join(ROOT, "build", "release", "sim", "trek"))
    parser.add_argument("--imitation", default="0.01,0.03",
                        help="comma-separated values of platforms.x.leave_imitation")
    parser.add_argument("--worlds", type=int, default=100)
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    probe = os.path.join(args.out, "probe.h5")
    target = attrition(args.trek, probe, [])
    print(f"base: X active users {100 * target:+.1f}% by week {WEEK} (churn 0.006, no leave "
          f"imitation)")
    base = verdicts(args.trek, os.path.join(args.out, "base.h5"), args.worlds, [])
    print(f"base: {describe(base)}")
    for imitation in (float(value) for value in args.imitation.split(",")):
        churn, change = refit_churn(args.trek, probe, imitation, target)
        print(f"\nleave imitation {imitation:g}: X churn refitted to {churn:.5f} "
              f"({100 * change:+.1f}% by week {WEEK})")
        sets = [f"platforms.x.leave_imitation={imitation}",
                f"platforms.x.churn={{ lognormal = [{churn:.6f}, {CHURN_SIGMA}] }}"]
        print_changes(base, verdicts(args.trek, os.path.join(args.out, f"leave_{imitation:g}.h5"),
                                     args.worlds, sets))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
