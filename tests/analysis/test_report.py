"""The HTML report built from a real `trek compare` run: every figure exists and shows data, the
page loads nothing from outside, and the numbers of its table are those of the HDF5 file."""

import html.parser
import json
import os
import re
import shutil

import h5py
import matplotlib.image
import numpy as np
import pytest

from conftest import ROOT, run, trek_binary

import report_tables

FIGURES = {"differences", "reach_over_time", "follower_shift", "audience_shift", "crisis_reach",
           "crisis_messages",
           "opinion_makers", "toxic_exposure"}


class Page(html.parser.HTMLParser):
    """Collects every tag with its attributes, and the text of each table cell."""

    def __init__(self):
        super().__init__()
        self.tags, self.cells, self._cell = [], [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "td":
            self._cell = {"attributes": attributes, "text": ""}

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.cells.append(self._cell)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data


def parse(folder):
    page = Page()
    with open(os.path.join(folder, "index.html"), encoding="utf-8") as text:
        page.feed(text.read())
    return page


def check_report_folder(folder, names):
    """A report's figures are `names`, each draws data in PNG (more than 20 colours) and SVG,
    and its page loads nothing from outside; returns the parsed page."""
    with open(os.path.join(folder, "figures.json"), encoding="utf-8") as manifest:
        figures = json.load(manifest)
    assert {f["name"] for f in figures} == set(names)
    for figure in figures:
        assert figure["data_points"] > 0, figure["name"]
        pixels = matplotlib.image.imread(os.path.join(folder, figure["png"]))
        assert len(np.unique(pixels.reshape(-1, pixels.shape[-1]).round(2), axis=0)) > 20
        assert os.path.getsize(os.path.join(folder, figure["svg"])) > 1000
    page = parse(folder)
    for tag, attributes in page.tags:
        for name in ("src", "href"):
            if name in attributes:
                assert attributes[name].startswith(("data:", "#")), f"<{tag} {name}>"
    return page


def test_every_figure_exists_and_shows_data(compare_report):
    with open(os.path.join(compare_report, "figures.json"), encoding="utf-8") as manifest:
        figures = json.load(manifest)
    assert {f["name"] for f in figures} == FIGURES
    for figure in figures:
        assert figure["data_points"] > 0, figure["name"]
        assert os.path.getsize(os.path.join(compare_report, figure["svg"])) > 1000
        pixels = matplotlib.image.imread(os.path.join(compare_report, figure["png"]))
        colours = np.unique(pixels.reshape(-1, pixels.shape[-1]).round(2), axis=0)
        assert len(colours) > 20, figure["name"]  # more than axes on a white page
    images = [a for tag, a in parse(compare_report).tags if tag == "img"]
    assert len(images) == len(FIGURES)
    assert all(a["src"].startswith("data:image/png;base64,") for a in images)


def test_page_loads_nothing_from_outside(compare_report):
    page = parse(compare_report)
    for tag, attributes in page.tags:
        for name in ("src", "href", "data", "action", "poster"):
            if name in attributes:
                value = attributes[name]
                if tag == "a" and attributes.get("class") == "doc":
                    # A link the reader may follow to the project's own docs, never loaded: a
                    # relative path to a local file, not a web address.
                    assert "://" not in value and value.split("#")[0].endswith(".md"), value
                    continue
                assert value.startswith(("data:", "#")), f"<{tag} {name}={value[:60]}>"
        assert tag not in ("link", "iframe", "object", "embed"), tag
    with open(os.path.join(compare_report, "index.html"), encoding="utf-8") as text:
        source = text.read()
    style = re.search(r"<style>(.*?)</style>", source, re.S).group(1)
    assert "url(" not in style and "@import" not in style
    for script in re.findall(r"<script([^>]*)>", source):
        assert "src" not in script


def test_table_numbers_equal_the_file(compare_file, compare_report):
    with h5py.File(compare_file, "r") as f:
        group = f["comparison"]
        scenarios = [s.decode() for s in group["scenarios"][()]]
        metrics = [m.decode() for m in group["metrics"][()]]
        weeks = list(group["weeks"][()])
        level, difference = group["level"][()], group["difference"][()]
    cells = [c for c in parse(compare_report).cells if "data-metric" in c["attributes"]]
    shown = len(report_tables.SHOWN_METRICS)
    assert len(cells) == len(weeks) * len(scenarios) * shown
    for index, cell in enumerate(cells):
        w, rest = divmod(index, len(scenarios) * shown)
        s = rest // shown
        a = cell["attributes"]
        m = metrics.index(a["data-metric"])
        np.testing.assert_array_equal(
            [float(a["data-mean"]), float(a["data-p05"]), float(a["data-p95"])], level[s, w, m])
        assert cell["text"].startswith(report_tables.number(level[s, w, m, 0]))
        if s == 0:
            assert "baseline" in cell["text"] and "data-diff-mean" not in a
        else:
            np.testing.assert_array_equal(
                [float(a["data-diff-mean"]), float(a["data-diff-p05"]),
                 float(a["data-diff-p95"])], difference[s, w, m])
            assert report_tables.signed(difference[s, w, m, 0]) in cell["text"]


def test_a_run_file_gives_a_report_of_levels(run_file, tmp_path):
    done = run([trek_binary(), "report", run_file, "-o", str(tmp_path), "--quiet"])
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    cells = [c for c in parse(str(tmp_path)).cells if "data-metric" in c["attributes"]]
    assert len(cells) == 2 * len(report_tables.SHOWN_METRICS)  # weeks 13 and 14, one scenario
    with h5py.File(run_file, "r") as f:
        reach = f["observables/reach_per_message/value"][:, 14]
    last_reach = [c for c in cells if c["attributes"]["data-metric"] == "reach_per_message"][-1]
    assert float(last_reach["attributes"]["data-mean"]) == pytest.approx(reach.mean())
    # Every number is the one trek computed and stored in /summary, not recomputed here.
    with h5py.File(run_file, "r") as f:
        metrics = [m.decode() for m in f["summary/metrics"][()]]
        level = f["summary/level"][()]
    for index, cell in enumerate(cells):
        w, metric = divmod(index, len(report_tables.SHOWN_METRICS))
        m = metrics.index(cell["attributes"]["data-metric"])
        assert float(cell["attributes"]["data-mean"]) == level[0, w, m, 0]
        assert float(cell["attributes"]["data-p95"]) == level[0, w, m, 2]


def test_bad_files_get_one_line_and_exit_code_2(compare_file, tmp_path):
    not_hdf5 = tmp_path / "text.h5"
    not_hdf5.write_text("not hdf5")
    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as f:
        f.attrs["format"] = "trek-cascade"
    newer = tmp_path / "newer.h5"
    shutil.copy(compare_file, newer)
    with h5py.File(newer, "r+") as f:
        f.attrs["version"] = np.uint64(99)
    cases = {str(not_hdf5): "not an HDF5 file", str(other): "not a Trek results file",
             str(newer): "version 99 is not supported", str(tmp_path / "none.h5"): "does not exist"}
    for path, expected in cases.items():
        done = run([trek_binary(), "report", path, "-o", str(tmp_path / "out")])
        assert done.returncode == 2, path
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0] and path in lines[0], done.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_report_script_runs_alone(compare_file, tmp_path):
    done = run(["/usr/bin/python3", os.path.join(ROOT, "analysis", "report.py"), compare_file,
                "-o", str(tmp_path)])
    assert done.returncode == 0, done.stderr
    assert "8 figures" in done.stdout


