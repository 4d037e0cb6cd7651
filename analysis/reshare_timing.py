"""When reshares happen: the view-time mixture fitted to Sysomos' retweet timing, then checked in
the model (docs/validation.md, "Crisis reach in hours").

    /usr/bin/python3 analysis/reshare_timing.py OUT_DIR [--trek build/release/sim/trek]
        [--replicates 4] [--weeks 13] [--posts 20]

Sysomos (1.2 billion tweets, 2010; ../shared/reference/calibration-facts.md, 2c): 92.4% of
retweets come in the first hour, 1.63% in the second and 0.94% in the third. In Trek a viewer
reshares at its look, and a look comes with probability fresh_share while the post is fresh (an
exponential wait with mean fresh_minutes) and otherwise at the first check-in after the post
(mean 24 / check_ins_per_day hours); the followers with notifications on (a part of the feed
reach) look after an exponential wait of mean notification_minutes. The script reads X's values
from the Ghent base, fits (fresh_share, fresh_minutes) to the three hourly shares in closed form
(notifications included), then runs the Ghent baseline with the city posting on X alone and
compares the simulated reshare times (direct viewers and the reshares of reshares) with the three
shares: with the fit, without fresh views (fresh_share = 0), and without fresh views or
notifications (the model before both existed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import tomllib

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASELINE = os.path.join(ROOT, "scenarios", "ghent", "stay_on_x.toml")
BASE = os.path.join(ROOT, "scenarios", "ghent", "common", "base.toml")
SYSOMOS = np.array([0.924, 0.0163, 0.0094])  # share of retweets in hours 1, 2 and 3
OTHERS = ["facebook", "instagram", "linkedin", "bluesky", "tiktok", "youtube"]


class Platform:
    """X's reach values in the Ghent base, as the look times need them."""

    def __init__(self, path: str = BASE):
        with open(path, "rb") as f:
            x = tomllib.load(f)["platforms"]["x"]
        self.check_ins = x.get("check_ins_per_day", 2.0)
        self.notification_minutes = x.get("notification_minutes", 10.0)
        # The share of the followers' views that come by notification: the notified followers
        # see every post, the feed reach f (cut for a link) counts them.
        notified = x.get("notification_share", 0.0)
        feed = x.get("feed_reach", 0.1)
        link, penalty = x.get("link_share", 0.0), x.get("link_penalty", 0.0)
        viewers = link * max(feed * (1 - penalty), notified) + (1 - link) * max(feed, notified)
        self.notified = notified / viewers if viewers > 0 else 0.0


def hourly_shares(fresh_share: float, fresh_minutes: float, x: Platform) -> np.ndarray:
    """Share of looks in hours 1, 2 and 3 after the post under the mixture."""
    hours = np.array([1.0, 2.0, 3.0])
    fresh = 1.0 - np.exp(-hours * 60.0 / fresh_minutes)
    late = 1.0 - np.exp(-hours * x.check_ins / 24.0)
    feed = fresh_share * fresh + (1.0 - fresh_share) * late
    notification = 1.0 - np.exp(-hours * 60.0 / x.notification_minutes)
    cdf = x.notified * notification + (1.0 - x.notified) * feed
    return np.diff(np.concatenate([[0.0], cdf]))


def fit(x: Platform) -> tuple[float, float, np.ndarray]:
    """Least squares over the three hourly shares, on a grid refined twice."""
    share_range, minutes_range = (0.3, 0.999), (1.0, 60.0)
    best = None
    for _ in range(3):
        for share in np.linspace(*share_range, 200):
            for minutes in np.linspace(*minutes_range, 200):
                error = float(np.sum((hourly_shares(share, minutes, x) - SYSOMOS) ** 2))
                if best is None or error < best[0]:
                    best = (error, share, minutes)
        _, share, minutes = best
        share_span = (share_range[1] - share_range[0]) / 20
        minutes_span = (minutes_range[1] - minutes_range[0]) / 20
        share_range = (max(0.0, share - share_span), min(0.9999, share + share_span))
        minutes_range = (max(0.1, minutes - minutes_span), minutes + minutes_span)
    _, share, minutes = best
    return share, minutes, hourly_shares(share, minutes, x)


def simulated_shares(trek: str, out: str, args, sets: list[str]) -> tuple[np.ndarray, float]:
    """Reshares in hours 1, 2, 3 over all reshares of the run's messages, and their number."""
    command = [trek, "run", BASELINE, "-o", out, "--force", "--quiet", "--replicates",
               str(args.replicates), "--weeks", str(args.weeks), "--set",
               f"reach.posts={args.posts}", "--set", "reach.week_plan=false"]
    for platform in OTHERS:
        command += ["--set", f"strategy.{platform}.posts_per_week=0"]
    for value in sets:
        command += ["--set", value]
    subprocess.run(command, check=True)
    with h5py.File(out, "r") as f:
        hours = f["parameters/crisis_hours"][()]
        within = f["messages/reshared_within/value"][()].sum(axis=(0, 1, 2))
        total = float(f["messages/reshares/value"][()].sum())
    marks = [int(np.flatnonzero(hours == h)[0]) for h in (1.0, 2.0, 3.0)]
    cumulative = within[marks] / total
    return np.diff(np.concatenate([[0.0], cumulative])), total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--trek", default=os.path.join(ROOT, "build", "release", "sim", "trek"))
    parser.add_argument("--replicates", type=int, default=4)
    parser.add_argument("--weeks", type=int, default=13)
    parser.add_argument("--posts", type=int, default=20)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    x = Platform()
    share, minutes, shares = fit(x)
    print(f"fit: fresh_share = {share:.3f}, fresh_minutes = {minutes:.1f} (check-ins "
          f"{x.check_ins:g} a day; {100 * x.notified:.1f}% of the views by notification)")
    print("hour   Sysomos   fit    model (fit)   fresh_share = 0   neither (the older model)")
    fitted, count = simulated_shares(args.trek, os.path.join(args.out, "fitted.h5"), args,
                                     [f"platforms.x.fresh_share={share:.4f}",
                                      f"platforms.x.fresh_minutes={minutes:.2f}"])
    plain, _ = simulated_shares(args.trek, os.path.join(args.out, "plain.h5"), args,
                                ["platforms.x.fresh_share=0"])
    older, _ = simulated_shares(args.trek, os.path.join(args.out, "older.h5"), args,
                                ["platforms.x.fresh_share=0", "platforms.x.notification_share=0"])
    for hour in range(3):
        print(f"{hour + 1:4d}   {100 * SYSOMOS[hour]:6.2f}%  {100 * shares[hour]:6.2f}%  "
              f"{100 * fitted[hour]:8.2f}%      {100 * plain[hour]:8.2f}%         "
              f"{100 * older[hour]:8.2f}%")
    print(f"beyond 3 h: Sysomos {100 * (1 - SYSOMOS.sum()):.2f}%, model (fit) "
          f"{100 * (1 - fitted.sum()):.2f}%, fresh_share = 0: {100 * (1 - plain.sum()):.2f}%, "
          f"neither: {100 * (1 - older.sum()):.2f}% "
          f"({count:.0f} reshares simulated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
