"""The figures of the Trek report, one function per figure, each from a trek_results.Results.

Every function returns a matplotlib Figure; `data_points` counts what a figure shows, so that
tests can tell a figure with data from an empty frame.
"""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from trek_results import text_of  # noqa: E402

# One colour per platform on every figure, from the Okabe-Ito palette (safe for the common forms
# of colour blindness); platforms beyond these take the rest of it in order of appearance.
PLATFORM_COLOURS = {
    "x": "#000000", "facebook": "#0072B2", "instagram": "#CC79A7", "linkedin": "#56B4E9",
    "bluesky": "#009E73", "threads": "#E69F00", "mastodon": "#D55E00",
}
SPARE_COLOURS = ["#F0E442", "#999999", "#882255", "#44AA99", "#117733", "#332288"]


def platform_colour(platform: str) -> str:
    if platform not in PLATFORM_COLOURS:
        PLATFORM_COLOURS[platform] = SPARE_COLOURS[
            (len(PLATFORM_COLOURS) - 7) % len(SPARE_COLOURS)]
    return PLATFORM_COLOURS[platform]


def grid(count: int, width: float = 4.0, height: float = 2.8, share_y: bool = True):
    columns = min(count, 4)
    rows = math.ceil(count / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(width * columns, height * rows),
                                squeeze=False, sharex=True, sharey=share_y)
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
    base_mean = baseline.value("reach_per_message").mean(axis=0)
    for axis, name in zip(axes, results.scenarios):
        run = results.runs[name]
        reach, weeks = run.value("reach_per_message"), _weeks(run)
        low90, low50, mid, high50, high90 = np.percentile(reach, [5, 25, 50, 75, 95], axis=0)
        axis.fill_between(weeks, low90, high90, color="#9ecae1", label="90% band")
        axis.fill_between(weeks, low50, high50, color="#4292c6", label="50% band")
        axis.plot(weeks, reach.mean(axis=0), color="#08306b", label="mean")
        if name != results.scenarios[0]:
            axis.plot(weeks, base_mean, color="#888888", linestyle="--", label="baseline mean")
        axis.set_title(name, fontsize=10)
        axis.set_xlabel("week")
        axis.set_ylim(bottom=0)
    axes[0].set_ylabel("agents reached per message")
    # The legend from a panel that shows the dashed baseline too (the baseline's own has none).
    axes[-1].legend(fontsize=7, loc="lower left")
    figure.suptitle("Reach per message (any platform, each agent once)")
    figure.tight_layout()
    return figure


def _by_platform(run, observable: str) -> dict:
    """Mean over the worlds of a per-platform count observable, by platform name ([week])."""
    values = run.value(observable).mean(axis=0)  # [week][platform]
    return {p: values[:, k] for k, p in enumerate(run.platforms)}


def _shift(results, observable: str, what: str):
    """A per-platform count against the baseline over the weeks (mean over the worlds), one
    panel per scenario; a run alone shows its levels from zero."""
    baseline = results.runs[results.scenarios[0]]
    base = _by_platform(baseline, observable)
    alone = len(results.scenarios) == 1
    shown = results.scenarios[:1] if alone else results.scenarios[1:]
    figure, axes = grid(len(shown))
    for axis, name in zip(axes, shown):
        run = results.runs[name]
        weeks, mine = _weeks(run), _by_platform(run, observable)
        drawn = 0
        for platform in list(dict.fromkeys(baseline.platforms + run.platforms)):
            zero = np.zeros(len(weeks))
            values = mine.get(platform, zero) - (0.0 if alone else base.get(platform, zero))
            if np.all(np.abs(values) < 0.5):
                continue
            axis.plot(weeks, values, color=platform_colour(platform), label=platform)
            drawn += 1
        axis.axhline(0.0, color="#888888", linewidth=0.8)
        if drawn == 0:
            axis.text(0.5, 0.5, "as the baseline", transform=axis.transAxes, ha="center",
                      color="#888888", fontsize=8)
        axis.set_title(results.labels.get(name, name), fontsize=9)
        axis.set_xlabel("week")
        if alone:
            axis.set_ylim(bottom=0)
        if drawn:
            axis.legend(fontsize=7, loc="best", ncol=2)
    axes[0].set_ylabel("agents" if alone else "agents, minus the baseline")
    figure.suptitle((what.capitalize() + " per platform (mean over the replicates)") if alone else
                    (what.capitalize() + " per platform against the baseline, world by world "
                     "(mean over the worlds)"))
    figure.tight_layout()
    return figure


def follower_shift(results):
    """The organisation's active followers per platform against the baseline."""
    return _shift(results, "followers", "active followers of the organisation")


