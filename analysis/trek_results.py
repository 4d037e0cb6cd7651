"""Load any Trek results file (`trek run` or `trek compare`) into pandas tables in one call.

    import trek_results
    results = trek_results.load("results/ghent.h5")
    results.kind                          # "run" or "compare"
    results.scenarios                     # names, the baseline first for comparisons
    run = results.runs["stay_on_x"]
    run.series("active")                  # long table: replicate, week, platform, value
    run.messages("reach_per_message")          # one row per simulated message
    run.plan("impressions")               # a week of the real posting plan, at the plan weeks
    results.summary                       # the decision table trek computed, long form
    results.comparison                    # the same, with differences (compare files only)
    results.message_reach                 # single-message statistics at the report weeks
    results.months                        # month of each report week
    results.kinds                         # "strategy" or "what-if", by scenario (compare files)
    results.reference                     # the scenario each is compared with (compare files)
    results.crossed_rankings              # each strategy group under a what-if, best first
    results.table("reach_per_message")    # one metric across scenarios: week, scenario, bands
    results.evppi                         # what to measure first: metric, parameter, value
    results.labels                        # each scenario's human name (its `name`)
    run.worlds                            # each world's uncertain parameter values (or None)
    results.sweep                         # one row per point and replicate (sweep files)
    results.sensitivity                   # Sobol indices or Morris effects (sweep files)

Runs on Debian's python3-h5py, -numpy and -pandas (use /usr/bin/python3). Reads Trek's HDF5
layout (docs/output.md) and nothing else. A file that is not a Trek file, or of a version this
module does not read, raises TrekFileError with a one-line message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import h5py
import numpy as np
import pandas as pd

# The formats and versions this module reads (sim/engine/results_file.hpp, comparison_file.hpp,
# sim/sweep/sweep_file.hpp); tests/analysis checks them against files this build of trek writes.
RUN_FORMAT, RUN_VERSION = "trek-run", 7
COMPARE_FORMAT, COMPARE_VERSION = "trek-compare", 8
SWEEP_FORMAT, SWEEP_VERSION = "trek-sweep", 3
POSTERIOR_FORMAT, POSTERIOR_VERSION = "trek-posterior", 1
PLAN_FORMAT, PLAN_VERSION = "trek-plan", 1


# /comparison/verdict codes (sim/engine/comparison_file.cpp).
VERDICTS = ("worse", "no clear difference", "better", "baseline")


class TrekFileError(Exception):
    """The file cannot be read as a Trek results file (message names the file and the reason)."""


def text_of(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace").rstrip("\0")
    if isinstance(value, np.ndarray) and value.shape == ():
        return text_of(value[()])
    return str(value)


def _strings(dataset) -> list[str]:
    return [text_of(v) for v in dataset[()]]


def _attributes(node) -> dict:
    out = {}
    for key, value in node.attrs.items():
        if isinstance(value, (bytes, str)):
            out[key] = text_of(value)
        elif isinstance(value, np.generic):
            out[key] = value.item()
        else:
            out[key] = value
    return out


@dataclass
class Run:
    """One scenario's run: a `trek run` file, or one group of a comparison file."""

    name: str
    group: h5py.Group
    parameters: dict = field(default_factory=dict)
    provenance: dict = field(default_factory=dict)
    platforms: list = field(default_factory=list)
    segments: list = field(default_factory=list)
    crisis_hours: list = field(default_factory=list)

    @property
    def worlds(self) -> pd.DataFrame | None:
        """One row per world (replicate), one column per uncertain parameter; None without."""
        if "worlds" not in self.group:
            return None
        names = _strings(self.group["worlds/parameters"])
        table = pd.DataFrame(self.group["worlds/values"][()], columns=names)
        table.index.name = "world"
        return table

    @property
    def observables(self) -> list[str]:
        return sorted(self.group["observables"].keys())

    def value(self, name: str, messages: bool = False) -> np.ndarray:
        """The raw value array of an observable ([replicate][week]...)."""
        where = ("messages/" if messages else "observables/") + name + "/value"
        if where not in self.group:
            raise KeyError(f"{self.name}: no {where} (observables: {', '.join(self.observables)})")
        return self.group[where][()]

    def _labels(self, dimension: str, size: int) -> list:
        if dimension in ("platform", "to"):
            return list(self.platforms)
        if dimension == "from":
            return list(self.platforms) + ["nowhere"]
        if dimension == "segment":
            return list(self.segments)
        if dimension == "hours":
            return list(self.crisis_hours)
        if dimension == "plan_week":
            return [int(week) for week in self.group["plan/week"][()]]
        return list(range(size))

    def _long(self, where: str) -> pd.DataFrame:
        data = self.group[where]
        dimensions = text_of(data.attrs["dimensions"]).split(",")
        values = data[()]
        axes = [self._labels(d, n) for d, n in zip(dimensions, values.shape)]
        index = pd.MultiIndex.from_product(axes, names=dimensions)
        frame = index.to_frame(index=False)
        frame["value"] = values.reshape(-1)
        frame.insert(0, "scenario", self.name)
        return frame

    def series(self, name: str) -> pd.DataFrame:
        """An observable as a long table: scenario, replicate, week, its own axes, value."""
        self.value(name)  # a clear KeyError for unknown names
        return self._long(f"observables/{name}/value")

    def messages(self, name: str) -> pd.DataFrame:
        """A reach observable per simulated message: scenario, replicate, week, message, ..."""
        self.value(name, messages=True)
        return self._long(f"messages/{name}/value")

    @property
    def plan_quantities(self) -> list[str]:
        """The /plan datasets (posts, reached, impressions, ...); empty without a plan."""
        if "plan" not in self.group:
            return []
        return sorted(name for name in self.group["plan"].keys() if name != "week")

    def plan(self, name: str) -> pd.DataFrame:
        """A quantity of the week's posting plan as a long table: scenario, replicate, week (the
        plan weeks only), its own axis (platform or segment), value."""
        if name not in self.plan_quantities:
            raise KeyError(f"{self.name}: no plan/{name} (plan: {', '.join(self.plan_quantities)})")
        return self._long(f"plan/{name}").rename(columns={"plan_week": "week"})

    def scenario_sources(self) -> list[tuple[str, str]]:
        """(path, text) of the scenario file and its extends chain, as written."""
        origin = self.group["provenance"]
        if "scenario_files" not in origin:
            return []
        return list(zip(_strings(origin["scenario_files"]), _strings(origin["scenario_texts"])))


