"""The report of a `trek sweep` file: sensitivity indices as bar charts with their intervals, a
heatmap of an output over two parameters, and each parameter against each output.

Used by report.py; every figure function returns a matplotlib Figure.
"""

from __future__ import annotations

import html

import numpy as np

import report_figures
import report_tables
import trek_results

plt = report_figures.plt
HEATMAP_BINS = 6


label = report_tables.parameter_label


def out_of_range(table) -> list[tuple[str, str, str, float, float, float, bool]]:
    """Sobol indices outside [0, 1]: (metric, parameter, index, value, low, high, beyond its
    interval), where beyond means the whole interval lies outside [0, 1]."""
    found = []
    if table is None or "first" not in table.columns:
        return found
    for _, row in table.iterrows():
        for index in ("first", "total"):
            value, low, high = row[index], row[index + "_low"], row[index + "_high"]
            if 0.0 <= value <= 1.0:
                continue
            found.append((row["metric"], row["parameter"], index, float(value), float(low),
                          float(high), bool(low > 1.0 or high < 0.0)))
    return found


def point_means(results):
    """One row per point: parameter values and the mean over replicates of every output."""
    return results.sweep.groupby("point").mean(numeric_only=True).drop(columns="replicate")


def sensitivity_bars(results):
    """Sobol first-order and total indices (90% bootstrap intervals), or Morris mu* and sigma."""
    table = results.sensitivity
    metrics = list(dict.fromkeys(table["metric"]))
    # One y-axis per output: outputs differ in scale by orders of magnitude.
    figure, axes = report_figures.grid(len(metrics), width=4.5, height=3.2, share_y=False)
    parameters = results.parameters
    x = np.arange(len(parameters))
    sobol = "first" in table.columns
    for axis, metric in zip(axes, metrics):
        rows = table[table["metric"] == metric].set_index("parameter").loc[parameters]
        if sobol:
            for offset, name, colour in ((-0.2, "first", "#4292c6"), (0.2, "total", "#08306b")):
                value = rows[name].to_numpy()
                error = [value - rows[name + "_low"].to_numpy(),
                         rows[name + "_high"].to_numpy() - value]
                axis.bar(x + offset, value, width=0.4, color=colour, label=name,
                         yerr=np.clip(error, 0, None), capsize=3)
            axis.set_ylim(min(-0.1, axis.get_ylim()[0]), max(1.05, axis.get_ylim()[1]))
        else:
            axis.bar(x - 0.2, rows["mu_star"], width=0.4, color="#08306b", label="mu*")
            axis.bar(x + 0.2, rows["sigma"], width=0.4, color="#9ecae1", label="sigma")
        axis.set_xticks(x, [label(p) for p in parameters], rotation=30, ha="right", fontsize=7)
        axis.set_title(metric, fontsize=10)
    axes[0].legend(fontsize=7)
    figure.suptitle("Sobol indices: first order and total, 90% bootstrap intervals" if sobol else
                    "Morris screening: mu* (mean absolute effect over each parameter's range) "
                    "and sigma")
    figure.tight_layout()
    return figure


def morris_plane(results):
    """Morris mu* against sigma, one panel per output, each parameter labelled: far right is
    influential, high is non-linear or interacting."""
    table = results.sensitivity
    metrics = list(dict.fromkeys(table["metric"]))
    figure, axes = report_figures.grid(len(metrics), width=4.5, height=3.6, share_y=False)
    for axis, metric in zip(axes, metrics):
        rows = table[table["metric"] == metric]
        axis.scatter(rows["mu_star"], rows["sigma"], color="#08306b", s=16)
        for _, row in rows.iterrows():
            axis.annotate(label(row["parameter"]), (row["mu_star"], row["sigma"]), fontsize=6,
                          textcoords="offset points", xytext=(3, 3))
        axis.set_xlim(left=0)
        axis.set_ylim(bottom=0)
        axis.set_xlabel("mu* (mean absolute effect)", fontsize=8)
        axis.set_title(metric, fontsize=10)
    axes[0].set_ylabel("sigma (spread of the effects)")
    figure.suptitle("Morris screening: influence (mu*) against non-linearity or interaction (sigma)")
    figure.tight_layout()
    return figure


