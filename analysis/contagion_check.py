"""Simple against complex contagion on a clustered and a random graph of the same degrees, at the
Ghent defaults (docs/validation.md, "Contagion options").

    /usr/bin/python3 analysis/contagion_check.py OUT_DIR [--trek build/release/sim/trek]
        [--replicates 4] [--agents 62000] [--degree 10]

Runs the Ghent baseline (scenarios/ghent/stay_on_x.toml, reach off) on two pairs of graphs, each a
clustered graph and a random graph with exactly the same degrees: a ring lattice
(`ws:k=DEGREE,beta=0`: every agent follows its DEGREE nearest neighbours, clustering
3(k-2)/(4(k-1))) against a random regular graph (`config:` from a degree file of DEGREE for every
agent); and the Ghent follower graph (`follower:n=AGENTS,seed=1`, read back from its edge list)
against the same arcs with their targets shuffled (every account keeps its numbers of followees
and followers). Each under simple contagion
(the default) and threshold contagion (model.contagion = "threshold", at each model.threshold of
--thresholds, by default the library's 0.2), and
once with the platforms' imitation switched off (pull alone). Prints the share of agents active
on Bluesky and Threads, the two platforms the Ghent audience adopts by imitation, at weeks 13, 26,
52 and 104 (mean over replicates and its standard error), and the ratio lattice / random.
Centola's hypothesis: complex contagion spreads faster on the clustered graph, simple contagion
on the random one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = os.path.join(ROOT, "scenarios", "ghent", "stay_on_x.toml")
PLATFORMS = ("bluesky", "threads")
WEEKS = (13, 26, 52, 104)


def run(trek: str, out: str, graph: str, sets: list[str], replicates: int) -> np.ndarray:
    """Active agents per replicate, week and platform of PLATFORMS, as shares of the agents."""
    command = [trek, "run", SCENARIO, "-o", out, "--force", "--quiet",
               "--replicates", str(replicates), "--set", f"population.graph={graph}",
               "--set", "reach.posts=0"]
    for value in sets:
        command += ["--set", value]
    subprocess.run(command, check=True)
    with h5py.File(out, "r") as f:
        names = [name.decode() for name in f["parameters/platforms"][:]]
        active = f["observables/active/value"][()].astype(float)
    return active[:, :, [names.index(p) for p in PLATFORMS]]


def randomised(edges: str, out: str, seed: int = 1) -> None:
    """The directed graph of `edges` with every arc's target shuffled: each account keeps its
    number of followees and followers, clustering and reciprocity are lost (a directed
    configuration model; the few self-loops and duplicates it makes are dropped on loading)."""
    arcs = np.loadtxt(edges, dtype=np.int64, comments="#")
    targets = np.random.default_rng(seed).permutation(arcs[:, 1])
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# {os.path.basename(edges)} with its arcs' targets shuffled\n")
        np.savetxt(f, np.column_stack([arcs[:, 0], targets]), fmt="%d")


def clustering(trek: str, graph: str) -> float:
    stats = subprocess.run([trek, "graph", "stats", graph], check=True, capture_output=True,
                           text=True).stdout
    line = next(line for line in stats.splitlines() if line.startswith("average clustering"))
    return float(line.split()[-1])


def graph_pairs(args) -> dict[str, tuple[str, str]]:
    """Each pair: a clustered graph and a random graph with the same degrees."""
    degrees = os.path.join(args.out, "regular_degrees.txt")
    with open(degrees, "w", encoding="utf-8") as f:
        f.write(f"# every one of {args.agents} agents has degree {args.degree}\n")
        f.write(f"{args.degree}\n" * args.agents)
    follower = os.path.join(args.out, "follower.txt")
    subprocess.run([args.trek, "graph", "generate", f"follower:n={args.agents},seed=1", "-o",
                    follower, "--force", "--quiet"], check=True)
    shuffled = os.path.join(args.out, "follower_shuffled.txt")
    randomised(follower, shuffled)
    return {"lattice": (f"ws:n={args.agents},k={args.degree},beta=0,seed=1",
                        f"config:degrees={degrees},seed=1"),
            "follower": (follower, shuffled)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder for the graphs and the results files")
    parser.add_argument("--trek", default=os.path.join(ROOT, "build", "release", "sim", "trek"))
    parser.add_argument("--replicates", type=int, default=4)
    parser.add_argument("--agents", type=int, default=62000)
    parser.add_argument("--degree", type=int, default=10)
    parser.add_argument("--thresholds", default="0.2",
                        help="comma-separated values of model.threshold (0.2: the default)")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    contagions = {"simple": ["model.contagion=simple"]}
    for threshold in args.thresholds.split(","):
        contagions[f"theta {float(threshold):g}"] = ["model.contagion=threshold",
                                                     f"model.threshold={threshold}"]
    contagions["pull alone"] = [f"platforms.{p}.imitation=0" for p in PLATFORMS]
    print(f"Ghent defaults, {args.replicates} replicates: share active (%), mean (standard error)")
    for pair, (clustered, random) in graph_pairs(args).items():
        print(f"\n{pair}: clustering {clustering(args.trek, clustered):.4f} (clustered) against "
              f"{clustering(args.trek, random):.4f} (random, same degrees)")
        print("contagion   graph     platform" + "".join(f"  week {w:<9d}" for w in WEEKS))
        for contagion, sets in contagions.items():
            shares = {}
            for graph, spec in (("clustered", clustered), ("random", random)):
                out = os.path.join(args.out, f"{pair}_{contagion.replace(' ', '_')}_{graph}.h5")
                shares[graph] = 100.0 * run(args.trek, out, spec, sets, args.replicates) / (
                    args.agents)
                for p, platform in enumerate(PLATFORMS):
                    cells = []
                    for week in WEEKS:
                        values = shares[graph][:, week, p]
                        error = values.std(ddof=1) / np.sqrt(len(values)) if len(values) > 1 else 0
                        cells.append(f"  {values.mean():6.2f} ({error:4.2f})")
                    print(f"{contagion:11s} {graph:9s} {platform:8s}" + "".join(cells))
            for p, platform in enumerate(PLATFORMS):
                ratios = [shares["clustered"][:, w, p].mean() / shares["random"][:, w, p].mean()
                          for w in WEEKS]
                print(f"{contagion:11s} {'ratio':9s} {platform:8s}" +
                      "".join(f"  {r:6.2f}       " for r in ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
