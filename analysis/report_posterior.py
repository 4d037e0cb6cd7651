"""The report of a `trek calibrate` posterior file: each parameter's prior against its posterior,
pairwise scatter of the main parameters, and the posterior predictive bands against the observed
data, with the generations' diagnostics.

Used by report.py; every figure function returns a matplotlib Figure.
"""

from __future__ import annotations

import html

import numpy as np

import report_figures
import report_tables

plt = report_figures.plt
MAX_SCATTER = 4  # parameters in the pairwise scatter


def weighted_quantile(values, weights, q: float) -> float:
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(np.asarray(weights)[order])
    index = min(int(np.searchsorted(cumulative, q * cumulative[-1])), len(values) - 1)
    return float(np.asarray(values)[order][index])


def prior_posterior(results):
    """Each parameter: the prior sample (generation 0) and the weighted posterior, as densities."""
    keys = results.parameters
    figure, axes = report_figures.grid(len(keys), width=4.0, height=2.8, share_y=False)
    weights = results.posterior["weight"].to_numpy()
    for axis, key in zip(axes, keys):
        prior = results.prior_sample[key].to_numpy()
        posterior = results.posterior[key].to_numpy()
        low = float(min(prior.min(), posterior.min()))
        high = float(max(prior.max(), posterior.max()))
        bins = np.linspace(low, high if high > low else low + 1.0, 25)
        axis.hist(prior, bins=bins, density=True, color="#bdbdbd", label="prior")
        axis.hist(posterior, bins=bins, weights=weights, density=True, color="#2171b5",
                  alpha=0.75, label="posterior")
        axis.set_title(report_tables.parameter_label(key), fontsize=9)
    axes[0].legend(fontsize=8)
    figure.tight_layout()
    return figure


def pairwise(results):
    """The posterior particles of the first parameters against each other, sized by weight."""
    keys = results.parameters[:MAX_SCATTER]
    count = len(keys)
    figure, axes = plt.subplots(count, count, figsize=(2.6 * count, 2.6 * count), squeeze=False)
    weights = results.posterior["weight"].to_numpy()
    sizes = 4.0 + 60.0 * weights / max(weights.max(), 1e-300)
    for row, y_key in enumerate(keys):
        for column, x_key in enumerate(keys):
            axis = axes[row][column]
            if row == column:
                axis.hist(results.posterior[x_key], bins=20, weights=weights, color="#2171b5")
            else:
                axis.scatter(results.posterior[x_key], results.posterior[y_key], s=sizes,
                             color="#08519c", alpha=0.5, linewidths=0)
            if row == count - 1:
                axis.set_xlabel(report_tables.parameter_label(x_key), fontsize=8)
            if column == 0:
                axis.set_ylabel(report_tables.parameter_label(y_key), fontsize=8)
    figure.tight_layout()
    return figure


def predictive(results):
    """Each observed series (platform and metric): observed values with their scale against the
    model's 90% posterior predictive band (the compared quantity: values, or relative change)."""
    targets = results.targets
    series = list(dict.fromkeys(zip(targets["platform"], targets["metric"])))
    figure, axes = report_figures.grid(len(series), width=4.2, height=2.8, share_y=False)
    for axis, (platform, metric) in zip(axes, series):
        rows = targets[(targets["platform"] == platform) & (targets["metric"] == metric)]
        week = rows["week"].to_numpy()
        axis.fill_between(week, rows["predictive_p05"], rows["predictive_p95"], color="#9ecae1",
                          label="model, 90%", step=None if len(rows) > 1 else "mid")
        axis.plot(week, rows["predictive_p50"], color="#08519c", lw=1.2, label="model, median")
        relative = metric in ("accounts", "active")
        scale = rows["scale"].to_numpy()
        if relative:
            scale = scale / max(float(rows["observed"].iloc[0]), 1e-300)
        axis.errorbar(week, rows["fitted_observed"], yerr=1.645 * scale, fmt="o", color="#d94801",
                      ms=3, lw=0.8, label="observed, 90%")
        axis.set_title(f"{platform}: {metric}" + (" (relative change)" if relative else ""),
                       fontsize=9)
        axis.set_xlabel("week", fontsize=8)
    axes[0].legend(fontsize=7)
    figure.tight_layout()
    return figure


def all_figures(results):
    return [
        ("prior_posterior", "Prior (grey) and posterior (blue) of each free parameter",
         prior_posterior(results)),
        ("pairwise", "Posterior particles, pairwise (size: weight)", pairwise(results)),
        ("predictive", "Observations against the posterior predictive 90% band",
         predictive(results)),
    ]


def parameter_table(results) -> str:
    weights = results.posterior["weight"].to_numpy()
    rows = []
    for key in results.parameters:
        values = results.posterior[key].to_numpy()
        cells = [weighted_quantile(values, weights, q) for q in (0.05, 0.5, 0.95)]
        rows.append("<tr><td>" + html.escape(key) + "</td><td>" +
                    html.escape(results.priors.get(key, "")) + "</td>" +
                    "".join(f"<td>{value:.4g}</td>" for value in cells) + "</tr>")
    return ("<table><tr><th>parameter</th><th>prior</th><th>posterior 5%</th><th>median</th>"
            "<th>95%</th></tr>" + "".join(rows) + "</table>")


def diagnostics_table(results) -> str:
    rows = []
    for generation, row in results.diagnostics.iterrows():
        rows.append(f"<tr><td>{generation}</td><td>{row['tolerance']:.4g}</td>"
                    f"<td>{int(row['proposals'])}</td><td>{100 * row['acceptance']:.1f}%</td>"
                    f"<td>{row['effective_size']:.0f}</td></tr>")
    return ("<table><tr><th>generation</th><th>tolerance</th><th>proposals</th>"
            "<th>accepted</th><th>effective size</th></tr>" + "".join(rows) + "</table>")


def describe(results) -> str:
    a = results.attributes
    return ("<p>Calibration file " + html.escape(str(a.get("calibration_file", ""))) +
            ", base scenario " + html.escape(str(a.get("scenario_file", ""))) + ", seed " +
            html.escape(str(a.get("seed", ""))) + "; " +
            html.escape(str(a.get("stopped", ""))) + ".</p>")
