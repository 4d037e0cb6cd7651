"""The figures of the Trek report, one function per figure, each from a trek_results.Results.

Every function returns a matplotlib Figure; `data_points` counts what a figure shows, so that
tests can tell a figure with data from an empty frame.
"""

from __future__ import annotations

import math
import tomllib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

PLATFORM_COLOURS = {
    "x": "#222222", "bluesky": "#1185fe", "threads": "#7b3fa0", "mastodon": "#6364ff",
    "instagram": "#e1306c", "facebook": "#1877f2", "linkedin": "#0a66c2",
}
FLOW_WEEKS = 13  # "the first months": a quarter after the organisation's first move


def grid(count: int, width: float = 4.0, height: float = 2.8):
    columns = min(count, 4)
    rows = math.ceil(count / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(width * columns, height * rows),
                                squeeze=False, sharex=True, sharey=True)
    for extra in axes.flat[count:]:
        extra.set_visible(False)
    return figure, list(axes.flat[:count])


def _weeks(run) -> np.ndarray:
    return run.group["observables/active/time"][()]


def _agents(run) -> float:
    return float(run.parameters["agents"])


def data_points(figure) -> int:
    """Points, bars, cells and filled bands drawn on the figure's visible axes."""
    count = 0
    for axis in figure.axes:
        if not axis.get_visible():
            continue
        count += sum(len(line.get_xdata()) for line in axis.get_lines())
        count += sum(max(len(c.get_paths()), len(c.get_offsets())) for c in axis.collections)
        count += len(axis.patches)
        count += sum(int(np.count_nonzero(image.get_array())) for image in axis.images)
    return count


def reach_over_time(results):
    """Unique reach per message: mean with 50% and 90% bands across replicates, per scenario."""
    figure, axes = grid(len(results.scenarios))
    baseline = results.runs[results.scenarios[0]]
    base_mean = baseline.value("unique_reach").mean(axis=0)
    for axis, name in zip(axes, results.scenarios):
        run = results.runs[name]
        reach, weeks = run.value("unique_reach"), _weeks(run)
        low90, low50, mid, high50, high90 = np.percentile(reach, [5, 25, 50, 75, 95], axis=0)
        axis.fill_between(weeks, low90, high90, color="#9ecae1", label="90% band")
        axis.fill_between(weeks, low50, high50, color="#4292c6", label="50% band")
        axis.plot(weeks, reach.mean(axis=0), color="#08306b", label="mean")
        if name != results.scenarios[0]:
            axis.plot(weeks, base_mean, color="#888888", linestyle="--", label="baseline mean")
        axis.set_title(name, fontsize=10)
        axis.set_xlabel("week")
    axes[0].set_ylabel("agents reached per message")
    axes[0].legend(fontsize=7, loc="lower left")
    figure.suptitle("Reach per message (any platform, each agent once)")
    figure.tight_layout()
    return figure


def platform_mix(results):
    """Active accounts per platform over time (mean across replicates), stacked, per scenario."""
    figure, axes = grid(len(results.scenarios))
    for axis, name in zip(axes, results.scenarios):
        run = results.runs[name]
        active = run.value("active").mean(axis=0)  # [week][platform]
        colours = [PLATFORM_COLOURS.get(p, None) for p in run.platforms]
        axis.stackplot(_weeks(run), active.T, labels=run.platforms, colors=colours, alpha=0.85)
        axis.set_title(name, fontsize=10)
        axis.set_xlabel("week")
    axes[0].set_ylabel("active agents (stacked)")
    axes[0].legend(fontsize=7, loc="lower left", ncol=2)
    figure.suptitle("Platform mix of the audience: active agents per platform "
                    "(an agent active on two platforms counts on both)")
    figure.tight_layout()
    return figure


ORGANISATION_MOVES = ("announce", "leave", "join")


def first_move_week(run) -> int:
    """The week of the organisation's first announce, leave or join event (0 when none)."""
    scenario = tomllib.loads(run.provenance.get("scenario_toml", ""))
    weeks = [int(event.get("week", 0)) for event in scenario.get("events", [])
             if event.get("type") in ORGANISATION_MOVES]
    return min(weeks) if weeks else 0


