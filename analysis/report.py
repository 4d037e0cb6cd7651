#!/usr/bin/python3
"""Trek report: one self-contained HTML page (figures embedded, works offline) from a results file.

    /usr/bin/python3 analysis/report.py results/ghent.h5 -o results/ghent-report/
    trek report results/ghent.h5 -o results/ghent-report/        (the same)

Writes OUT/index.html, each figure as OUT/<name>.png and OUT/<name>.svg, and OUT/figures.json
(each figure's file names and the number of data points it shows). Reads `trek compare` files
(the decision table with differences to the baseline) and `trek run` files (one scenario, levels
only). Exit codes: 0 done, 2 bad input (not a Trek file, unsupported version, unusable output).
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import calibration_links  # noqa: E402
import report_figures  # noqa: E402
import report_summary  # noqa: E402
import report_plan  # noqa: E402
import report_posterior  # noqa: E402
import report_sweep  # noqa: E402
import report_tables  # noqa: E402
import trek_results  # noqa: E402

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 0.8em; max-width: 1400px;
       color: #222; }
.scroll { overflow-x: auto; max-width: 100%; }
.cards { display: flex; flex-wrap: wrap; gap: 0.8em; margin: 0.8em 0 1.2em; }
.card { border: 1px solid #ccc; border-left: 6px solid #999; border-radius: 4px;
        padding: 0.4em 0.9em; flex: 1 1 16em; max-width: 26em; }
.card.better { border-left-color: #1a7f37; }
.card.worse { border-left-color: #b42318; }
.card h3 { margin: 0.3em 0; font-size: 1.05em; }
.card ul { padding-left: 1.1em; margin: 0.3em 0; font-size: 0.9em; }
.verdict { font-weight: bold; margin: 0.2em 0; }
.lead { font-size: 1.1em; }
.warning { border-left: 4px solid #b42318; padding: 0.2em 0.8em; background: #fff4f2; }
dl.glossary dt { font-weight: bold; margin-top: 0.5em; }
dl.glossary dd { margin-left: 1.2em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.6em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
table.settings td { text-align: left; }
.diff { color: #555; font-size: 0.85em; }
tr.assumption td:nth-child(3) { color: #8a5a00; }
figure { margin: 1em 0 2em; }
figure img { max-width: 100%; }
code { font-size: 0.9em; }
"""

# Tells a browser check whether every figure decoded: sets data-images on <body>, and reports a
# broken image as a console error.
IMAGE_CHECK = """
window.addEventListener("load", () => {
  const images = Array.from(document.images);
  const broken = images.filter((i) => !i.complete || i.naturalWidth === 0);
  broken.forEach((i) => console.error("figure did not render: " + i.alt));
  document.body.dataset.images = (images.length - broken.length) + "/" + images.length;
  // Whether the page fits its viewport (no sideways scrolling of the page itself; wide tables
  // scroll inside their own box).
  // "#width=N" lays the page out N px wide, as a narrower screen would (a browser window has a
  // smallest width; the CSS uses no viewport units or media queries, so this is the same layout).
  const root = document.documentElement;
  const asked = /width=(\d+)/.exec(location.hash);
  if (asked) root.style.width = asked[1] + "px";
  const width = asked ? Number(asked[1]) : root.clientWidth;
  // The right edge of every element outside a scroll box (inside one it is clipped there).
  let widest = 0;
  for (const element of document.body.querySelectorAll("*")) {
    if (element.parentElement.closest(".scroll")) continue;
    widest = Math.max(widest, Math.ceil(element.getBoundingClientRect().right));
  }
  document.body.dataset.fits = widest <= width + 1 ? "yes" : "no";
  document.body.dataset.pageWidth = widest + "/" + width;
});
"""


def figure_html(stem: str, title: str, png: bytes) -> str:
    encoded = base64.b64encode(png).decode("ascii")
    return (f'<figure id="{stem}"><h3>{html.escape(title)}</h3>'
            f'<img alt="{html.escape(title)}" src="data:image/png;base64,{encoded}">'
            f"<figcaption>Also as {stem}.png and {stem}.svg beside this page.</figcaption></figure>")


def save_figures(figures, folder: str):
    """Saves PNG and SVG of each (stem, title, figure); returns (html parts, manifest)."""
    parts, manifest = [], []
    for stem, title, figure in figures:
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=110)
        png = buffer.getvalue()
        with open(os.path.join(folder, stem + ".png"), "wb") as out:
            out.write(png)
        figure.savefig(os.path.join(folder, stem + ".svg"), format="svg")
        manifest.append({"name": stem, "title": title, "png": stem + ".png", "svg": stem + ".svg",
                         "data_points": report_figures.data_points(figure)})
        report_figures.plt.close(figure)
        parts.append(figure_html(stem, title, png))
    return parts, manifest