def _check_format(path: str, node, expected: str, version: int) -> None:
    found = text_of(node.attrs.get("format", b""))
    if found != expected:
        raise TrekFileError(f"{path}: format '{found}' where '{expected}' was expected")
    found_version = int(node.attrs.get("version", 0))
    if found_version != version:
        raise TrekFileError(
            f"{path}: {expected} version {found_version} is not supported "
            f"(this module reads version {version}; re-run with this Trek)"
        )


def _read_run(path: str, name: str, group: h5py.Group) -> Run:
    _check_format(path, group, RUN_FORMAT, RUN_VERSION)
    parameters = group["parameters"]
    return Run(
        name=name,
        group=group,
        parameters=_attributes(parameters),
        provenance=_attributes(group["provenance"]),
        platforms=_strings(parameters["platforms"]),
        segments=_strings(parameters["segments"]),
        crisis_hours=[float(h) for h in parameters["crisis_hours"][()]],
    )


@dataclass
class Results:
    """What a Trek file holds; keep it open with `with trek_results.load(path) as results:`."""

    path: str
    kind: str
    file: h5py.File
    attributes: dict
    runs: dict
    scenarios: list
    baseline: str | None = None
    summary: pd.DataFrame | None = None
    comparison: pd.DataFrame | None = None
    message_reach: pd.DataFrame | None = None
    weeks: list = field(default_factory=list)
    months: list = field(default_factory=list)
    kinds: dict = field(default_factory=dict)
    ranking: list = field(default_factory=list)
    reference: dict = field(default_factory=dict)
    crossed_rankings: list = field(default_factory=list)
    sweep: pd.DataFrame | None = None
    sensitivity: pd.DataFrame | None = None
    parameters: list = field(default_factory=list)
    metrics: list = field(default_factory=list)
    evppi: pd.DataFrame | None = None
    parameter_share: pd.DataFrame | None = None
    posterior: pd.DataFrame | None = None   # posterior files: one row per particle, and weight
    prior_sample: pd.DataFrame | None = None  # generation 0: draws from the priors
    priors: dict = field(default_factory=dict)
    targets: pd.DataFrame | None = None
    diagnostics: pd.DataFrame | None = None
    plan: dict | None = None  # plan files: history, decisions, best, front, verification

    @property
    def labels(self) -> dict:
        """Each scenario's human name (the scenario file's `name`), by its name in the file."""
        return {name: str(run.parameters.get("scenario", name)) for name, run in self.runs.items()}

    def table(self, metric: str) -> pd.DataFrame:
        """One metric of the decision table across scenarios and report weeks: week, scenario,
        mean, p05, p95 and, in comparisons, the paired differences and decision statistics."""
        if self.summary is None:
            raise KeyError(f"{self.path}: a {self.kind} file has no decision table")
        known = list(dict.fromkeys(self.summary["metric"]))
        if metric not in known:
            raise KeyError(f"no metric '{metric}' (metrics: {', '.join(known)})")
        rows = self.summary[self.summary["metric"] == metric].drop(columns="metric")
        columns = ["week", "scenario"] + [c for c in rows.columns if c not in ("week", "scenario")]
        return rows[columns].sort_values(["week", "scenario"], kind="stable").reset_index(drop=True)

    def close(self) -> None:
        self.file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _decision_tables(group: h5py.Group, names: list[str] | None = None):
    """The decision table trek wrote (/comparison, or a run's /summary) in long form.

    Returns (scenarios, weeks, months, table, messages); `names` renames the scenarios (a run's
    summary names its scenario by the scenario's `name`, the file by its stem). A table without
    differences (a run alone) has NaN there.
    """
    scenarios = names or _strings(group["scenarios"])
    metrics = _strings(group["metrics"])
    weeks = [int(w) for w in group["weeks"][()]]
    months = [float(m) for m in group["months"][()]]
    level = group["level"][()]
    difference = group["difference"][()] if "difference" in group else np.full_like(level, np.nan)
    decision_names = (text_of(group["decision"].attrs["statistics"]).split(",")
                      if "decision" in group else [])
    decision = group["decision"][()] if decision_names else None
    verdict = group["verdict"][()] if "verdict" in group else None
    tier = group["tier"][()] if "tier" in group else None
    rows = []
    for s, scenario in enumerate(scenarios):
        for w, week in enumerate(weeks):
            for m, metric in enumerate(metrics):
                row = [scenario, week, metric, *level[s, w, m], *difference[s, w, m]]
                if decision is not None:
                    row += [*decision[s, w, m], VERDICTS[int(verdict[s, w, m])],
                            int(tier[s, w, m])]
                rows.append(tuple(row))
    columns = ["scenario", "week", "metric", "mean", "p05", "p95",
               "diff_mean", "diff_p05", "diff_p95"]
    if decision is not None:
        columns += [*decision_names, "verdict", "tier"]
    table = pd.DataFrame(rows, columns=columns)
    statistics = text_of(group["message_reach"].attrs["statistics"]).split(",")
    single = group["message_reach"][()]
    message_rows = [
        (scenario, week, *single[s, w])
        for s, scenario in enumerate(scenarios)
        for w, week in enumerate(weeks)
    ]
    messages = pd.DataFrame(message_rows, columns=["scenario", "week", *statistics])
    return scenarios, weeks, months, table, messages


