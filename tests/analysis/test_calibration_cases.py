"""The real-data calibration cases: their targets are what the data files say (skipped when
../shared is absent), and the posterior quantiles are trek's weighted quantiles."""

import os

import numpy as np
import pytest

import calibration_case
import mastodon_wave


def test_weighted_quantiles_are_the_least_sample_reaching_the_weight():
    samples = np.array([3.0, 1.0, 2.0, 4.0])
    weights = np.array([0.1, 0.2, 0.3, 0.4])  # sorted: 1 (0.2), 2 (0.5), 3 (0.6), 4 (1.0)
    assert calibration_case.weighted_quantiles(samples, weights, [0.05, 0.5, 0.55, 0.95]) == \
        [1.0, 2.0, 3.0, 4.0]


def test_mastodon_targets_follow_the_readings(tmp_path):
    if not os.path.isdir(mastodon_wave.DATA):
        pytest.skip("../shared/data is absent")
    accounts = mastodon_wave.weekly_accounts()
    # Noon of 4 November lies between the readings of 10:13 and 13:09 (the data's README).
    assert 3_258_119 <= accounts[0] <= 3_261_759
    assert accounts[0] < accounts[1] < accounts[2] < 4_797_132  # the last consistent reading
    path = tmp_path / "fit.csv"
    mastodon_wave.write_targets(str(path), accounts)
    rows = [line.split(",") for line in path.read_text().splitlines()[2:]]
    assert [r[0] for r in rows] == ["2022-11-04", "2022-11-11", "2022-11-18"]
    assert all(r[1:3] == ["mastodon", "accounts"] for r in rows)
