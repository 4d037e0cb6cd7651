"""Fits Trek's follower-graph model to the real follower graphs (docs/graph.md, "Fits to the real
graphs").

    /usr/bin/python3 analysis/fit_follower_graph.py [--trek build/release/sim/trek]
        [--graphs bofa_careers,verizoncareers,hersheycareers] [--ghent] [--evaluations 400]
        [--redraws 10]

For each real graph of ../shared/data/twitter_follower_egonets_anwar2021/ (read from there), the
model is generated at the graph's own size and its parameters (following, closure,
activity_sigma, popularity_sigma, follow_back, follow_back_activity, lurkers; `redraws` is fixed
by --redraws, 10 by default, 0 for the model without it) are fitted by
Nelder-Mead on the log-ratios of eight statistics (their fourth powers summed, or --power): reciprocity, arcs per node, average
clustering, the shares of nodes without followers and of nodes that follow nobody, the shares of
all follows received by the top 1% most followed and made by the top 1% most following, and the
share of nodes in the largest strongly connected component. Prints each fit's spec and every
statistic against the real one: the mean over the fitted seeds (1-3, or --fit-seeds), over as
many seeds after them (held out), and the largest deviation of a single seed. With --ghent,
also fits n = 62,000 to the mean of the three graphs' statistics: the Ghent default.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import numpy as np

from nelder_mead import minimise

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "twitter_follower_egonets_anwar2021")
GRAPHS = ("bofa_careers", "verizoncareers", "hersheycareers")
STATISTICS = ("reciprocity", "arcs_per_node", "clustering", "no_followers", "follows_nobody",
              "top1_followed", "top1_following", "largest_scc")
# name, start, lower, upper
PARAMETERS = (("following", 6.1, 1.0, 30.0), ("closure", 0.715, 0.0, 0.98),
              ("activity_sigma", 1.5, 0.1, 3.0), ("popularity_sigma", 2.3, 0.1, 4.0),
              ("follow_back", 0.3, 0.0, 1.0), ("follow_back_activity", 0.5, -2.0, 3.0),
              ("lurkers", 0.05, 0.0, 0.5))


def statistics(trek: str, graph: str) -> dict[str, float]:
    out = subprocess.run([trek, "graph", "stats", graph, "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    s = json.loads(out)
    n = s["nodes"]
    return {"reciprocity": s["reciprocity"], "arcs_per_node": s["arcs"] / n,
            "clustering": s["average_clustering"], "no_followers": s["out_degree"]["zeros"] / n,
            "follows_nobody": s["in_degree"]["zeros"] / n,
            "top1_followed": s["out_degree"]["top1_share"],
            "top1_following": s["in_degree"]["top1_share"],
            "largest_scc": s["largest_strong_component"] / n, "nodes": n}


def spec_of(values: np.ndarray, nodes: int, seed: int = 1) -> str:
    keys = ",".join(f"{name}={value:.4g}" for (name, *_), value in zip(PARAMETERS, values))
    fixed = f",redraws={REDRAWS[0]}" if REDRAWS[0] else ""
    return f"follower:n={nodes},{keys}{fixed},seed={seed}"


def clip(values: np.ndarray) -> np.ndarray:
    return np.array([min(max(v, lo), hi) for v, (_, _, lo, hi) in zip(values, PARAMETERS)])


FIT_SEEDS = [1, 2, 3]        # --fit-seeds 5 gives 1-5, and the held-out seeds follow them
HELD_OUT_SEEDS = [4, 5, 6]
POWER = [4.0]                # --power
REDRAWS = [10]               # --redraws


def misfit(trek: str, values: np.ndarray, nodes: int, target: dict[str, float]) -> float:
    """Log-ratios of the statistics averaged over the fit seeds (heavy tails make one graph of a
    few thousand nodes a noisy measurement), to the power --power, summed (4: the worst
    statistic weighs most)."""
    runs = [statistics(trek, spec_of(clip(values), nodes, seed)) for seed in FIT_SEEDS]
    model = {k: float(np.mean([run[k] for run in runs])) for k in STATISTICS}
    return float(sum(abs(np.log(max(model[k], 1e-6) / target[k])) ** POWER[0]
                     for k in STATISTICS))


def fitted(f, start: np.ndarray, steps: np.ndarray, args) -> np.ndarray:
    """Nelder-Mead restarted from its best point with a fresh simplex of half the steps: a
    simplex collapsed on a rugged misfit gets out of it."""
    best = start
    for run in range(args.restarts):
        best = clip(minimise(f, best, steps * 0.5 ** run, args.evaluations)[0])
    return best


def report(trek: str, name: str, values: np.ndarray, nodes: int,
           target: dict[str, float]) -> None:
    print(f"\n{name} (n = {nodes}): {spec_of(values, nodes)}")
    seeds = FIT_SEEDS + HELD_OUT_SEEDS
    fit, held = f"seeds 1-{FIT_SEEDS[-1]}", f"seeds {HELD_OUT_SEEDS[0]}-{HELD_OUT_SEEDS[-1]}"
    print(f"{'statistic':16s} {'real':>8s} {'mean, ' + fit:>17s} {'mean, ' + held:>17s} "
          f"{'worst seed':>11s}")
    runs = [statistics(trek, spec_of(values, nodes, seed)) for seed in seeds]
    worst_mean = 0.0
    for k in STATISTICS:
        cells = []
        for part in (runs[:len(FIT_SEEDS)], runs[len(FIT_SEEDS):]):
            value = float(np.mean([run[k] for run in part]))
            error = value / target[k] - 1.0
            worst_mean = max(worst_mean, abs(error))
            cells.append(f"{value:7.4f} ({100 * error:+6.1f}%)")
        single = max((run[k] / target[k] - 1.0 for run in runs), key=abs)
        print(f"{k:16s} {target[k]:8.4f} " + " ".join(f"{c:>17s}" for c in cells) +
              f" {100 * single:+10.1f}%")
    print(f"largest deviation of a mean: {100 * worst_mean:.1f}%")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trek", default=os.path.join(ROOT, "build", "release", "sim", "trek"))
    parser.add_argument("--graphs", default=",".join(GRAPHS))
    parser.add_argument("--ghent", action="store_true")
    parser.add_argument("--evaluations", type=int, default=400,
                        help="model evaluations per Nelder-Mead run")
    parser.add_argument("--power", type=float, default=4.0,
                        help="power of the absolute log-ratios in the misfit (2: least squares)")
    parser.add_argument("--fit-seeds", type=int, default=3,
                        help="seeds whose mean is fitted; as many after them are held out")
    parser.add_argument("--restarts", type=int, default=2,
                        help="Nelder-Mead runs, each from the best point of the one before")
    parser.add_argument("--redraws", type=int, default=10,
                        help="times a repeated follow is drawn again (fixed, not fitted)")
    args = parser.parse_args(argv)
    POWER[0] = args.power
    REDRAWS[0] = args.redraws
    FIT_SEEDS[:] = range(1, args.fit_seeds + 1)
    HELD_OUT_SEEDS[:] = range(args.fit_seeds + 1, 2 * args.fit_seeds + 1)
    start = np.array([p[1] for p in PARAMETERS])
    steps = np.array([0.25 * (p[3] - p[2]) for p in PARAMETERS]) * 0.5
    targets = {}
    for name in GRAPHS:
        path = os.path.join(DATA, f"{name}.edges.gz")
        real = statistics(args.trek, path)
        targets[name] = (real, int(real["nodes"]))
    for name in filter(None, args.graphs.split(",")):
        target, nodes = targets[name]
        fit = fitted(lambda x: misfit(args.trek, x, nodes, target), start, steps, args)
        report(args.trek, name, fit, nodes, target)
    if args.ghent:
        mean = {k: float(np.mean([t[k] for t, _ in targets.values()])) for k in STATISTICS}
        fit = fitted(lambda x: misfit(args.trek, x, 62000, mean), start, steps, args)
        report(args.trek, "Ghent default against the mean of the three", fit, 62000, mean)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