def assumptions_html(results, links=None) -> str:
    """The counts up front, then each scenario's own model parameters and the shared base files
    once, each value with its kind and note and a link to where docs/calibration.md documents it;
    the parameters that drive the decision marked."""
    drivers = report_tables.decision_drivers(results)
    parts, shown_bases, all_rows = [], [], []
    for name in results.scenarios:
        run = results.runs[name]
        sources = run.scenario_sources()
        if not sources:
            continue
        heading, rows = report_tables.settings(sources[0][1])
        all_rows += rows
        parts.append(f"<h3>{html.escape(results.labels.get(name, name))} "
                     f"(<code>{html.escape(sources[0][0])}</code>)</h3>")
        if heading:
            parts.append(f"<p>{html.escape(heading)}</p>")
        if any(report_tables.is_model_parameter(k, v) for k, v, _ in rows):
            parts.append(report_tables.settings_table(rows, drivers, links))
        else:
            parts.append("<p>No model parameter of its own: it changes only the organisation's "
                         "choices.</p>")
        shown_bases += [s for s in sources[1:] if s[0] not in [b[0] for b in shown_bases]]
    for path, text in shown_bases:
        heading, rows = report_tables.settings(text)
        all_rows += rows
        parts.append(f"<h3>Base: <code>{html.escape(path)}</code></h3><p>{html.escape(heading)}</p>")
        counted = sum(report_tables.parameter_counts(rows).values())
        parts.append(f"<details><summary>{counted} model parameters with their sources</summary>"
                     f"{report_tables.settings_table(rows, drivers, links)}</details>")
    counts = report_tables.parameter_counts(all_rows)
    summary = (f'<p class="counts" data-sourced="{counts["sourced"]}" '
               f'data-calibrated="{counts["calibrated"]}" data-assumption="{counts["assumption"]}">'
               f"Of the {sum(counts.values())} model values in these files, {counts['sourced']} "
               f"have a source, {counts['calibrated']} "
               f"{'is' if counts['calibrated'] == 1 else 'are'} calibrated to data and "
               f"{counts['assumption']} are assumptions (docs/calibration.md gives each its "
               f"source or prior).")
    if drivers:
        summary += (" Marked <b>drives the decision</b>: the parameters whose exact value would "
                    "most change the choice (" + ", ".join(f"<code>{html.escape(d)}</code>"
                                                        for d in drivers) + ").")
    return summary + "</p>\n" + "\n".join(parts)


def provenance_html(results) -> str:
    first = results.runs[results.scenarios[0]]
    attributes = results.attributes
    creator = attributes.get("creator", first.provenance.get("creator", ""))
    command = attributes.get("command_line", first.provenance.get("command_line", ""))
    rows = [("file", results.path), ("command", command), ("trek", creator),
            ("master seed", first.provenance.get("master_seed", "")),
            ("replicates", first.parameters.get("replicates", "")),
            ("weeks", first.parameters.get("weeks", "")),
            ("agents", first.parameters.get("agents", "")),
            ("start date", first.parameters.get("start_date", "")),
            ("report", "analysis/report.py " + " ".join(sys.argv[1:]))]
    body = "".join(f"<tr><th>{html.escape(k)}</th><td><code>{html.escape(str(v))}</code></td></tr>"
                   for k, v in rows)
    return f'<table class="provenance">{body}</table>'


def page(results, figures: list[str], table, week: int, links=None) -> str:
    title = f"Trek report: {os.path.basename(results.path)}"
    baseline = results.baseline
    intro = (f"Baseline: <b>{html.escape(baseline)}</b>. Cells: mean across replicates "
             f"[90% band]; below, the difference to the baseline, paired replicate by replicate "
             f"(common random numbers) [90% band]." if baseline else
             "One scenario: mean across replicates [90% band].")
    messages = ""
    if results.message_reach is not None:
        messages = ("<h2>Reach of single messages</h2><p>Week "
                    f"{week}: agents reached by one message, across every simulated message of "
                    "every replicate.</p><div class=\"scroll\">"
                    + report_tables.message_table(results.message_reach, week) + "</div>")
    table_html = report_tables.decision_table(table, results.scenarios, baseline,
                                              dict(zip(results.weeks, results.months)))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{STYLE}</style></head>
