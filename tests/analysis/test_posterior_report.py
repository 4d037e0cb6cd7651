"""Posterior files in trek_results and the calibration report: tables that agree with the file,
figures that draw data (prior against posterior, pairwise particles, predictive bands), and a
page that loads nothing from outside."""

import os

import h5py
import numpy as np
import pytest

from conftest import ROOT, run, trek_binary
from test_report import check_report_folder

import trek_results

OBSERVATIONS = """date,platform,metric,value,sd
2025-01-06,x,followers,1500,20
2025-02-17,x,followers,1494,20
2025-01-06,x,impressions_per_post,30,6
2025-02-17,x,impressions_per_post,26,6
2025-01-06,bluesky,active,1000,
2025-02-17,bluesky,active,1150,
"""


@pytest.fixture(scope="module")
def posterior_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("posterior")
    (folder / "obs.csv").write_text(OBSERVATIONS)
    base = os.path.join(ROOT, "scenarios", "ghent", "stay_on_x.toml")
    (folder / "cal.toml").write_text(
        f'scenario = "{base}"\nseed = 3\nset = ["population.graph=\\"follower:n=1500,seed=2\\""]\n'
        "[parameters.platforms.x]\nfeed_reach = { lognormal = [0.03, 0.6] }\n"
        "churn = { uniform = [0.0, 0.012] }\n[[targets]]\nfile = \"obs.csv\"\n"
        "[method]\nparticles = 30\ngenerations = 3\n")
    out = str(folder / "posterior.h5")
    done = run([trek_binary(), "calibrate", str(folder / "cal.toml"), "-o", out, "--quiet"])
    assert done.returncode == 0, done.stderr
    return out


def test_a_posterior_file_in_one_call(posterior_file):
    with trek_results.load(posterior_file) as results:
        assert results.kind == "posterior"
        assert results.parameters == ["platforms.x.churn", "platforms.x.feed_reach"]
        assert len(results.posterior) == 30
        assert abs(results.posterior["weight"].sum() - 1.0) < 1e-12
        assert results.priors["platforms.x.churn"] == "uniform [0, 0.012]"
        assert len(results.targets) == 6
        with h5py.File(posterior_file, "r") as f:
            values = f["posterior/values"][()]
            generations = len(f["generations"])
        assert results.posterior["platforms.x.feed_reach"].iloc[7] == values[7, 1]
        assert len(results.diagnostics) == generations
        assert (results.targets["predictive_p05"] <= results.targets["predictive_p95"]).all()


def test_the_calibration_report(posterior_file, tmp_path):
    done = run([trek_binary(), "report", posterior_file, "-o", str(tmp_path)])
    assert done.returncode == 0, done.stderr
    check_report_folder(str(tmp_path), ["prior_posterior", "pairwise", "predictive"])
    text = (tmp_path / "index.html").read_text()
    assert "platforms.x.feed_reach" in text and "Generations" in text


def test_a_damaged_posterior_is_one_line(tmp_path):
    bad = tmp_path / "bad.h5"
    with h5py.File(bad, "w") as f:
        f.attrs["format"] = "trek-posterior"
        f.attrs["version"] = np.uint64(1)
    done = run([trek_binary(), "report", str(bad), "-o", str(tmp_path / "out")])
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
