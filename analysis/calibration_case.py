"""What the real-data calibration cases (bluesky_wave.py, mastodon_wave.py) share: a calibration
file of scenarios/calibration/ copied beside its targets, its scenario named by absolute path, run
by `trek calibrate`, and the weighted quantiles of the posterior it writes."""

from __future__ import annotations

import os
import subprocess

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = os.path.join(ROOT, "scenarios", "calibration")


def calibrate_copy(trek: str, calibration: str, scenario: str, out: str) -> str:
    """Copies scenarios/calibration/CALIBRATION into OUT (whose targets are there) with its
    scenario named by absolute path, runs `trek calibrate` on it; returns the posterior's path."""
    with open(os.path.join(FOLDER, calibration), encoding="utf-8") as f:
        text = f.read().replace(f'scenario = "{scenario}"',
                                f'scenario = "{os.path.join(FOLDER, scenario)}"')
    copy = os.path.join(out, calibration)
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text)
    posterior = os.path.join(out, os.path.splitext(calibration)[0] + "_posterior.h5")
    subprocess.run([trek, "calibrate", copy, "-o", posterior, "--force"], check=True)
    return posterior


def weighted_quantiles(samples: np.ndarray, weights: np.ndarray, qs) -> list[float]:
    """The least sample whose cumulative weight reaches each q (as trek's own quantiles)."""
    order = np.argsort(samples, kind="stable")
    cumulative = np.cumsum(weights[order])
    total = cumulative[-1]
    return [float(samples[order][min(np.searchsorted(cumulative, q * total), len(order) - 1)])
            for q in qs]


def posterior_quantiles(path: str, qs=(0.05, 0.5, 0.95)) -> dict[str, list[float]]:
    """Each free parameter's weighted posterior quantiles, by its key."""
    with h5py.File(path, "r") as f:
        keys = [k.decode() if isinstance(k, bytes) else str(k) for k in f["parameters/key"][()]]
        values = f["posterior/values"][()]
        weights = f["posterior/weights"][()]
    return {key: weighted_quantiles(values[:, i], weights, qs) for i, key in enumerate(keys)}
