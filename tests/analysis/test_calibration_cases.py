"""The real-data calibration cases: their targets are what the data files say (skipped when
../shared is absent), and the posterior quantiles are trek's weighted quantiles."""

import os

import numpy as np
import pytest

import bluesky_mean_field
import bluesky_wave
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


def test_january_pulse_is_the_sign_ups_beyond_the_trend():
    # Accounts (relative to week 0) growing 0.02 a week, then 0.05, 0.08, 0.025 in weeks
    # 10-12 and back to the trend: weeks 10 and 11 exceed 1.2 times the trend, week 12 not.
    growth = {w: 0.02 for w in range(1, 16)}
    growth.update({10: 0.05, 11: 0.08, 12: 0.022})
    accounts = {0: 1.0}
    for w in range(1, 16):
        accounts[w] = accounts[w - 1] + growth[w]
    shocks = bluesky_wave.pulse_shocks(accounts)
    assert [w for w, _ in shocks] == [10, 11]
    s0 = bluesky_wave.INITIAL_ACCOUNT
    for week, value in shocks:
        share = s0 * accounts[week - 1]  # the agents' share with an account before that week
        assert value == pytest.approx((growth[week] - 0.02) * s0 / (1.0 - share))


def test_mean_field_limit_of_a_constant_pull_is_the_discrete_hazard():
    # No hype, no level, every sign-up active, no churn: the share with an account after t weeks
    # is 1 - (1 - s0)(1 - p)^t, and every account stays active if it started so.
    p = dict(initial_active=1.0, pull=0.03, hype=0.0, hype_half_life=1.0, hype_rise_weeks=0.0,
             activation=1.0, reactivation=1.0, churn=0.0, novelty_churn=0.4, novelty_weeks=2.0,
             stay_share=1.0, level=0.0)
    model = bluesky_mean_field.expected(p, 12)
    s0 = bluesky_wave.INITIAL_ACCOUNT
    for t in range(13):
        assert model[t, 1] == pytest.approx(1.0 - (1.0 - s0) * 0.97 ** t)
        assert model[t, 0] == pytest.approx(model[t, 1])
    # Without stayers the novelty churn removes new actives: a cohort of one week keeps
    # prod_a (1 - 0.4 e^(-a / 2)) of itself.
    p.update(stay_share=0.0, pull=0.0, level=0.0, hype=1.0, hype_half_life=0.01,
             reactivation=0.0)
    model = bluesky_mean_field.expected(p, 8)
    cohort = 1.0 - s0  # everyone without an account signs up in the launch week (week 1)
    kept = np.prod([1.0 - 0.4 * np.exp(-a / 2.0) for a in range(6)])
    assert model[8, 0] == pytest.approx(s0 + cohort * kept)
