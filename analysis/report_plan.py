"""The report of a `trek optimize` plan file: the search history, the trade-off front between the
objective and toxic exposure, each free decision against the objective, and the final comparison
of the best plan with the baseline and the hand-written strategies on fresh worlds.

Used by report.py; every figure function returns a matplotlib Figure.
"""

from __future__ import annotations

import html

import numpy as np

import report_figures

plt = report_figures.plt
BEST, OTHER, FRONT = "#d94801", "#6baed6", "#08519c"


def _objective_label(plan) -> str:
    return str(plan["objective"].get("description", "objective"))


def history(results):
    """Each candidate's objective in the order evaluated, the best so far, and the baseline."""
    plan = results.plan
    h = plan["history"]
    higher = int(plan["objective"].get("higher_is_better", 1)) == 1
    figure, axis = plt.subplots(figsize=(7.0, 3.6))
    feasible = h[h["feasible"]]
    axis.scatter(feasible.index, feasible["objective"], color=OTHER, s=22, label="candidate")
    if (~h["feasible"]).any():
        infeasible = h[~h["feasible"]]
        axis.scatter(infeasible.index, infeasible["objective"], facecolors="none",
                     edgecolors="#969696", s=22, label="breaks a constraint")
    values = np.where(h["feasible"], h["objective"], np.nan if higher else np.nan)
    running = (np.fmax.accumulate if higher else np.fmin.accumulate)(
        np.where(np.isnan(values), -np.inf if higher else np.inf, values))
    running = np.where(np.isinf(running), np.nan, running)
    axis.step(h.index, running, where="post", color=BEST, lw=1.4, label="best so far")
    axis.axhline(plan["baseline"]["objective"], color="#525252", ls="--", lw=1,
                 label="baseline")
    axis.set_xlabel("candidate (in the order evaluated)")
    axis.set_ylabel(_objective_label(plan), fontsize=8)
    axis.legend(fontsize=8)
    figure.tight_layout()
    return figure


def tradeoff(results):
    """The objective against mean toxic exposure: the front (no candidate better on both) joined,
    the best plan and the baseline marked."""
    plan = results.plan
    h = plan["history"]
    figure, axis = plt.subplots(figsize=(6.4, 4.2))
    axis.scatter(h["mean_toxic_exposure"], h["objective"], color=OTHER, s=20, label="candidate")
    front = h.loc[plan["front"]].sort_values("mean_toxic_exposure")
    axis.plot(front["mean_toxic_exposure"], front["objective"], "o-", color=FRONT, ms=5, lw=1,
              label="trade-off front")
    best = h.loc[plan["best"]]
    axis.scatter([best["mean_toxic_exposure"]], [best["objective"]], color=BEST, s=80,
                 marker="*", zorder=5, label="best plan")
    axis.scatter([plan["baseline"]["mean_toxic_exposure"]], [plan["baseline"]["objective"]],
                 color="#525252", marker="s", s=36, label="baseline")
    axis.set_xlabel("mean toxic exposure (agents)")
    axis.set_ylabel(_objective_label(plan), fontsize=8)
    axis.set_xlim(left=0)
    axis.legend(fontsize=8)
    figure.tight_layout()
    return figure


def decisions(results):
    """Each free decision's value against the objective, the best plan marked."""
    plan = results.plan
    h = plan["history"]
    free = plan["decisions"][plan["decisions"]["free"]]
    figure, axes = report_figures.grid(len(free), width=3.6, height=2.8, share_y=True)
    best = h.loc[plan["best"]]
    for axis, name in zip(axes, free["name"]):
        axis.scatter(h[name], h["objective"], color=OTHER, s=16)
        axis.scatter([best[name]], [best["objective"]], color=BEST, marker="*", s=70)
        axis.set_xlabel(name, fontsize=9)
    axes[0].set_ylabel("objective", fontsize=8)
    figure.tight_layout()
    return figure


def _final_rows(results):
    plan = results.plan
    metric = str(plan["objective"].get("metric", "reach_per_message"))
    table = plan["verification"]
    week = int(table["week"].max())
    return table[(table["metric"] == metric) & (table["week"] == week)], metric, week


