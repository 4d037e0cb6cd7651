"""Plan files in trek_results and the plan report: tables that agree with the file, figures
that draw data (the search, the trade-off front, the decisions, the final comparison), a page
that loads nothing from outside, and bad files in one line."""

import os

import h5py
import numpy as np
import pytest

from conftest import ROOT, run, trek_binary
from test_report import check_report_folder

import trek_results


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plan")
    base = os.path.join(ROOT, "scenarios", "ghent", "stay_on_x.toml")
    now = os.path.join(ROOT, "scenarios", "ghent", "leave_x_now.toml")
    (folder / "plan.toml").write_text(
        f'base = "{base}"\ncompare = ["{now}"]\nseed = 3\nworlds = 3\nverify_worlds = 3\n'
        'set = ["population.graph=\\"follower:n=1500,seed=2\\"", "simulation.weeks=20"]\n'
        '[decisions]\nleave = "x"\nleave_week = { min = 2, max = 21 }\n'
        'announce_weeks = { min = 0, max = 4 }\n[objective]\nfrom_week = 10\n'
        "[search]\ninitial = 4\nevaluations = 8\n")
    out = str(folder / "plan.h5")
    done = run([trek_binary(), "optimize", str(folder / "plan.toml"), "-o", out, "--quiet"])
    assert done.returncode == 0, done.stderr
    return out


def test_a_plan_file_in_one_call(plan_file):
    with trek_results.load(plan_file) as results:
        assert results.kind == "plan"
        plan = results.plan
        history = plan["history"]
        assert len(history) == 8
        with h5py.File(plan_file, "r") as f:
            values = f["history/values"][()]
            objective = f["history/objective"][()]
        assert history["leave_week"].iloc[5] == values[5, 0]
        assert np.array_equal(history["objective"].to_numpy(), objective)
        best = history.loc[plan["best"]]
        # The best is the highest objective among the feasible candidates.
        assert best["objective"] == history[history["feasible"]]["objective"].max()
        assert plan["verification_scenarios"][:2] == ["stay_on_x", "best"]
        assert "over weeks 10-20" in plan["objective"]["description"]


def test_the_plan_report(plan_file, tmp_path):
    done = run([trek_binary(), "report", plan_file, "-o", str(tmp_path)])
    assert done.returncode == 0, done.stderr
    check_report_folder(str(tmp_path), ["history", "tradeoff", "decisions", "verification"])
    text = (tmp_path / "index.html").read_text()
    assert "The best plan" in text and "leave_x_now" in text


def test_a_damaged_or_unfinished_plan_is_one_line(tmp_path):
    bad = tmp_path / "bad.h5"
    with h5py.File(bad, "w") as f:
        f.attrs["format"] = "trek-plan"
        f.attrs["version"] = np.uint64(1)
        f.attrs["complete"] = np.uint64(0)
    for command in (["report", str(bad), "-o", str(tmp_path / "out")], ["inspect", str(bad)]):
        done = run([trek_binary(), *command])
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
