"""Simple against complex contagion on a clustered and a random graph of the same degrees, at the
Ghent defaults (docs/validation.md, "Contagion options").

    /usr/bin/python3 analysis/contagion_check.py OUT_DIR [--trek build/release/sim/trek]
        [--replicates 4] [--agents 62000] [--degree 10]

Runs the Ghent baseline (scenarios/ghent/stay_on_x.toml, reach off) on a ring lattice
(`ws:k=DEGREE,beta=0`: every agent follows its DEGREE nearest neighbours, clustering
3(k-2)/(4(k-1))) and on a random graph with exactly the same degrees (`config:` from a degree file
of DEGREE for every agent: a random regular graph, clustering about k/n), under simple contagion
(the default) and threshold contagion (model.contagion = "threshold", model.threshold = 0.2), and
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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder for the graphs' degree file and the results files")
    parser.add_argument("--trek", default=os.path.join(ROOT, "build", "release", "sim", "trek"))
    parser.add_argument("--replicates", type=int, default=4)
    parser.add_argument("--agents", type=int, default=62000)
    parser.add_argument("--degree", type=int, default=10)
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    degrees = os.path.join(args.out, "regular_degrees.txt")
    with open(degrees, "w", encoding="utf-8") as f:
        f.write(f"# every one of {args.agents} agents has degree {args.degree}\n")
        f.write(f"{args.degree}\n" * args.agents)
    graphs = {"lattice": f"ws:n={args.agents},k={args.degree},beta=0,seed=1",
              "random": f"config:degrees={degrees},seed=1"}
    contagions = {"simple": ["model.contagion=simple"],
                  "threshold": ["model.contagion=threshold", "model.threshold=0.2"],
                  "pull alone": [f"platforms.{p}.imitation=0" for p in PLATFORMS]}
    print(f"Ghent defaults, {args.agents} agents of degree {args.degree}, "
          f"{args.replicates} replicates: share active (%), mean (standard error)")
    header = "contagion   graph    platform " + "".join(f"  week {w:<9d}" for w in WEEKS)
    print(header)
    for contagion, sets in contagions.items():
        shares = {}
        for graph, spec in graphs.items():
            out = os.path.join(args.out, f"{contagion.replace(' ', '_')}_{graph}.h5")
            shares[graph] = 100.0 * run(args.trek, out, spec, sets, args.replicates) / args.agents
            for p, platform in enumerate(PLATFORMS):
                cells = []
                for week in WEEKS:
                    values = shares[graph][:, week, p]
                    error = values.std(ddof=1) / np.sqrt(len(values)) if len(values) > 1 else 0.0
                    cells.append(f"  {values.mean():6.2f} ({error:4.2f})")
                print(f"{contagion:11s} {graph:8s} {platform:8s} " + "".join(cells))
        for p, platform in enumerate(PLATFORMS):
            ratios = [shares["lattice"][:, w, p].mean() / shares["random"][:, w, p].mean()
                      for w in WEEKS]
            print(f"{contagion:11s} {'ratio':8s} {platform:8s} " +
                  "".join(f"  {r:6.2f}       " for r in ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
