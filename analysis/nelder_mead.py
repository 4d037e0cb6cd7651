"""Nelder-Mead minimisation in numpy (reflection 1, expansion 2, contraction and shrink 1/2), for
the analysis scripts that fit a few parameters by simulation (fit_follower_graph.py) or by a
closed form (bluesky_mean_field.py): the analysis needs no package beyond numpy."""

from __future__ import annotations

import numpy as np


def minimise(f, start: np.ndarray, steps: np.ndarray, evaluations: int,
             spread: float = 0.0) -> tuple[np.ndarray, float]:
    """The best point found and its value, after at most `evaluations` calls of f, or once the
    simplex's values lie within `spread` of each other (0: never)."""
    simplex = [start] + [start + np.eye(len(start))[i] * steps[i] for i in range(len(start))]
    values = [f(x) for x in simplex]
    used = len(simplex)
    while used < evaluations:
        order = np.argsort(values)
        simplex = [simplex[i] for i in order]
        values = [values[i] for i in order]
        if spread > 0.0 and values[-1] - values[0] < spread:
            break
        centre = np.mean(simplex[:-1], axis=0)
        reflected = centre + (centre - simplex[-1])
        fr = f(reflected)
        used += 1
        if fr < values[0]:
            expanded = centre + 2.0 * (centre - simplex[-1])
            fe = f(expanded)
            used += 1
            simplex[-1], values[-1] = (expanded, fe) if fe < fr else (reflected, fr)
        elif fr < values[-2]:
            simplex[-1], values[-1] = reflected, fr
        else:
            contracted = centre + 0.5 * (simplex[-1] - centre)
            fc = f(contracted)
            used += 1
            if fc < values[-1]:
                simplex[-1], values[-1] = contracted, fc
            else:  # shrink towards the best
                simplex = [simplex[0]] + [simplex[0] + 0.5 * (x - simplex[0]) for x in simplex[1:]]
                values = [values[0]] + [f(x) for x in simplex[1:]]
                used += len(simplex) - 1
    best = int(np.argmin(values))
    return simplex[best], values[best]