def test_the_summary_cards_carry_the_files_verdicts(compare_file, compare_report):
    import trek_results
    page = parse(compare_report)
    cards = [a for tag, a in page.tags if tag == "div" and "card" in a.get("class", "").split()]
    with trek_results.load(compare_file) as results:
        week = max(results.weeks)
        table = results.summary[results.summary["week"] == week].set_index(["scenario", "metric"])
        expected = [n for n in results.scenarios[1:]]
        assert sorted(a["data-scenario"] for a in cards) == sorted(expected)
        for card in cards:
            row = table.loc[(card["data-scenario"], "reach_per_message")]
            assert card["data-verdict"] == row["verdict"]
        items = [a for tag, a in page.tags if tag == "li" and "data-diff-pct" in a]
        assert len(items) == 5 * len(expected), "a card lacks a metric line"
        # Each card's lines, by scenario and metric, equal the file's percent differences.
        text = open(os.path.join(compare_report, "index.html"), encoding="utf-8").read()
        for name in expected:
            card = re.search(r'<div class="card [a-z]+" data-scenario="%s".*?</div>' % re.escape(name),
                             text, re.S).group(0)
            for metric, value in re.findall(r'data-metric="([a-z_0-9]+)" data-diff-pct="([^"]+)"',
                                            card):
                assert float(value) == table.loc[(name, metric)]["diff_pct_mean"], (name, metric)
    assert any(tag == "meta" and a.get("name") == "viewport" for tag, a in page.tags)
    assert any(tag == "dl" and a.get("class") == "glossary" for tag, a in page.tags)


