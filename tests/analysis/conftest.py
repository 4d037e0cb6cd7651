"""Shared fixtures: a small real `trek compare` run and `trek run` file, made once per session.

The trek binary comes from the TREK environment variable (ctest sets it); the tests skip when it
is not given, so that `pytest tests/analysis` alone says what it needs.
"""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "analysis"))
GHENT = os.path.join(ROOT, "scenarios", "ghent")
SMALL = ["--set", "population.graph=follower:n=2000,seed=3", "--weeks", "14", "--replicates", "3",
         "--quiet", "--force"]


def trek_binary():
    path = os.environ.get("TREK")
    if not path or not os.path.exists(path):
        pytest.skip("set TREK to the trek binary (ctest does)")
    return path


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="session")
def compare_file(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("compare") / "ghent.h5")
    scenarios = [os.path.join(GHENT, f + ".toml")
                 for f in ("stay_on_x", "leave_x_redirect", "crosspost")]
    done = run([trek_binary(), "compare", *scenarios, "-o", out, *SMALL])
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def run_file(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("run") / "stay.h5")
    done = run([trek_binary(), "run", os.path.join(GHENT, "stay_on_x.toml"), "-o", out, *SMALL,
                "--set", "reach.posts=2"])
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def compare_report(compare_file, tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("report"))
    done = run([trek_binary(), "report", compare_file, "-o", folder])
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="session")
def sweep_file(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("sweep") / "small.h5")
    done = run([trek_binary(), "sweep", os.path.join(ROOT, "scenarios", "sweeps", "small_test.toml"),
                "-o", out, "--quiet"])
    assert done.returncode == 0, done.stderr
    return out
