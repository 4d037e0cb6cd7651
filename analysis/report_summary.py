"""The top of the Trek report: what to do and how sure it is, in plain language, and a glossary.

One card per strategy (its human name, its change against the baseline in percent with the 90%
band, the verdict with the probability of beating the baseline, its tier), the what-ifs apart;
then a few generated sentences and one on what the bands include and what to measure first.
Every number comes from the decision table trek wrote (/comparison); nothing is recomputed.
"""

from __future__ import annotations

import html

import pandas as pd

import report_tables

# The metrics a card shows, with how a sentence names them.
CARD_METRICS = [
    ("reach_per_message", "reach per message"),
    ("week_reach", "reached in a week of posts"),
    ("within_1h", "reached within 1 h"),
    ("opinion_makers", "opinion makers reached"),
    ("toxic_exposure", "toxic-reply exposure (lower is better)"),
]

GLOSSARY = [
    ("agent", "one simulated person: one of the organisation's followers on X at the start, with "
              "their accounts on every platform"),
    ("world (replicate)", "one possible future: one draw of every uncertain parameter from its "
                          "prior and of every random event; every scenario is run in the same "
                          "worlds, so their differences are free of luck"),
    ("90% band", "the range that holds 90% of the worlds: 5% lie below it and 5% above"),
    ("paired difference", "a strategy's value minus the baseline's in the same world, world by "
                          "world; its band is narrower than the two levels' bands suggest"),
    ("P(better)", "the share of worlds in which the strategy beats the baseline"),
    ("verdict", "better when P(better) is at least 0.9, worse when at most 0.1, otherwise no "
                "clear difference"),
    ("tier", "strategies not clearly worse than the best one share its tier (tier 1 is the "
             "best); a tier replaces a strict ranking where differences are not clear"),
    ("regret", "in each world, how far the strategy falls behind that world's best strategy, "
               "averaged over the worlds (agents)"),
    ("reach per message", "agents shown one message posted on every platform the strategy uses, "
                          "each agent counted once"),
    ("week of posts", "the organisation's real posting plan over one week (its posts per week on "
                      "each platform): agents reached at least once, and impressions (views)"),
    ("gain", "agents a platform reaches that no other platform reaches"),
    ("opinion makers", "media and politicians among the followers"),
    ("what-if", "an event the organisation does not choose (a toxicity escalation, a ban): shown "
                "apart, never ranked"),
]


def _percent(value: float) -> str:
    return f"{value:+.1f}%"


def _band(row) -> str:
    return f"{_percent(row['diff_pct_mean'])} [{row['diff_pct_p05']:+.1f}, {row['diff_pct_p95']:+.1f}]"


def _week_rows(results, week: int) -> pd.DataFrame:
    table = results.summary
    return table[table["week"] == week].set_index(["scenario", "metric"])


def _card(results, rows, name: str, is_strategy: bool) -> str:
    label = html.escape(results.labels.get(name, name))
    reach = rows.loc[(name, "reach_per_message")]
    verdict = str(reach["verdict"])
    css = {"better": "better", "worse": "worse"}.get(verdict, "unclear")
    lines = []
    for metric, text in CARD_METRICS:
        if (name, metric) not in rows.index:
            continue
        row = rows.loc[(name, metric)]
        lines.append(f'<li data-metric="{metric}" data-diff-pct="{float(row["diff_pct_mean"])!r}">'
                     f"{html.escape(text)}: <b>{_band(row)}</b></li>")
    tier = f"tier {int(reach['tier'])}" if is_strategy else "what-if, not ranked"
    return (f'<div class="card {css}" data-scenario="{html.escape(name)}" data-verdict="{verdict}">'
            f"<h3>{label}</h3>"
            f'<p class="verdict">{html.escape(verdict)} <small>P(better) '
            f'{float(reach["p_better"]):.2f} · {tier}</small></p>'
            f"<ul>{''.join(lines)}</ul></div>")


def _measure_first(results) -> str:
    drivers = report_tables.decision_drivers(results, 1)
    if not drivers:
        return ""
    key = drivers[0]
    value = results.evppi[(results.evppi["metric"] == "reach_per_message") &
                          (results.evppi["parameter"] == key)]["value"].item()
    return (f" What would most narrow the choice: measure "
            f"<b>{html.escape(report_tables.parameter_label(key))}</b> (<code>{html.escape(key)}</code>) "
            f"first; knowing it is worth {value:.0f} agents per message in expected reach.")


def _bands_sentence(results) -> str:
    run = results.runs[results.scenarios[0]]
    worlds = int(run.parameters.get("replicates", 0))
    if run.worlds is not None:
        uncertain = run.worlds.shape[1]
        return (f"The bands cover {worlds} worlds: simulation noise and the uncertainty of "
                f"{uncertain} parameters drawn from their priors (docs/calibration.md).")
    return (f"The bands cover the simulation noise of {worlds} replicates alone: every parameter is "
            "fixed, so they understate what is not known (run trek compare with --priors).")


