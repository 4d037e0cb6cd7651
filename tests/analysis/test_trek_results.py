"""trek_results loads run and comparison files into pandas tables that agree with the file."""

import h5py
import numpy as np
import pytest

import trek_results


def test_a_comparison_file_in_one_call(compare_file):
    with trek_results.load(compare_file) as results:
        assert results.kind == "compare"
        assert results.baseline == "stay_on_x" and results.scenarios[0] == "stay_on_x"
        assert set(results.runs) == {"stay_on_x", "leave_x_redirect", "crosspost"}
        assert sorted(results.ranking) == sorted(results.scenarios)
        table = results.comparison
        assert set(table["week"]) == {13, 14}
        baseline_rows = table[table["scenario"] == "stay_on_x"]
        assert (baseline_rows["diff_mean"] == 0).all()
        single = results.message_reach
        assert list(single.columns[2:]) == ["mean", "p05", "p25", "p50", "p75", "p95"]
        assert (single["p05"] <= single["p50"]).all() and (single["p50"] <= single["p95"]).all()


def test_one_metric_across_scenarios_in_one_call(compare_file):
    with trek_results.load(compare_file) as results:
        reach = results.table("reach_per_message")
        assert list(reach.columns[:5]) == ["week", "scenario", "mean", "p05", "p95"]
        assert len(reach) == len(results.weeks) * len(results.scenarios)
        with h5py.File(compare_file, "r") as f:
            level = f["comparison/level"][()]
            metrics = [m.decode() for m in f["comparison/metrics"][()]]
        m = metrics.index("reach_per_message")
        s = results.scenarios.index("crosspost")
        row = reach[(reach.week == results.weeks[-1]) & (reach.scenario == "crosspost")]
        assert row["mean"].item() == level[s, len(results.weeks) - 1, m, 0]
        assert results.labels["stay_on_x"] == "Stay on X"
        assert results.evppi is None  # no uncertain parameters in this comparison
        with pytest.raises(KeyError, match="metrics: reach_per_message"):
            results.table("reach_per_mesage")


def test_crossed_what_ifs_name_their_reference(tmp_path):
    from conftest import GHENT, SMALL, run, trek_binary
    import os
    out = str(tmp_path / "crossed.h5")
    scenarios = [os.path.join(GHENT, f + ".toml")
                 for f in ("stay_on_x", "toxicity_escalation", "crosspost")]
    done = run([trek_binary(), "compare", *scenarios, "--cross-what-ifs", "-o", out, *SMALL])
    assert done.returncode == 0, done.stderr
    with trek_results.load(out) as results:
        under = "stay_on_x_under_toxicity_escalation"
        assert results.reference["crosspost"] == "stay_on_x"
        assert results.reference["crosspost_under_toxicity_escalation"] == under
        assert results.reference[under] == under
        assert sorted(results.crossed_rankings[0]) == sorted(
            [under, "crosspost_under_toxicity_escalation"])
        assert "toxicity_escalation" not in results.ranking


def test_series_are_long_tables_of_the_value_arrays(compare_file):
    with trek_results.load(compare_file) as results:
        run = results.runs["crosspost"]
        active = run.series("active")
        assert list(active.columns) == ["scenario", "replicate", "week", "platform", "value"]
        assert len(active) == 3 * 15 * len(run.platforms)
        with h5py.File(compare_file, "r") as f:
            raw = f["scenarios/crosspost/observables/active/value"][()]
        x = run.platforms.index("x")
        picked = active[(active.replicate == 2) & (active.week == 9) & (active.platform == "x")]
        assert picked["value"].item() == raw[2, 9, x]
        flows = run.series("flows")
        assert set(flows["from"]) == set(run.platforms) | {"nowhere"}
        crisis = run.series("crisis_reach")
        assert sorted(set(crisis["hours"])) == run.crisis_hours


def test_messages_average_to_the_weekly_series(run_file):
    with trek_results.load(run_file) as results:
        assert results.kind == "run" and results.comparison is None
        run = results.runs["stay"]
        messages = run.messages("reach_per_message")
        assert set(messages["message"]) == {0, 1}  # reach.posts = 2
        mean = messages.groupby(["replicate", "week"])["value"].mean().to_numpy()
        np.testing.assert_allclose(mean, run.value("reach_per_message").reshape(-1), rtol=1e-12)
        sources = run.scenario_sources()
        assert sources[0][0].endswith("stay_on_x.toml") and "baseline = true" in sources[0][1]
        assert sources[-1][0].endswith("base.toml")


def test_the_week_plan_is_a_long_table_of_the_plan_weeks(run_file):
    with trek_results.load(run_file) as results:
        run = results.runs["stay"]
        assert "impressions" in run.plan_quantities and "reached" in run.plan_quantities
        impressions = run.plan("impressions")
        assert list(impressions.columns) == ["scenario", "replicate", "week", "platform", "value"]
        assert set(impressions["week"]) == {13, 14}  # the report weeks of a 14-week run
        with h5py.File(run_file, "r") as f:
            raw = f["plan/impressions"][()]
            posts = f["plan/posts"][()]
        x = run.platforms.index("x")
        picked = impressions[(impressions.replicate == 1) & (impressions.week == 14) &
                             (impressions.platform == "x")]
        assert picked["value"].item() == raw[1, 1, x]
        assert posts[0, 0, x] == 14  # the city's 14 posts a week on X
        reached = run.plan("reached")
        assert (reached["value"] > 0).all()
        with pytest.raises(KeyError, match="plan: .*impressions"):
            run.plan("impression")


def test_unknown_observable_names_the_ones_there(compare_file):
    with trek_results.load(compare_file) as results:
        with pytest.raises(KeyError, match="observables: .*active"):
            results.runs["crosspost"].series("actives")


def test_other_files_raise_trek_file_error(tmp_path):
    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as f:
        f.attrs["format"] = "something"
    with pytest.raises(trek_results.TrekFileError, match="not a Trek results file"):
        trek_results.load(str(other))