def _attribution_tables(group: h5py.Group, scenarios: list[str]):
    """(evppi, parameter_share) from /comparison/attribution, or (None, None) without it."""
    if "attribution" not in group:
        return None, None
    a = group["attribution"]
    parameters, metrics = _strings(a["parameters"]), _strings(a["metrics"])
    evppi = a["evppi"][()]
    values = pd.DataFrame([(m, p, evppi[i, j]) for i, m in enumerate(metrics)
                           for j, p in enumerate(parameters)],
                          columns=["metric", "parameter", "value"])
    share = a["parameter_share"][()]
    shares = pd.DataFrame([(s, m, share[i, j]) for i, s in enumerate(scenarios)
                           for j, m in enumerate(metrics)],
                          columns=["scenario", "metric", "share"])
    return values, shares


def _sweep_tables(handle: h5py.File):
    """(parameters, metrics, one row per point and replicate, sensitivity table or None)."""
    group = handle["sweep"]
    parameters = _strings(group["parameters"])
    metrics = _strings(group["metrics"])
    values, outputs, done = group["values"][()], group["outputs"][()], group["done"][()]
    rows = []
    for p in range(outputs.shape[0]):
        if not done[p]:
            continue
        for r in range(outputs.shape[1]):
            rows.append((p, r, *values[p], *outputs[p, r]))
    table = pd.DataFrame(rows, columns=["point", "replicate", *parameters, *metrics])
    sensitivity = None
    if "sensitivity" in handle:
        s = handle["sensitivity"]
        rows = []
        for m, metric in enumerate(metrics):
            for i, parameter in enumerate(parameters):
                if "first_order" in s:
                    first, total = s["first_order"][m, i], s["total"][m, i]
                    rows.append((metric, parameter, *first, *total))
                else:
                    rows.append((metric, parameter, s["mu"][m, i], s["mu_star"][m, i],
                                 s["sigma"][m, i]))
        columns = (["first", "first_low", "first_high", "total", "total_low", "total_high"]
                   if "first_order" in s else ["mu", "mu_star", "sigma"])
        sensitivity = pd.DataFrame(rows, columns=["metric", "parameter", *columns])
    return parameters, metrics, table, sensitivity