def flows(results):
    """Activations by home platform (from) and new platform (to) in the quarter after the move."""
    figure, axes = grid(len(results.scenarios), width=4.2, height=3.8)
    matrices, windows = [], []
    for name in results.scenarios:
        run = results.runs[name]
        values = run.value("flows")  # [replicate][week][from][to]
        last = values.shape[1] - 1
        start = min(first_move_week(run) + 1, last)
        end = min(start + FLOW_WEEKS, last + 1)
        matrices.append(values[:, start:end].sum(axis=1).mean(axis=0))
        windows.append((start, end - 1))
    top = max(np.log10(1.0 + m).max() for m in matrices)
    for axis, name, matrix, (start, end) in zip(axes, results.scenarios, matrices, windows):
        run = results.runs[name]
        axis.imshow(np.log10(1.0 + matrix), cmap="Blues", aspect="auto", vmin=0.0, vmax=top)
        for (i, j), count in np.ndenumerate(matrix):
            if count >= 0.5:
                axis.text(j, i, f"{count:.0f}", ha="center", va="center", fontsize=6,
                          color="white" if np.log10(1.0 + count) > 0.6 * top else "black")
        axis.set_xticks(range(len(run.platforms)), run.platforms, rotation=90, fontsize=7)
        axis.set_yticks(range(len(run.platforms) + 1), run.platforms + ["nowhere"], fontsize=7)
        axis.set_title(f"{name}: weeks {start}-{end}", fontsize=9)
    axes[0].set_ylabel("from (home platform)")
    columns = min(len(axes), 4)
    for axis in axes[(len(axes) - 1) // columns * columns:]:
        axis.set_xlabel("to (platform joined)")
    figure.suptitle("Flows between platforms in the first quarter after the organisation's first "
                    "move (mean activations over the window; colour log scale)")
    figure.tight_layout()
    return figure


def crisis_reach(results, week: int):
    """Share of the audience reached against hours after posting, per scenario, at `week`."""
    figure, axis = plt.subplots(figsize=(8, 4.5))
    for name in results.scenarios:
        run = results.runs[name]
        share = run.value("crisis_reach")[:, week, :] / _agents(run)  # [replicate][hours]
        hours = run.crisis_hours
        low, high = np.percentile(share, [5, 95], axis=0)
        (line,) = axis.plot(hours, share.mean(axis=0), marker="o", markersize=3, label=name)
        axis.fill_between(hours, low, high, color=line.get_color(), alpha=0.15)
    axis.set_xscale("log")
    axis.set_xticks(run.crisis_hours, [f"{h:g}" for h in run.crisis_hours])
    axis.set_xlabel("hours after posting")
    axis.set_ylabel("share of the audience reached")
    axis.set_title(f"Crisis reach at week {week}: mean and 90% band across replicates")
    axis.legend(fontsize=7)
    figure.tight_layout()
    return figure


def _segment_reach(run, week: int, segments) -> np.ndarray:
    by_segment = run.value("unique_reach_by_segment")[:, week, :]  # [replicate][segment]
    columns = [run.segments.index(s) for s in segments]
    return by_segment[:, columns].sum(axis=1)


def opinion_makers(results, week: int):
    """Reach among media and politicians against reach among citizens, per scenario."""
    figure, axis = plt.subplots(figsize=(7, 5))
    for name in results.scenarios:
        run = results.runs[name]
        makers = _segment_reach(run, week, ("media", "politician"))
        citizens = _segment_reach(run, week, ("citizen",))
        x, y = citizens.mean(), makers.mean()
        xerr = [[x - np.percentile(citizens, 5)], [np.percentile(citizens, 95) - x]]
        yerr = [[y - np.percentile(makers, 5)], [np.percentile(makers, 95) - y]]
        axis.errorbar([x], [y], xerr=xerr, yerr=yerr, fmt="o", capsize=3, label=name)
        axis.annotate(name, (x, y), textcoords="offset points", xytext=(4, 4), fontsize=7)
    axis.set_xlabel("citizens reached per message")
    axis.set_ylabel("media and politicians reached per message")
    axis.set_title(f"Opinion makers against citizens at week {week} (mean, 90% band)")
    figure.tight_layout()
    return figure


def toxic_exposure(results):
    """Viewers who see toxic replies per message, summed over platforms, over the weeks."""
    figure, axis = plt.subplots(figsize=(8, 4.5))
    for name in results.scenarios:
        run = results.runs[name]
        exposure = run.value("toxic_exposure_per_post").sum(axis=2)  # [replicate][week]
        weeks = _weeks(run)
        low, high = np.percentile(exposure, [5, 95], axis=0)
        (line,) = axis.plot(weeks, exposure.mean(axis=0), label=name)
        axis.fill_between(weeks, low, high, color=line.get_color(), alpha=0.15)
    axis.set_xlabel("week")
    axis.set_ylabel("viewers exposed to toxic replies per message")
    axis.set_title("Toxic-reply exposure: mean and 90% band across replicates")
    axis.legend(fontsize=7)
    figure.tight_layout()
    return figure


DIFFERENCE_METRICS = [
    ("reach_per_message", "reach per message"), ("week_reach", "reached in a week of posts"),
    ("within_1h", "within 1 h"), ("within_24h", "within 24 h"),
    ("opinion_makers", "opinion makers"), ("toxic_exposure", "toxic exposure (lower is better)"),
]


def differences(results):
    """Paired differences to the baseline in percent, with their 90% bands, at every report week:
    one panel per decision metric, one row per strategy (what-ifs below, in grey)."""
    table = results.summary
    given = [n for n in results.scenarios[1:]
             if results.reference.get(n, results.baseline) == results.baseline]
    given.sort(key=lambda n: results.kinds.get(n) == "what-if")
    shown = [(m, t) for m, t in DIFFERENCE_METRICS if m in set(table["metric"])]
    columns = min(3, len(shown))
    rows_of_panels = math.ceil(len(shown) / columns)
    figure, grid_axes = plt.subplots(rows_of_panels, columns,
                                     figsize=(3.6 * columns, (0.5 * len(given) + 1.4) * rows_of_panels + 0.6),
                                     sharey=True, squeeze=False)
    for extra in grid_axes.flat[len(shown):]:
        extra.set_visible(False)
    axes = [list(grid_axes.flat[:len(shown)])]
    weeks = list(results.weeks)
    colours = plt.get_cmap("viridis")(np.linspace(0.15, 0.85, len(weeks)))
    labels = [results.labels.get(n, n) for n in given]
    for axis, (metric, title) in zip(axes[0], shown):
        rows = table[table["metric"] == metric].set_index(["scenario", "week"])
        for w, week in enumerate(weeks):
            offset = (w - (len(weeks) - 1) / 2) * 0.22
            for i, name in enumerate(given):
                row = rows.loc[(name, week)]
                mean = float(row["diff_pct_mean"])
                low, high = mean - float(row["diff_pct_p05"]), float(row["diff_pct_p95"]) - mean
                axis.errorbar([mean], [i + offset], xerr=[[max(low, 0.0)], [max(high, 0.0)]],
                              fmt="o", markersize=3.5, capsize=2, color=colours[w],
                              label=f"month {results.months[w]:.0f}" if i == 0 else None)
        axis.axvline(0.0, color="#444444", linewidth=0.8)
        axis.set_title(title, fontsize=9)
        axis.set_xlabel("% of the baseline")
        axis.grid(axis="x", color="#dddddd", linewidth=0.5)
    for row in grid_axes:
        row[0].set_yticks(range(len(given)), labels, fontsize=8)
        for tick, name in zip(row[0].get_yticklabels(), given):
            if results.kinds.get(name) == "what-if":
                tick.set_color("#888888")
    grid_axes[0][0].invert_yaxis()
    handles, names = axes[0][0].get_legend_handles_labels()
    figure.legend(handles, names, fontsize=8, loc="lower center", ncol=len(weeks))
    baseline = results.labels.get(results.baseline, results.baseline)
    figure.suptitle(f"Difference to '{baseline}', world by world (mean and 90% band)", fontsize=10)
    figure.tight_layout(rect=(0, 0.05, 1, 1))
    return figure


def all_figures(results, week: int):
    """(file stem, title, figure) of every figure of the report, in page order."""
    differences_figure = []
    if results.kind == "compare" and len(results.scenarios) > 1:
        differences_figure = [("differences", "Differences to the baseline",
                               differences(results))]
    return differences_figure + [
        ("reach_over_time", "Reach per message over time", reach_over_time(results)),
        ("platform_mix", "Platform mix of the audience", platform_mix(results)),
        ("flows", "Flows between platforms after the move", flows(results)),
        ("crisis_reach", "Crisis reach", crisis_reach(results, week)),
        ("opinion_makers", "Opinion makers and citizens", opinion_makers(results, week)),
        ("toxic_exposure", "Toxic-reply exposure", toxic_exposure(results)),
    ]
