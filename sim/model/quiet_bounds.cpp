// The bounds evaluate the exact hazards (hazards.hpp) with every agent-dependent input set to
// its worst case: the lowest toxicity tolerance, no lock-in, every followee gone (leave
// imitation), the largest peer signal where a followee moved recently. Rounding is monotone, so
// evaluating the same expressions with larger inputs gives values at least as large; the
// relative and absolute margins cover the rest.

#include "sim/model/quiet_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/model/hazards.hpp"
#include "sim/rng/two_part_uniforms.hpp"

namespace sim::model {

using scenario::kMaxPlatforms;

namespace {

double largest_signal(const ModelContext& c) {
  const float largest = *std::max_element(c.recency.begin(), c.recency.end());
  const double bound = c.scenario.model.contagion == scenario::ModelOptions::Contagion::kThreshold
                           ? std::max(1.0, static_cast<double>(largest))
                           : static_cast<double>(largest);
  // A mean of n float weights, each at most `largest`, exceeds it by at most a few ulps.
  return bound * (1.0 + 1e-5);
}

/// Platform k's follow chance this week, announcements included, or -1 without the organisation.
double follow_bound(const ModelContext& c, std::uint32_t week, std::size_t k) {
  if (!c.timeline.at(week, k).organisation) return -1.0;
  double chance = c.scenario.platforms[k].discovery;
  for (const Announcement& a : c.timeline.announcements()) {
    if (a.to == k && week >= a.first_week && week <= a.last_week) chance += a.share;
  }
  return chance;
}

}  // namespace

double quiet_above(double leave_bound, double follow_bound) {
  const double leave = std::max(leave_bound, 0.0);
  if (leave > 0.5) return 1.0;
  return (leave + follow_bound * (1.0 - leave)) * (1.0 + 1e-9) + 1e-12;
}

double quiet_above(double adopt_bound) {
  return std::max(adopt_bound, 0.0) * (1.0 + 1e-9) + 1e-12;
}

QuietBounds::QuietBounds(const ModelContext& c, std::uint32_t week,
                         const std::array<float, scenario::kMaxPlatforms>& mixed,
                         std::span<const ModelContext* const> also_following)
    : platforms_(c.platforms()),
      signal_(largest_signal(c)),
      tables_(c.platforms() > kLanes ? kMaxPlatforms : kLanes) {
  for (Platform& table : tables_) {
    for (auto& variant : table)
      variant.fill(-1);
  }
  const bool network = c.scenario.model.influence == scenario::ModelOptions::Influence::kNetwork;
  const bool thresholded =
      c.scenario.model.contagion == scenario::ModelOptions::Contagion::kThreshold;
  for (std::size_t k = 0; k < platforms_; ++k) {
    const PlatformWeek& w = c.timeline.at(week, k);
    const scenario::PlatformParams& p = c.scenario.platforms[k];
    double follow = follow_bound(c, week, k);
    for (const ModelContext* other : also_following)
      follow = std::max(follow, follow_bound(*other, week, k));
    if (follow >= 0.0) {
      organisation_ = with(organisation_, k);
      follow_[k] = follow;
    }
    Platform& table = tables_[k];
    for (std::size_t age = 0; age < kInactive; ++age) {
      // Every followee gone (left = 1): the worst case of leave imitation.
      const double leave = unlocked_leave_hazard(p, w, static_cast<double>(c.lowest_tolerance),
                                                 c.novelty[k][age], 1.0);
      const std::array<std::int16_t, 2> threshold{
          rng::coarse_below(quiet_above(leave, 0.0)),
          rng::coarse_below(quiet_above(leave, follow_[k]))};
      for (std::size_t variant = 0; variant < table.size(); ++variant)
        table[variant][age] = threshold[variant & 1U];
    }
    for (std::size_t variant = 0; variant < table.size(); ++variant) {
      const bool account = (variant & 2U) != 0, exposed = (variant & 4U) != 0;
      double signal = network ? (exposed ? signal_ : 0.0) : mixed[k];
      if (!network && thresholded) signal = signal >= c.scenario.model.threshold && signal > 0.0;
      // Adoption is impossible before a launch: the threshold 0 always passes.
      table[variant][kInactive] =
          w.launched ? rng::coarse_below(quiet_above(adoption_hazard(p, w, signal, account))) : -1;
    }
    note_most(k);
  }
}

void QuietBounds::note_most(std::size_t k) {
  const Platform& table = tables_[k];
  const auto most_at = [&](std::size_t age, bool exposed) {
    std::int16_t most = -1;
    for (std::size_t variant = 0; variant < table.size(); ++variant) {
      if (((variant & 4U) != 0) == exposed || age != kInactive)
        most = std::max(most, table[variant][age]);
    }
    return most;
  };
  // Ages from `young_until` on are no worse than kLongAgo (the novelty has worn off).
  const std::int16_t long_ago = most_at(kLongAgo, false);
  std::size_t young_until = kLongAgo;
  while (young_until > 0 && most_at(young_until - 1, false) <= long_ago)
    --young_until;
  std::int16_t young = -1;
  for (std::size_t age = 0; age < young_until; ++age)
    young = std::max(young, most_at(age, false));
  const std::int16_t old = std::max(long_ago, most_at(kInactive, false));
  const std::int16_t exposed = most_at(kInactive, true);
  if (std::max({young, old, exposed}) >= 0) possible_ |= 1U << k;
  const auto set_lane = [k](util::Lanes16& lanes, std::int16_t value) {
    (k < kLanes ? lanes.low : lanes.high) |=
        static_cast<std::uint64_t>(std::max<std::int16_t>(value, 0))
        << (8 * static_cast<unsigned>(k % kLanes));
  };
  set_lane(young_until_, static_cast<std::int16_t>(young_until));
  set_lane(most_young_, young);
  set_lane(most_old_, old);
  set_lane(most_exposed_, exposed);
}

}  // namespace sim::model
