"""The validation studies that drive trek (analysis/contagion_check.py, leave_contagion.py,
verdict_change.py, fit_follower_graph.py and its Nelder-Mead, nelder_mead.py): their own
arithmetic, and a small run of each that needs trek."""

import numpy as np
import pandas as pd

import contagion_check
import fit_follower_graph  # noqa: F401 (imported whole: the script must load)
import nelder_mead
import verdict_change
import os

from conftest import GHENT, run, trek_binary


def test_shuffled_targets_keep_every_degree(tmp_path):
    edges = tmp_path / "g.txt"
    edges.write_text("# a small graph\n0 1\n0 2\n1 2\n2 0\n3 0\n3 1\n")
    out = tmp_path / "shuffled.txt"
    contagion_check.randomised(str(edges), str(out), seed=3)
    before = np.loadtxt(edges, dtype=int, comments="#")
    after = np.loadtxt(out, dtype=int, comments="#")
    assert sorted(before[:, 0]) == sorted(after[:, 0])  # followers per account
    assert sorted(before[:, 1]) == sorted(after[:, 1])  # follows per account


def test_nelder_mead_finds_the_minimum_of_a_bowl():
    def bowl(x):
        return float(((x - [0.3, 0.7]) ** 2).sum())
    best, value = nelder_mead.minimise(bowl, np.array([0.0, 0.0]), np.array([0.5, 0.5]), 200)
    assert np.allclose(best[:2], [0.3, 0.7], atol=1e-3)
    assert value == bowl(best)
    # With a spread to stop at, it stops early and still near the minimum.
    early, _ = nelder_mead.minimise(bowl, np.array([0.0, 0.0]), np.array([0.5, 0.5]), 200,
                                    spread=1e-6)
    assert np.allclose(early, [0.3, 0.7], atol=2e-3)


def test_changed_verdicts_are_listed(capsys):
    index = pd.MultiIndex.from_tuples([("a", 13, "reach"), ("a", 104, "reach")],
                                      names=["scenario", "week", "metric"])
    base = pd.DataFrame({"verdict": ["better", "worse"], "diff_pct_mean": [5.0, -5.0],
                         "p_better": [0.95, 0.05]}, index=index)
    other = pd.DataFrame({"verdict": ["no clear difference", "worse"],
                          "diff_pct_mean": [3.0, -5.5], "p_better": [0.85, 0.04]}, index=index)
    verdict_change.print_changes(base, other)
    out = capsys.readouterr().out
    assert "1 of 2 verdicts change" in out
    assert "better (+5.0%, P(better) 0.95) -> no clear difference (+3.0%, 0.85)" in out
    assert "largest shift of a mean difference: 2.0 points" in out


def test_contagion_check_runs_small(tmp_path):
    trek = trek_binary()
    result = run(["/usr/bin/python3", contagion_check.__file__, str(tmp_path), "--trek", trek,
                  "--replicates", "2", "--agents", "1000", "--thresholds", "0.3"])
    assert result.returncode == 0, result.stderr
    for line in ("lattice: clustering 0.6667", "theta 0.3   ratio", "pull alone  ratio"):
        assert line in result.stdout
    # Without imitation the graph cannot matter: both graphs give the same shares.
    pull = [line for line in result.stdout.splitlines() if line.startswith("pull alone  ratio")]
    assert all(set(line.split()[4:]) == {"1.00"} for line in pull)


def test_reshare_timing_fit_matches_sysomos_and_the_model_follows():
    import reshare_timing
    x = reshare_timing.Platform()
    share, minutes, shares = reshare_timing.fit(x)
    assert 0.0 < x.notified < 1.0
    assert abs(shares[0] - 0.924) < 0.002 and abs(shares[1] - 0.0163) < 0.002
    assert 0.5 < share < 1.0 and 1.0 < minutes < 60.0
    # Without fresh views the first hour holds far fewer looks.
    assert reshare_timing.hourly_shares(0.0, minutes, x)[0] < 0.5


def test_reshare_timing_runs_small(tmp_path):
    import reshare_timing
    trek = trek_binary()
    result = run(["/usr/bin/python3", reshare_timing.__file__, str(tmp_path), "--trek", trek,
                  "--replicates", "1", "--weeks", "4", "--posts", "10"])
    assert result.returncode == 0, result.stderr
    first_hour = [line for line in result.stdout.splitlines() if line.strip().startswith("1 ")]
    fitted, older = (float(v.rstrip("%")) for v in first_hour[0].split()[3::2])
    assert fitted > 80.0 and older < 30.0, result.stdout


def test_crisis_reach_prints_curves_and_routes(tmp_path):
    import crisis_reach
    trek = trek_binary()
    out = tmp_path / "c.h5"
    result = run([trek, "compare", os.path.join(GHENT, "stay_on_x.toml"),
                  "--replicates", "2", "--weeks", "14", "-o", str(out), "--quiet"])
    assert result.returncode == 0, result.stderr
    result = run(["/usr/bin/python3", crisis_reach.__file__, str(out), "--week", "14"])
    assert result.returncode == 0, result.stderr
    assert "within 1 h: mean" in result.stdout and "alert" in result.stdout, result.stdout