def _sentences(results, rows, strategies: list[str], week: int, month: float) -> str:
    baseline = results.labels.get(results.baseline, results.baseline)
    others = [n for n in strategies if n != results.baseline]
    if not others:
        return ""
    best_tier = [n for n in strategies if int(rows.loc[(n, "reach_per_message")]["tier"]) == 1]
    names = lambda items: ", ".join(html.escape(results.labels.get(n, n)) for n in items)  # noqa: E731
    better = [n for n in others if rows.loc[(n, "reach_per_message")]["verdict"] == "better"]
    parts = []
    if better:
        top = max(better, key=lambda n: rows.loc[(n, "reach_per_message")]["diff_pct_mean"])
        effects = ", ".join(f"{text} {_percent(rows.loc[(top, m)]['diff_pct_mean'])}"
                            for m, text in CARD_METRICS[1:] if (top, m) in rows.index)
        parts.append(f"At month {month:.0f}, <b>{names([top])}</b> is the clear choice for reach: "
                     f"{_percent(rows.loc[(top, 'reach_per_message')]['diff_pct_mean'])} per message "
                     f"against {html.escape(baseline)} ({effects}).")
    else:
        parts.append(f"At month {month:.0f}, no strategy is clearly better than "
                     f"{html.escape(baseline)} in reach per message; the best tier holds "
                     f"{names(best_tier)}.")
    worst = min(others, key=lambda n: rows.loc[(n, "reach_per_message")]["diff_pct_mean"])
    if rows.loc[(worst, "reach_per_message")]["verdict"] == "worse":
        cost = f"{_percent(rows.loc[(worst, 'reach_per_message')]['diff_pct_mean'])} per message"
        if (worst, "week_reach") in rows.index:
            cost += f" and {_percent(rows.loc[(worst, 'week_reach')]['diff_pct_mean'])} of the agents a week of posts reaches"
        parts.append(f"{names([worst])} costs the most: {cost}.")
    unclear = [n for n in others if rows.loc[(n, "reach_per_message")]["verdict"] == "no clear difference"]
    if unclear:
        parts.append(f"No clear difference per message from {html.escape(baseline)}: {names(unclear)}.")
    weekly = [n for n in unclear if (n, "week_reach") in rows.index
              and rows.loc[(n, "week_reach")]["verdict"] == "worse"]
    if weekly:
        losses = ", ".join(f"{names([n])} {_percent(rows.loc[(n, 'week_reach')]['diff_pct_mean'])}"
                           for n in weekly)
        parts.append(f"Counted over a week of the real posting plan, where X's many posts weigh "
                     f"in, these reach clearly fewer agents: {losses}.")
    return " ".join(parts)


def summary_html(results, week: int) -> str:
    """The summary section of a comparison at report week `week` (empty for a run alone)."""
    if results.kind != "compare" or "verdict" not in results.summary.columns:
        return ""
    rows = _week_rows(results, week)
    month = dict(zip(results.weeks, results.months))[week]
    given = [n for n in results.scenarios if results.reference.get(n, results.baseline) == results.baseline
             or n == results.baseline]
    strategies = [n for n in given if results.kinds.get(n) == "strategy"]
    what_ifs = [n for n in given if results.kinds.get(n) == "what-if"]
    order = sorted(strategies, key=lambda n: (int(rows.loc[(n, "reach_per_message")]["tier"]),
                                              -float(rows.loc[(n, "reach_per_message")]["mean"])))
    cards = "".join(_card(results, rows, n, True) for n in order if n != results.baseline)
    baseline = html.escape(results.labels.get(results.baseline, results.baseline))
    apart = ""
    if what_ifs:
        apart = ("<h3>What-ifs: events the organisation does not choose</h3><div class=\"cards\">"
                 + "".join(_card(results, rows, n, False) for n in what_ifs) + "</div>")
    return (f'<section class="summary" data-week="{week}"><h2>In short</h2>'
            f'<p class="lead">{_sentences(results, rows, strategies, week, month)}</p>'
            f"<p>Each card: the change against <b>{baseline}</b> (the baseline) at month "
            f"{month:.0f}, in percent of the baseline, world by world, with its 90% band.</p>"
            f'<div class="cards">{cards}</div>{apart}'
            f'<p class="bands">{_bands_sentence(results)}{_measure_first(results)}</p></section>')


def glossary_html() -> str:
    body = "".join(f"<dt>{html.escape(term)}</dt><dd>{html.escape(meaning)}</dd>"
                   for term, meaning in GLOSSARY)
    return f'<h2 id="glossary">Glossary</h2><dl class="glossary">{body}</dl>'