def _read_posterior(path: str, handle) -> Results:
    """A `trek calibrate` file (docs/output.md, Posterior files)."""
    keys = _strings(handle["parameters/key"])
    priors = dict(zip(keys, _strings(handle["parameters/prior"])))
    posterior = pd.DataFrame(handle["posterior/values"][()], columns=keys)
    posterior["weight"] = handle["posterior/weights"][()]
    prior = pd.DataFrame(handle["generations/000/values"][()], columns=keys)
    group = handle["targets"]
    targets = pd.DataFrame({name: _strings(group[name]) for name in
                            ("file", "date", "platform", "metric")})
    for name in ("line", "week", "observed", "scale", "weight", "fitted_observed",
                 "predictive_p05", "predictive_p50", "predictive_p95"):
        targets[name] = group[name][()]
    diagnostics = pd.DataFrame({name: handle["diagnostics"][name][()] for name in
                                ("tolerance", "acceptance", "effective_size", "proposals")})
    diagnostics.index.name = "generation"
    return Results(path, "posterior", handle, _attributes(handle), {}, [], parameters=keys,
                   posterior=posterior, prior_sample=prior, priors=priors, targets=targets,
                   diagnostics=diagnostics)


def _read_plan(path: str, handle) -> Results:
    """A `trek optimize` file (docs/output.md, Plan files)."""
    if int(handle.attrs.get("complete", 0)) != 1:
        raise TrekFileError(f"{path}: a checkpoint of an unfinished search (trek optimize --resume)")
    decisions = pd.DataFrame({"name": _strings(handle["decisions/name"]),
                              "kind": _strings(handle["decisions/kind"]),
                              "min": handle["decisions/min"][()],
                              "max": handle["decisions/max"][()],
                              "free": handle["decisions/free"][()].astype(bool)})
    group = handle["history"]
    history = pd.DataFrame(group["values"][()], columns=list(decisions["name"]))
    metrics = _strings(group["metric_names"])
    for name, column in zip(metrics, group["metrics"][()].T):
        history["mean_" + name] = column
    for name in ("objective", "difference_pct", "p_better", "round"):
        history[name] = group[name][()]
    history["feasible"] = group["feasible"][()].astype(bool)
    history["description"] = _strings(group["description"])
    history.index = pd.RangeIndex(1, len(history) + 1, name="candidate")
    objective = {key: text_of(value) if isinstance(value, bytes) else value
                 for key, value in handle["objective"].attrs.items()}
    baseline = {"objective": float(handle["baseline"].attrs["objective"])}
    baseline.update({"mean_" + n: v for n, v in zip(metrics, handle["baseline/metrics"][()])})
    best = int(handle["best"].attrs["index"]) + 1
    verification = handle["verification/comparison"]
    scenarios, weeks, months, table, _ = _decision_tables(verification)
    plan = {"decisions": decisions, "history": history, "objective": objective,
            "baseline": baseline, "best": best,
            "best_scenario": _strings(handle["best/scenario"])[0],
            "front": [int(i) + 1 for i in handle["front"][()]],
            "fresh": {key: float(handle["best"].attrs[key]) for key in
                      ("fresh_objective", "fresh_baseline_objective", "fresh_difference_pct",
                       "fresh_p_better", "fresh_feasible")},
            "verification": table, "verification_scenarios": scenarios}
    return Results(path, "plan", handle, _attributes(handle), {}, [], weeks=weeks, months=months,
                   plan=plan)