def heatmap(results, metric: str, first: str, second: str):
    """Mean of `metric` over a grid of bins of two parameters."""
    means = point_means(results)
    figure, axis = plt.subplots(figsize=(6.5, 5))
    edges = [np.linspace(means[p].min(), means[p].max(), HEATMAP_BINS + 1) for p in (first, second)]
    total, _, _ = np.histogram2d(means[first], means[second], bins=edges, weights=means[metric])
    count, _, _ = np.histogram2d(means[first], means[second], bins=edges)
    with np.errstate(invalid="ignore", divide="ignore"):
        cells = np.where(count > 0, total / count, np.nan)
    image = axis.imshow(cells.T, origin="lower", aspect="auto", cmap="viridis",
                        extent=[edges[0][0], edges[0][-1], edges[1][0], edges[1][-1]])
    figure.colorbar(image, ax=axis, label=metric)
    axis.set_xlabel(label(first))
    axis.set_ylabel(label(second))
    axis.set_title(f"{metric}: mean per cell of points (blank: no point)", fontsize=10)
    figure.tight_layout()
    return figure


def scatter(results):
    """Each parameter against each output, one dot per point (mean over replicates)."""
    means = point_means(results)
    rows, columns = len(results.metrics), len(results.parameters)
    figure, axes = plt.subplots(rows, columns, figsize=(3.2 * columns, 2.6 * rows), squeeze=False)
    for i, metric in enumerate(results.metrics):
        for j, parameter in enumerate(results.parameters):
            axis = axes[i][j]
            axis.scatter(means[parameter], means[metric], s=8, color="#2171b5")
            if i == rows - 1:
                axis.set_xlabel(label(parameter), fontsize=7)
            if j == 0:
                axis.set_ylabel(metric, fontsize=7)
            axis.tick_params(labelsize=6)
    figure.suptitle("Each parameter against each output (one dot per point)")
    figure.tight_layout()
    return figure


def all_figures(results):
    figures = []
    if results.sensitivity is not None:
        figures.append(("sensitivity", "Sensitivity indices", sensitivity_bars(results)))
        if "mu_star" in results.sensitivity.columns:
            figures.append(("morris_plane", "Morris mu* against sigma", morris_plane(results)))
    if len(results.parameters) >= 2:
        first, second = results.parameters[:2]
        metric = results.metrics[0]
        figures.append(("heatmap", f"{metric} over {first} and {second}",
                        heatmap(results, metric, first, second)))
    figures.append(("scatter", "Parameters against outputs", scatter(results)))
    return figures


def sensitivity_table(results) -> str:
    table = results.sensitivity
    if table is None:
        return "<p>No sensitivity indices: the design is a grid or Latin hypercube, or points " \
               "are missing.</p>"
    columns = [c for c in table.columns if c not in ("metric", "parameter")]
    parts = []
    outside = out_of_range(table)
    if outside:
        items = "".join(
            f"<li>{html.escape(m)}, <code>{html.escape(p)}</code>: {i} index {v:.3g} "
            f"[{lo:.3g}, {hi:.3g}] "
            + ("<b>outside [0, 1] beyond its interval: the estimate is not reliable; run more "
               "points</b>" if beyond else "outside [0, 1] within its interval (estimation noise)")
            + "</li>" for m, p, i, v, lo, hi, beyond in outside)
        parts.append(f'<div class="warning" data-outside="{len(outside)}"><p>Sobol indices are '
                     f"shares of variance and lie in [0, 1]; these estimates do not:</p>"
                     f"<ul>{items}</ul></div>")
    parts.append('<table class="sensitivity"><tr><th>output</th><th>parameter</th>')
    parts += [f"<th>{c}</th>" for c in columns]
    parts.append("</tr>")
    for _, row in table.iterrows():
        parts.append(f'<tr data-metric="{html.escape(row["metric"])}" '
                     f'data-parameter="{html.escape(row["parameter"])}">'
                     f'<th>{html.escape(row["metric"])}</th><td>{html.escape(label(row["parameter"]))}'
                     f' <code>{html.escape(row["parameter"])}</code></td>')
        parts += [f'<td data-{c}="{float(row[c])!r}">{row[c]:.3g}</td>' for c in columns]
        parts.append("</tr>")
    parts.append("</table>")
    return "\n".join(parts)


def describe(results) -> str:
    group = results.file["sweep"]
    design = trek_results.text_of(group.attrs["design"])
    points = int(group.attrs["points"])
    replicates = int(group.attrs["replicates"])
    done = int(group["done"][()].sum())
    sweep_text = trek_results.text_of(results.file["provenance"].attrs["sweep_text"])
    heading, rows = report_tables.settings(sweep_text)
    return (f"<p>Design <b>{html.escape(design)}</b>: {done} of {points} points done, "
            f"{replicates} replicates each. {html.escape(heading)}</p>"
            + report_tables.plain_settings_table(rows))