def verification(results):
    """The final comparison on fresh worlds: each scenario's paired difference to the baseline in
    the objective's metric, with its 90% band."""
    rows, metric, week = _final_rows(results)
    rows = rows.iloc[1:]
    figure, axis = plt.subplots(figsize=(6.8, 0.5 * len(rows) + 1.4))
    y = np.arange(len(rows))[::-1]
    colours = [BEST if s == "best" else OTHER for s in rows["scenario"]]
    axis.errorbar(rows["diff_pct_mean"], y,
                  xerr=[rows["diff_pct_mean"] - rows["diff_pct_p05"],
                        rows["diff_pct_p95"] - rows["diff_pct_mean"]],
                  fmt="none", ecolor="#969696", lw=1.2)
    axis.scatter(rows["diff_pct_mean"], y, color=colours, s=40, zorder=3)
    axis.axvline(0.0, color="#525252", lw=1)
    axis.set_yticks(y, [str(s) for s in rows["scenario"]], fontsize=8)
    axis.set_xlabel(f"{metric} at week {week} against the baseline (%, 90% band of worlds)",
                    fontsize=8)
    figure.tight_layout()
    return figure


def all_figures(results):
    return [
        ("history", "The search: each candidate's objective and the best so far", history(results)),
        ("tradeoff", "Objective against toxic exposure: the trade-off front", tradeoff(results)),
        ("decisions", "Each free decision against the objective", decisions(results)),
        ("verification", "The best plan and the hand-written strategies on fresh worlds",
         verification(results)),
    ]


def best_text(results) -> str:
    plan = results.plan
    best = plan["history"].loc[plan["best"]]
    return (f"<p><b>{html.escape(str(best['description']))}</b>: {_objective_label(plan)} "
            f"{best['objective']:.4g} against {plan['baseline']['objective']:.4g} for the "
            f"baseline on the search's worlds (candidate {plan['best']}). On "
            f"{int(results.attributes.get('verify_worlds', 0))} fresh worlds: "
            f"{plan['fresh']['fresh_objective']:.4g} against "
            f"{plan['fresh']['fresh_baseline_objective']:.4g}, "
            f"{plan['fresh']['fresh_difference_pct']:+.1f}% world by world, better in "
            f"{100 * plan['fresh']['fresh_p_better']:.0f}% of them.</p>"
            f"<pre>{html.escape(plan['best_scenario'])}</pre>")


def candidates_table(results, count: int = 10) -> str:
    plan = results.plan
    h = plan["history"]
    higher = int(plan["objective"].get("higher_is_better", 1)) == 1
    order = h.sort_values(["feasible", "objective"], ascending=[False, not higher]).head(count)
    rows = "".join(
        f"<tr><td>{i}</td><td>{r['objective']:.4g}</td><td>{r['difference_pct']:+.1f}%</td>"
        f"<td>{r['p_better']:.2f}</td><td>{'yes' if r['feasible'] else 'no'}</td>"
        f"<td>{html.escape(str(r['description']))}</td></tr>" for i, r in order.iterrows())
    return ("<table><tr><th>#</th><th>objective</th><th>vs baseline</th><th>P(better)</th>"
            "<th>feasible</th><th>plan</th></tr>" + rows + "</table>")


def verification_table(results) -> str:
    rows, metric, week = _final_rows(results)
    cells = []
    for _, r in rows.iterrows():
        difference = ("" if r["scenario"] == rows["scenario"].iloc[0] else
                      f"{r['diff_pct_mean']:+.1f}% [{r['diff_pct_p05']:+.1f}, "
                      f"{r['diff_pct_p95']:+.1f}]")
        cells.append(f"<tr><td>{html.escape(str(r['scenario']))}</td><td>{r['mean']:.4g}</td>"
                     f"<td>{difference}</td><td>{r['p_better']:.2f}</td>"
                     f"<td>{r['p_best']:.2f}</td><td>{int(r['tier'])}</td>"
                     f"<td>{html.escape(str(r['verdict']))}</td></tr>")
    return (f"<p>{html.escape(metric)} at week {week}, "
            f"{int(results.attributes.get('verify_worlds', 0))} worlds the search did not see "
            f"(seed {int(results.attributes.get('verify_seed', 0))}).</p><table><tr><th>scenario"
            "</th><th>mean</th><th>vs baseline (90%)</th><th>P(better)</th><th>P(best)</th>"
            "<th>tier</th><th>verdict</th></tr>"
            + "".join(cells) + "</table>")


def describe(results) -> str:
    a = results.attributes
    return ("<p>Plan file " + html.escape(str(a.get("plan_file", ""))) + ", base scenario " +
            html.escape(str(a.get("base", ""))) + ", seed " + html.escape(str(a.get("seed", "")))
            + f", {int(a.get('worlds', 0))} worlds per candidate; stopped: "
            + html.escape(str(a.get("stopped", ""))) + ".</p>")
