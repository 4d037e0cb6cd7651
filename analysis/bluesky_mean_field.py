"""Can the migration model fit the November 2024 Bluesky wave at all? The model's deterministic
limit, fitted by least squares, and the agent-based model run at that fit
(docs/validation.md, "Calibration: the Bluesky wave of November 2024").

    /usr/bin/python3 analysis/bluesky_mean_field.py [--trek build/release/sim/trek]

ABC-SMC answers "which parameters fit, and how uncertain are they"; when its posterior fits
badly, this script separates "the model cannot" from "the sampler did not find it". Without
imitation (as scenarios/calibration/bluesky_wave_2024_scenario.toml has it) the agents of one
platform do not interact, so the expected shares follow a cohort recursion written from
docs/model.md 3.3.2-3.3.3: agents without an account, dormant accounts, accounts active from the
start, and new actives by weeks since they became active; stayers and the others as two
sub-populations that share the external hazard. Fitted to the same rows and the same standardised
residuals as `trek calibrate` (relative change against the first row; 3% and 1% relative sd),
from many starts within the priors' ranges (a lognormal prior: its 0.5% to 99.5% quantiles).
The fit is then run through `trek run` (the agent-based model, 8 replicates) and its hold-out
error printed as bluesky_wave.py prints it, with the January pulse as the same events.
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np

import bluesky_wave as wave
from nelder_mead import minimise

NAMES = ["initial_active", "pull", "hype", "hype_half_life", "hype_rise_weeks", "activation",
         "reactivation", "churn", "novelty_churn", "novelty_weeks", "stay_share", "level"]
LOW = np.array([0.05, 1.5e-4, 1.5e-3, 0.3, 0.0, 0.01, 0.0, 7.6e-4, 0.0, 0.5, 0.0, 1.5e-4])
HIGH = np.array([0.9, 0.026, 0.26, 4.0, 3.0, 1.0, 1.5, 0.13, 0.95, 12.0, 1.0, 0.026])
KEYS = {"level": "events.1.value"}  # the lasting rise of the pull: the scenario's second event


def hype_share(age: float, rise: float, half_life: float) -> float:
    return min(1.0, (age + 1.0) / (rise + 1.0)) * 2.0 ** (-max(0.0, age - rise) / half_life)


def shares(p: dict, novelty: float, weeks: int, shocks: dict) -> np.ndarray:
    """Active and account shares of one sub-population at model indices 0..weeks."""
    s0 = wave.INITIAL_ACCOUNT
    none, dormant, old = 1.0 - s0, s0 * (1.0 - p["initial_active"]), s0 * p["initial_active"]
    new = np.zeros(weeks + 1)  # new actives by age
    ages = np.arange(weeks + 1)
    leave = np.minimum(1.0, p["churn"] + novelty * np.exp(-ages / p["novelty_weeks"]))
    out = [(old, s0)]
    for week in range(weeks):
        external = p["pull"] + shocks.get(week, 0.0) + (p["level"] if week >= 2 else 0.0)
        if week >= 1:
            external += p["hype"] * hype_share(week - 1.0, p["hype_rise_weeks"],
                                               p["hype_half_life"])
        signups, back = none * min(1.0, external), dormant * min(1.0, external * p["reactivation"])
        left_new, left_old = new * leave, old * min(1.0, p["churn"])
        none -= signups
        dormant += signups * (1.0 - p["activation"]) - back + left_new.sum() + left_old
        old -= left_old
        new = np.concatenate([[signups * p["activation"] + back], (new - left_new)[:-1]])
        out.append((old + new.sum(), 1.0 - none))
    return np.array(out)


def expected(p: dict, weeks: int, shocks: dict | None = None) -> np.ndarray:
    shocks = shocks or {}
    beta = p["stay_share"]
    return beta * shares(p, 0.0, weeks, shocks) + \
        (1.0 - beta) * shares(p, p["novelty_churn"], weeks, shocks)


def residuals(p: dict, likers: dict, accounts: dict) -> np.ndarray:
    model = expected(p, max(wave.FIT_WEEKS) + 1)
    active, held = model[:, 0] / model[1, 0], model[:, 1] / model[1, 1]
    rows = []
    for w in wave.FIT_WEEKS:
        observed_active, observed_accounts = likers[w] / likers[0], accounts[w] / accounts[0]
        rows.append((active[w + 1] - observed_active) / (wave.ACTIVE_SD * observed_active))
        rows.append((held[w + 1] - observed_accounts) / (wave.ACCOUNTS_SD * observed_accounts))
    return np.array(rows)


def fit(likers: dict, accounts: dict, starts: int) -> tuple[dict, float]:
    def unpack(x):
        return dict(zip(NAMES, LOW + (HIGH - LOW) / (1.0 + np.exp(-np.clip(x, -30, 30)))))

    def rms(x):
        return float(np.sqrt(np.mean(residuals(unpack(x), likers, accounts) ** 2)))

    rng = np.random.default_rng(1)
    best = None
    for _ in range(starts):
        result = minimise(rms, rng.normal(0.0, 1.5, len(NAMES)), np.full(len(NAMES), 0.5), 6000,
                          spread=1e-10)
        if best is None or result[1] < best[1]:
            best = result
    return unpack(best[0]), float(best[1])


def run_model(trek: str, p: dict, shocks: list, out: str) -> tuple[np.ndarray, np.ndarray]:
    """Active and accounts relative to index 1, per replicate, from `trek run` at `p`."""
    sets = []
    for name in NAMES:
        sets += ["--set", f"{KEYS.get(name, 'platforms.bluesky.' + name)}={p[name]:.6g}"]
    return wave.run_series(trek, os.path.join(out, "mean_field_fit"), shocks, 8, sets=tuple(sets))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trek", default=os.path.join(wave.ROOT, "build", "release", "sim",
                                                       "trek"))
    parser.add_argument("--starts", type=int, default=12)
    parser.add_argument("--out", default="/tmp/bluesky_mean_field")
    args = parser.parse_args(argv)
    if not os.path.isdir(wave.DATA):
        print(f"bluesky_mean_field: {wave.DATA} is absent", file=sys.stderr)
        return 77
    os.makedirs(args.out, exist_ok=True)
    likers, accounts = wave.weekly_likers(), wave.weekly_accounts(range(0, 24))
    p, rms = fit(likers, accounts, args.starts)
    print(f"deterministic limit, least squares over {args.starts} starts: rms of the "
          f"standardised residuals {rms:.2f}")
    for name in NAMES:
        at_bound = " (at a bound)" if min(p[name] - LOW[NAMES.index(name)],
                                          HIGH[NAMES.index(name)] - p[name]) < \
            1e-3 * (HIGH[NAMES.index(name)] - LOW[NAMES.index(name)]) else ""
        print(f"  {KEYS.get(name, name):16s} {p[name]:.4g}{at_bound}")
    shocks = wave.pulse_shocks(accounts)
    active, held = run_model(args.trek, p, shocks, args.out)
    median = {w: (float(np.median(active[:, w + 1])), float(np.median(held[:, w + 1])))
              for w in likers if w + 1 < active.shape[1]}
    fitted = [((median[w][0] - likers[w] / likers[0]) / (wave.ACTIVE_SD * likers[w] / likers[0]),
               (median[w][1] - accounts[w] / accounts[0]) /
               (wave.ACCOUNTS_SD * accounts[w] / accounts[0])) for w in wave.FIT_WEEKS]
    print(f"agent-based model at this fit (trek run, 8 replicates, median): rms "
          f"{np.sqrt(np.mean(np.square(fitted))):.2f} over the fitted rows")
    hold = [w for w in wave.HOLD_WEEKS if w in median]
    errors = [abs(median[w][0] - likers[w] / likers[0]) for w in hold]
    naive = [abs(likers[max(wave.FIT_WEEKS)] / likers[0] - likers[w] / likers[0]) for w in hold]
    print("week  observed  agent-based model")
    for w in sorted(median):
        print(f"{w:3d}  {likers[w] / likers[0]:7.3f}  {median[w][0]:7.3f}"
              + ("  (hold-out)" if w in wave.HOLD_WEEKS else ""))
    print(f"hold-out weeks {len(hold)}, with the January pulse: mean absolute error "
          f"{np.mean(errors):.3f}, naive {np.mean(naive):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