def test_the_summary_says_what_the_bands_cover(compare_report):
    text = open(os.path.join(compare_report, "index.html"), encoding="utf-8").read()
    # This comparison has no uncertain parameters: the bands are simulation noise alone, and
    # there is nothing to measure first.
    assert "simulation noise of 3 replicates alone" in text
    assert "measure <b>" not in text
    assert report_tables.parameter_label("platforms.x.feed_reach") == "X feed reach"
    assert report_tables.parameter_label("model.memory_weeks") == "model memory weeks"


def test_the_assumptions_are_model_parameters_counted_up_front(compare_report):
    page = parse(compare_report)
    keys = [a["data-key"] for tag, a in page.tags if tag == "tr" and "data-key" in a]
    assert keys, "no parameter rows"
    for key in keys:
        last = key.split(".")[-1]
        assert last not in ("name", "description", "extends", "type", "week", "baseline"), key
        assert not key.startswith(("simulation.", "output.", "population.")), key
    counts = [a for tag, a in page.tags if tag == "p" and a.get("class") == "counts"]
    assert len(counts) == 1
    total = sum(int(counts[0][k]) for k in ("data-sourced", "data-calibrated", "data-assumption"))
    assert total == len(keys)  # one row per value of each file, as counted
    kinds = {a.get("class") for tag, a in page.tags if tag == "tr" and "data-key" in a}
    assert kinds <= {"sourced", "calibrated", "assumption"} and "sourced" in kinds


def test_each_parameter_links_to_its_section_of_the_calibration_doc(compare_report):
    import calibration_links

    with open(os.path.join(compare_report, "index.html"), encoding="utf-8") as text:
        rows = re.findall(r'<tr class="\w+" data-key="([^"]+)">(.*?)</tr>', text.read())
    assert rows
    doc = os.path.join(ROOT, "docs", "calibration.md")
    with open(doc, encoding="utf-8") as text:
        anchors = {calibration_links.slug(h) for h in calibration_links.headings(text.read())}
    linked = {}
    for key, cells in rows:
        found = re.search(r'<a class="doc" href="([^"#]+)#([^"]+)">', cells)
        assert found, f"{key} has no link to docs/calibration.md"
        target = os.path.normpath(os.path.join(compare_report, found.group(1)))
        assert target == os.path.normpath(doc), found.group(1)
        assert found.group(2) in anchors, found.group(2)
        linked[key] = found.group(2)
    # Each kind of parameter goes to the section that documents it.
    assert linked["platforms.x.churn"] == "x"
    assert linked["platforms.x.feed_reach"] == "reach-of-the-citys-messages"
    assert linked["platforms.tiktok.initial_account"] == "tiktok-youtube"
    assert linked["platforms.instagram.initial_follows"] == "facebook-instagram-linkedin"
    assert linked["model.memory_weeks"].startswith("model-options")


def test_calibration_links_follow_the_documents_headings(tmp_path):
    import calibration_links

    doc = tmp_path / "docs" / "calibration.md"
    doc.parent.mkdir()
    doc.write_text("# Title\n## Model options\n### Pinterest, X\n### Reach\n"
                   "## Priors (`p.toml`)\n", encoding="utf-8")
    links = calibration_links.CalibrationLinks(str(tmp_path / "out"), doc)
    assert links.section("platforms.pinterest.churn", "0.1") == "Pinterest, X"
    assert links.section("platforms.x.churn", "0.1") == "Pinterest, X"
    assert links.section("platforms.x.reshare_media", "0.1") == "Reach"
    assert links.section("platforms.x.churn", "{ uniform = [0, 1] }") == "Priors (`p.toml`)"
    assert links.section("platforms.mastodon.churn", "0.1") is None
    assert 'href="../docs/calibration.md#priors-ptoml"' in links.html("model.x", "{ beta = [1, 2] }")
    assert calibration_links.CalibrationLinks(str(tmp_path), tmp_path / "absent.md").html(
        "platforms.x.churn", "0.1") == ""