def load(path: str) -> Results:
    """Opens a Trek file; raises TrekFileError when it is not one this module reads."""
    if not os.path.isfile(path):
        raise TrekFileError(f"{path}: no such file")
    try:
        handle = h5py.File(path, "r")
    except OSError as error:
        raise TrekFileError(f"{path}: not an HDF5 file ({error})") from None
    try:
        kind = text_of(handle.attrs.get("format", b""))
        if kind == RUN_FORMAT:
            _check_format(path, handle, RUN_FORMAT, RUN_VERSION)
            name = os.path.splitext(os.path.basename(path))[0]
            run = _read_run(path, name, handle)
            _, weeks, months, table, messages = _decision_tables(handle["summary"], [name])
            return Results(path, "run", handle, _attributes(handle), {name: run}, [name],
                           summary=table, message_reach=messages, weeks=weeks, months=months)
        if kind == COMPARE_FORMAT:
            _check_format(path, handle, COMPARE_FORMAT, COMPARE_VERSION)
            group = handle["comparison"]
            scenarios, weeks, months, table, messages = _decision_tables(group)
            ranking = [scenarios[i] for i in group["ranking"][()]]
            kinds = dict(zip(scenarios, _strings(group["kinds"])))
            reference = {n: scenarios[i] for n, i in zip(scenarios, group["reference"][()])}
            crossed = [[scenarios[i] for i in row] for row in group["crossed_ranking"][()]] \
                if "crossed_ranking" in group else []
            runs = {n: _read_run(path, n, handle["scenarios"][n]) for n in scenarios}
            evppi, shares = _attribution_tables(group, scenarios)
            return Results(path, "compare", handle, _attributes(handle), runs, scenarios,
                           baseline=scenarios[0], summary=table, comparison=table,
                           message_reach=messages, weeks=weeks, months=months, ranking=ranking,
                           kinds=kinds, reference=reference, crossed_rankings=crossed,
                           evppi=evppi, parameter_share=shares)
        if kind == SWEEP_FORMAT:
            _check_format(path, handle, SWEEP_FORMAT, SWEEP_VERSION)
            parameters, metrics, table, sensitivity = _sweep_tables(handle)
            return Results(path, "sweep", handle, _attributes(handle), {}, [],
                           sweep=table, sensitivity=sensitivity, parameters=parameters,
                           metrics=metrics)
        if kind == POSTERIOR_FORMAT:
            _check_format(path, handle, POSTERIOR_FORMAT, POSTERIOR_VERSION)
            return _read_posterior(path, handle)
        if kind == PLAN_FORMAT:
            _check_format(path, handle, PLAN_FORMAT, PLAN_VERSION)
            return _read_plan(path, handle)
        raise TrekFileError(
            f"{path}: not a Trek results file (format '{kind}'; expected "
            f"'{RUN_FORMAT}', '{COMPARE_FORMAT}', '{SWEEP_FORMAT}', '{POSTERIOR_FORMAT}' or "
            f"'{PLAN_FORMAT}')"
        )
    except (KeyError, ValueError) as error:
        handle.close()
        raise TrekFileError(f"{path}: damaged or incomplete Trek file ({error})") from None
    except TrekFileError:
        handle.close()
        raise
