// Resolves the scenario's events into one PlatformWeek per (week, platform) in a single pass
// over the sorted events: presence and toxicity carry forward from the week an event sets them,
// launch hype decays with its half-life, shocks add to the weeks they cover, and announcements
// become windows the weekly step looks up.

#include "sim/model/timeline.hpp"

#include <algorithm>
#include <cmath>

namespace sim::model {

using scenario::Event;

double hype_factor(const scenario::PlatformParams& p, double age) {
  const double rise = p.hype_rise_weeks;
  // With no rise this is exactly 2^(-age / half-life), the hype before the rise existed.
  return std::min(1.0, (age + 1.0) / (rise + 1.0)) *
         std::exp2(-std::max(0.0, age - rise) / p.hype_half_life);
}

Timeline::Timeline(const scenario::Scenario& s) : platforms_(s.platforms.size()) {
  const std::uint32_t weeks = s.weeks + 1;
  weeks_.resize(std::size_t{weeks} * platforms_);
  std::vector<std::int64_t> launch(platforms_, 0);
  for (const Event& e : s.events) {
    if (e.kind == Event::Kind::kLaunch) launch[e.platform] = e.week;
  }
  std::vector<bool> present;
  std::vector<double> toxicity;
  for (const auto& p : s.platforms) {
    present.push_back(p.organisation_present);
    toxicity.push_back(p.toxicity);
  }
  std::size_t next_event = 0;
  for (std::uint32_t week = 0; week < weeks; ++week) {
    // Events of this week take effect in this week's decisions.
    for (; next_event < s.events.size() && s.events[next_event].week == week; ++next_event) {
      const Event& e = s.events[next_event];
      if (e.kind == Event::Kind::kJoin) present[e.platform] = true;
      if (e.kind == Event::Kind::kLeave) present[e.platform] = false;
      if (e.kind == Event::Kind::kToxicity) toxicity[e.platform] = e.value;
    }
    for (std::size_t k = 0; k < platforms_; ++k) {
      const auto& p = s.platforms[k];
      PlatformWeek& w = weeks_[week * platforms_ + k];
      w.launched = week >= launch[k];
      w.organisation = present[k];
      w.toxicity = toxicity[k];
      const double age = static_cast<double>(week) - static_cast<double>(launch[k]);
      w.external = w.launched ? p.pull + p.hype * hype_factor(p, age) : 0.0;
    }
  }
  for (const Event& e : s.events) {
    if (e.kind == Event::Kind::kShock) {
      for (std::uint32_t week = e.week; week < std::min(weeks, e.week + e.weeks); ++week) {
        weeks_[week * platforms_ + e.platform].external += e.value;
        weeks_[week * platforms_ + e.platform].extra_churn += e.churn;
      }
    }
    if (e.kind == Event::Kind::kAnnounce) {
      for (const std::uint32_t to : e.targets) {
        announcements_.push_back({e.platform, to, e.week, e.week + e.weeks - 1, e.share});
      }
    }
  }
}

}  // namespace sim::model