def audience_shift(results):
    """Where the audience itself is: active agents per platform against the baseline."""
    return _shift(results, "active", "active agents")


def crisis_reach(results, week: int):
    """Share of the audience a routine message reaches against hours after posting, per
    scenario, at `week`."""
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
    axis.set_ylim(bottom=0)
    axis.set_ylabel("share of the audience reached")
    axis.set_title(f"A routine message by hour at week {week}: mean and 90% band across "
                   "replicates")
    axis.legend(fontsize=7)
    figure.tight_layout()
    return figure


def _crisis_week(run, week: int):
    """Index of the last crisis week at or before `week` in a run with /crisis, or None."""
    if "crisis" not in run.group:
        return None
    weeks = [int(w) for w in run.group["crisis/week"][()]]
    before = [i for i, w in enumerate(weeks) if w <= week]
    return before[-1] if before else None


def crisis_messages(results, week: int):
    """Crisis messages (notifications, relays, alert channels) by hour: per scenario the mean
    and the 5-95% range of single messages; the first hour by route; the baseline by segment.
    None when no run has crisis messages."""
    runs = [(name, results.runs[name]) for name in results.scenarios
            if _crisis_week(results.runs[name], week) is not None]
    if not runs:
        return None
    figure, (curves, routes, segments) = plt.subplots(1, 3, figsize=(13, 4.5))
    labels = []
    for i, (name, run) in enumerate(runs):
        w = _crisis_week(run, week)
        crisis = run.group["crisis"]
        hours = run.crisis_hours
        within = crisis["within"][:, w].reshape(-1, len(hours))  # [message][hours]
        low, high = np.percentile(within, [5, 95], axis=0)
        (line,) = curves.plot(hours, within.mean(axis=0), marker="o", markersize=3, label=name)
        curves.fill_between(hours, low, high, color=line.get_color(), alpha=0.12)
        hour = hours.index(1.0)
        by_route = crisis["within_by_route"][:, w, :, :, hour].mean(axis=(0, 1))
        names = text_of(crisis["within_by_route"].attrs["routes"]).split(",")
        left = 0.0
        for r, value in enumerate(by_route):
            routes.barh(i, value, left=left, color=f"C{r}", label=names[r] if i == 0 else None)
            left += value
        labels.append(name)
        if i == 0:
            by_segment = crisis["within_by_segment"][:, w].mean(axis=(0, 1))
            for g, segment in enumerate(run.segments):
                segments.plot(hours, by_segment[g], marker="o", markersize=3, label=segment)
            segments.set_title(f"{name} by segment (mean)", fontsize=9)
    for axis in (curves, segments):
        axis.set_xscale("log")
        axis.set_xticks(hours, [f"{h:g}" for h in hours])
        axis.set_xlabel("hours after posting")
        axis.legend(fontsize=7)
    curves.set_ylim(bottom=0)
    curves.set_ylabel("agents reached")
    curves.set_title("mean and 5-95% of single crisis messages", fontsize=9)
    segments.set_yscale("log")
    routes.set_yticks(range(len(labels)), labels, fontsize=7)
    routes.set_xlabel("agents reached within 1 hour")
    routes.set_title("first reached by", fontsize=9)
    routes.legend(fontsize=7)
    figure.suptitle(f"Crisis messages by hour at week {week}")
    figure.tight_layout()
    return figure


def _segment_reach(run, week: int, segments) -> np.ndarray:
    by_segment = run.value("reach_per_message_by_segment")[:, week, :]  # [replicate][segment]
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
    axis.set_xlim(left=0)
    axis.set_ylim(bottom=0)
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
    axis.set_ylim(bottom=0)
    axis.set_ylabel("viewers exposed to toxic replies per message")
    axis.set_title("Toxic-reply exposure: mean and 90% band across replicates")
    axis.legend(fontsize=7)
    figure.tight_layout()
    return figure


DIFFERENCE_METRICS = [
    ("reach_per_message", "reach per message"), ("week_reach", "reached in a week of posts"),
    ("within_1h", "within 1 h"), ("crisis_1h", "crisis message within 1 h"),
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
        ("follower_shift", "The organisation's followers, against the baseline",
         follower_shift(results)),
        ("audience_shift", "Where the audience is, against the baseline", audience_shift(results)),
        ("crisis_reach", "A routine message by hour", crisis_reach(results, week)),
        *([("crisis_messages", "Crisis messages by hour", crisis)]
          if (crisis := crisis_messages(results, week)) is not None else []),
        ("opinion_makers", "Opinion makers and citizens", opinion_makers(results, week)),
        ("toxic_exposure", "Toxic-reply exposure", toxic_exposure(results)),
    ]