<body>
<h1>{html.escape(title)}</h1>
{report_summary.summary_html(results, week)}
<h2>Decision table</h2>
<p>{intro} Counts are agents per message unless said otherwise (terms: <a href="#glossary">glossary</a>).</p>
<div class="scroll">{table_html}</div>
{messages}
<h2>Figures</h2>
{"".join(figures)}
<h2>Assumptions</h2>
<p>The model's parameters as the scenario files set them: the comment beside a value gives its
source; names, the organisation's choices and the run's set-up are left out.</p>
<div class="scroll">{assumptions_html(results, links)}</div>
{report_summary.glossary_html()}
<h2>How this was made</h2>
<div class="scroll">{provenance_html(results)}</div>
<script>{IMAGE_CHECK}</script>
</body></html>
"""


def simple_page(title: str, body: str) -> str:
    """A self-contained page: the title as heading, then `body` (the sweep and calibration
    reports; the comparison's page has its own layout)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{STYLE}</style></head>
<body>
<h1>{html.escape(title)}</h1>
{body}
<script>{IMAGE_CHECK}</script>
</body></html>
"""


def sweep_page(results, figures: list[str]) -> str:
    return simple_page(f"Trek sweep report: {os.path.basename(results.path)}",
                       f"""<h2>Sensitivity</h2>
<div class="scroll">{report_sweep.sensitivity_table(results)}</div>
<h2>Figures</h2>
{"".join(figures)}
<h2>The sweep</h2>
{report_sweep.describe(results)}""")


def posterior_page(results, figures: list[str]) -> str:
    return simple_page(f"Trek calibration report: {os.path.basename(results.path)}",
                       f"""<h2>Free parameters</h2>
<div class="scroll">{report_posterior.parameter_table(results)}</div>
<h2>Figures</h2>
{"".join(figures)}
<h2>Generations</h2>
<div class="scroll">{report_posterior.diagnostics_table(results)}</div>
{report_posterior.describe(results)}""")


def plan_page(results, figures: list[str]) -> str:
    return simple_page(f"Trek plan report: {os.path.basename(results.path)}",
                       f"""<h2>The best plan</h2>
{report_plan.best_text(results)}
<h2>Against the baseline and the hand-written strategies</h2>
<div class="scroll">{report_plan.verification_table(results)}</div>
<h2>Figures</h2>
{"".join(figures)}
<h2>The best candidates of the search</h2>
<div class="scroll">{report_plan.candidates_table(results)}</div>
{report_plan.describe(results)}""")


def write_page(folder: str, text: str, manifest) -> None:
    # The page is written under a temporary name and renamed: a killed report leaves no half page.
    handle, temporary = tempfile.mkstemp(prefix=".index.html.", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(temporary, 0o644)
    os.replace(temporary, os.path.join(folder, "index.html"))
    with open(os.path.join(folder, "figures.json"), "w", encoding="utf-8") as out:
        json.dump(manifest, out, indent=1)


def write_report(path: str, folder: str) -> dict:
    """Builds the report of `path` in `folder`; returns the manifest."""
    with trek_results.load(path) as results:
        if results.kind == "posterior":
            os.makedirs(folder, exist_ok=True)
            figures, manifest = save_figures(report_posterior.all_figures(results), folder)
            write_page(folder, posterior_page(results, figures), manifest)
            return {"figures": manifest, "page": os.path.join(folder, "index.html")}
        if results.kind == "plan":
            os.makedirs(folder, exist_ok=True)
            figures, manifest = save_figures(report_plan.all_figures(results), folder)
            write_page(folder, plan_page(results, figures), manifest)
            return {"figures": manifest, "page": os.path.join(folder, "index.html")}
        if results.kind == "sweep":
            if results.sweep.empty:
                raise trek_results.TrekFileError(f"{path}: no point of the sweep is done")
            os.makedirs(folder, exist_ok=True)
            figures, manifest = save_figures(report_sweep.all_figures(results), folder)
            write_page(folder, sweep_page(results, figures), manifest)
            return {"figures": manifest, "page": os.path.join(folder, "index.html")}
        for name, run in results.runs.items():
            if "reach_per_message" not in run.observables:
                raise trek_results.TrekFileError(
                    f"{path}: scenario '{name}' has no reach series (run with reach.posts > 0)")
        table = results.summary
        week = int(table["week"].max())
        os.makedirs(folder, exist_ok=True)
        figures, manifest = save_figures(report_figures.all_figures(results, week), folder)
        text = page(results, figures, table, week, calibration_links.CalibrationLinks(folder))
    write_page(folder, text, manifest)
    return {"figures": manifest, "page": os.path.join(folder, "index.html")}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="report.py", description=__doc__.splitlines()[0])
    parser.add_argument("results", help="a trek compare, run or sweep file (HDF5)")
    parser.add_argument("-o", "--output", required=True, help="folder for the page and figures")
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args(argv)
    try:
        done = write_report(args.results, args.output)
    except trek_results.TrekFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: {args.output}: {error.strerror}", file=sys.stderr)
        return 2
    except (KeyError, ValueError, IndexError, TypeError) as error:
        # trek checks the file's layout before it starts this script; what still fails here is
        # a file the checks cannot see into, and it is named in one line, not a traceback.
        print(f"error: {args.results}: damaged or not a Trek file ({error})", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - one line, never a traceback
        print(f"error: {args.results}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"report: {done['page']} ({len(done['figures'])} figures, PNG and SVG beside it)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
