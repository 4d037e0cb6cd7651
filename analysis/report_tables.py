"""Tables of the Trek report: the decision table, single-message reach and the assumptions.

Each function returns HTML text. Numbers shown are also carried, unrounded, in data-* attributes,
so that a test can compare the page with the HDF5 file cell by cell.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

SHOWN_METRICS = [
    ("reach_per_message", "reach per message"),
    ("week_reach", "reached in a week of posts"),
    ("within_1h", "within 1 h"),
    ("within_24h", "within 24 h"),
    ("crisis_1h", "crisis message within 1 h"),
    ("opinion_makers", "opinion makers"),
    ("citizens", "citizens"),
    ("toxic_exposure", "toxic exposure"),
    ("engagements", "engagements"),
    ("followers", "followers"),
]


def parameter_label(key: str) -> str:
    """A reader's name for a scenario key: "platforms.x.feed_reach" -> "X feed reach",
    "events.1.share" -> "event 1 share", "model.memory_weeks" -> "model memory weeks"."""
    parts = key.split(".")
    if len(parts) == 3 and parts[0] in ("platforms", "strategy"):
        return ("X" if parts[1] == "x" else parts[1].capitalize()) + " " + parts[2].replace("_", " ")
    if len(parts) == 3 and parts[0] == "events" and parts[1].isdigit():
        return f"event {parts[1]} {parts[2].replace('_', ' ')}"
    return " ".join(part.replace("_", " ") for part in parts)


def decision_drivers(results, count: int = 5) -> list[str]:
    """The parameters whose exact value is worth most for reach per message (EVPPI > 0), best
    first; empty without worlds."""
    if results.evppi is None:
        return []
    reach = results.evppi[(results.evppi["metric"] == "reach_per_message") &
                          (results.evppi["value"] > 0)]
    return list(reach.sort_values("value", ascending=False, kind="stable")["parameter"][:count])


def number(value: float) -> str:
    """How the page prints a count of agents: thousands separated, no decimals below 10^4."""
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:.1f}"


def signed(value: float) -> str:
    text = number(value)
    return text if text.startswith("-") else "+" + text


def _cell(row, is_baseline: bool) -> str:
    level = f"{number(row['mean'])} <small>[{number(row['p05'])}, {number(row['p95'])}]</small>"
    attributes = (f'data-metric="{row["metric"]}" data-mean="{float(row["mean"])!r}" '
                  f'data-p05="{float(row["p05"])!r}" data-p95="{float(row["p95"])!r}"')
    if is_baseline or np.isnan(row["diff_mean"]):
        difference = '<div class="diff">baseline</div>' if is_baseline else ""
    else:
        attributes += (f' data-diff-mean="{float(row["diff_mean"])!r}" data-diff-p05="{float(row["diff_p05"])!r}"'
                       f' data-diff-p95="{float(row["diff_p95"])!r}"')
        difference = (f'<div class="diff">{signed(row["diff_mean"])} '
                      f'<small>[{signed(row["diff_p05"])}, {signed(row["diff_p95"])}]</small></div>')
    return f"<td {attributes}>{level}{difference}</td>"


def decision_table(table: pd.DataFrame, scenarios: list[str], baseline: str | None,
                   months: dict[int, float]) -> str:
    """One table per report week: rows scenarios, cells mean [90% band] and the difference.

    `months` gives the month of each week, as trek wrote it."""
    parts = []
    for week in sorted(table["week"].unique()):
        month = months[int(week)]
        parts.append(f'<h3>Week {week} (month {month:.0f})</h3>'
                     f'<table class="decision" data-week="{week}"><tr><th>scenario</th>')
        parts += [f"<th>{label}</th>" for _, label in SHOWN_METRICS]
        parts.append("</tr>")
        at_week = table[table["week"] == week].set_index(["scenario", "metric"])
        for name in scenarios:
            parts.append(f'<tr data-scenario="{html.escape(name)}"><th>{html.escape(name)}</th>')
            for metric, _ in SHOWN_METRICS:
                row = at_week.loc[(name, metric)].copy()
                row["metric"] = metric
                parts.append(_cell(row, name == baseline))
            parts.append("</tr>")
        parts.append("</table>")
    return "\n".join(parts)


def message_table(messages: pd.DataFrame, week: int) -> str:
    """Reach of single messages at `week`: mean and quantiles across messages and replicates."""
    at_week = messages[messages["week"] == week]
    statistics = [c for c in messages.columns if c not in ("scenario", "week")]
    parts = ['<table class="messages"><tr><th>scenario</th>']
    parts += [f"<th>{s}</th>" for s in statistics]
    parts.append("</tr>")
    for _, row in at_week.iterrows():
        parts.append(f'<tr><th>{html.escape(row["scenario"])}</th>')
        parts += [f'<td data-{s}="{float(row[s])!r}">{number(row[s])}</td>' for s in statistics]
        parts.append("</tr>")
    parts.append("</table>")
    return "\n".join(parts)


_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?")
_SETTING = re.compile(r"^\s*([A-Za-z0-9_.\"-]+)\s*=\s*(.*)$")


def _split_comment(text: str) -> tuple[str, str]:
    """Value and comment of a TOML line (a # inside a string is not a comment)."""
    quoted = False
    for i, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == "#" and not quoted:
            return text[:i].strip(), text[i + 1:].strip()
    return text.strip(), ""


def settings(text: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The leading comment of a scenario file and its (key, value, note) lines, as written."""
    lines = text.splitlines()
    heading = []
    for line in lines:
        if not line.startswith("#"):
            break
        heading.append(line.lstrip("# ").rstrip())
    rows, table = [], ""
    for line in lines:
        if line.lstrip().startswith("#"):
            continue
        match = _TABLE.match(line)
        if match:
            table = match.group(1)
            continue
        match = _SETTING.match(line)
        if match:
            value, note = _split_comment(match.group(2))
            key = f"{table}.{match.group(1)}" if table else match.group(1)
            rows.append((key, value, note))
    return " ".join(heading), rows


# Tables and keys that are not model parameters: the run's set-up, names, event kinds and timing
# (the organisation's choices, not assumptions about the world).
_NOT_PARAMETERS_TABLES = ("simulation", "population", "output", "reach")
_NOT_PARAMETERS_KEYS = {"name", "description", "extends", "baseline", "kind", "type", "platform",
                        "week", "weeks", "targets", "segments", "present", "organisation",
                        "graph", "influence", "contagion", "posts_per_week"}
_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


def is_model_parameter(key: str, value: str) -> bool:
    """A numeric value or a distribution of the model, not a name, a choice or the run's set-up."""
    parts = key.split(".")
    if parts[0] in _NOT_PARAMETERS_TABLES or parts[-1] in _NOT_PARAMETERS_KEYS:
        return False
    return bool(_NUMBER.match(value)) or value.startswith("{")


def source_kind(note: str) -> str:
    """"calibrated", "assumption" or "sourced", as the note beside the value says."""
    lowered = note.lower()
    if "calibrated" in lowered:
        return "calibrated"
    if not note or "assumption" in lowered:
        return "assumption"
    return "sourced"


def settings_table(rows, drivers=(), links=None) -> str:
    """The model parameters among `rows`; those in `drivers` (what drives the decision) marked;
    with `links` (calibration_links.CalibrationLinks), each note links to its section of
    docs/calibration.md."""
    parts = ['<table class="settings"><tr><th>parameter</th><th>value</th><th>kind</th>'
             '<th>source or note (docs/calibration.md has every default)</th></tr>']
    for key, value, note in rows:
        if not is_model_parameter(key, value):
            continue
        kind = source_kind(note)
        mark = ' <b title="drives the decision">drives the decision</b>' if key in drivers else ""
        doc = links.html(key, value) if links else ""
        doc = f" ({doc})" if doc and note else doc
        parts.append(f'<tr class="{kind}" data-key="{html.escape(key)}"><td><code>{html.escape(key)}'
                     f"</code>{mark}</td><td><code>{html.escape(value)}</code></td><td>{kind}</td>"
                     f"<td>{html.escape(note)}{doc}</td></tr>")
    parts.append("</table>")
    return "\n".join(parts)


def plain_settings_table(rows) -> str:
    """Every (key, value, note) as written (a sweep file's settings)."""
    parts = ['<table class="settings"><tr><th>key</th><th>value</th><th>note</th></tr>']
    for key, value, note in rows:
        parts.append(f"<tr><td><code>{html.escape(key)}</code></td>"
                     f"<td><code>{html.escape(value)}</code></td><td>{html.escape(note)}</td></tr>")
    parts.append("</table>")
    return "\n".join(parts)


def parameter_counts(rows) -> dict:
    """How many model parameters among `rows` are sourced, calibrated and assumptions."""
    counts = {"sourced": 0, "calibrated": 0, "assumption": 0}
    for key, value, note in rows:
        if is_model_parameter(key, value):
            counts[source_kind(note)] += 1
    return counts
