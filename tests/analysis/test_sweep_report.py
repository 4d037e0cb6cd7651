"""Sweep files in trek_results and the sweep report: tables that agree with the file, figures
that draw data, and a page that loads nothing from outside."""


import h5py

from conftest import run, trek_binary
from test_report import check_report_folder

import trek_results


def test_a_sweep_file_in_one_call(sweep_file):
    with trek_results.load(sweep_file) as results:
        assert results.kind == "sweep"
        assert results.parameters == ["events.1.share", "platforms.x.switching_cost"]
        assert results.metrics == ["reach_per_message", "followers"]
        assert len(results.sweep) == 64 * 2  # 16 Saltelli rows x (2 + 2) points, 2 replicates
        with h5py.File(sweep_file, "r") as f:
            outputs = f["sweep/outputs"][()]
            first = f["sensitivity/first_order"][()]
        row = results.sweep[(results.sweep.point == 5) & (results.sweep.replicate == 1)]
        assert row["followers"].item() == outputs[5, 1, 1]
        s = results.sensitivity
        picked = s[(s.metric == "followers") & (s.parameter == "events.1.share")]
        assert picked["first"].item() == first[1, 0, 0]
        assert picked["first_high"].item() == first[1, 0, 2]
        assert list(s.columns) == ["metric", "parameter", "first", "first_low", "first_high",
                                   "total", "total_low", "total_high"]


def test_the_sweep_report(sweep_file, tmp_path):
    done = run([trek_binary(), "report", sweep_file, "-o", str(tmp_path)])
    assert done.returncode == 0, done.stderr
    page = check_report_folder(str(tmp_path), ["sensitivity", "heatmap", "scatter"])
    with h5py.File(sweep_file, "r") as f:
        total = f["sensitivity/total"][()]
    cells = [c for c in page.cells if "data-total" in c["attributes"]]
    assert len(cells) == 4  # 2 outputs x 2 parameters
    assert float(cells[0]["attributes"]["data-total"]) == total[0, 0, 0]


def test_labels_indices_outside_the_unit_interval_and_the_morris_plane():
    import types

    import pandas as pd

    import report_figures
    import report_sweep
    assert report_sweep.label("platforms.x.feed_reach") == "X feed reach"
    assert report_sweep.label("events.1.share") == "event 1 share"
    table = pd.DataFrame(
        [("reach", "a", 1.05, 0.98, 1.12, 0.5, 0.4, 0.6),     # outside, within its interval
         ("reach", "b", 1.30, 1.10, 1.50, 1.2, 1.1, 1.4),     # outside beyond its interval (twice)
         ("reach", "c", 0.20, 0.10, 0.30, 0.3, 0.2, 0.4)],    # inside
        columns=["metric", "parameter", "first", "first_low", "first_high", "total",
                 "total_low", "total_high"])
    found = report_sweep.out_of_range(table)
    assert [(p, i, beyond) for _, p, i, _, _, _, beyond in found] == [
        ("a", "first", False), ("b", "first", True), ("b", "total", True)]
    page = report_sweep.sensitivity_table(types.SimpleNamespace(sensitivity=table))
    assert 'data-outside="3"' in page and "beyond its interval" in page
    morris = pd.DataFrame([("reach", "a", 1.0, 3.0, 0.5), ("followers", "a", 100.0, 150.0, 20.0)],
                          columns=["metric", "parameter", "mu", "mu_star", "sigma"])
    figure = report_sweep.morris_plane(types.SimpleNamespace(sensitivity=morris))
    assert report_figures.data_points(figure) == 2
    # One y-axis per output: the small output's axis is not stretched to the large one's.
    assert figure.axes[0].get_ylim()[1] < 10 < figure.axes[1].get_ylim()[1]
