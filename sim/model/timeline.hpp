#pragma once
/// The scenario's events resolved week by week: the organisation's presence, toxicity, shocks,
/// launches and announcements in force at each week, per platform.

#include <cstdint>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sim::model {

struct PlatformWeek {
  bool launched = true;       ///< agents can adopt the platform
  bool organisation = false;  ///< the organisation is present
  double toxicity = 0.0;
  double external = 0.0;     ///< external adoption hazard: pull + hype + shocks (1/week)
  double extra_churn = 0.0;  ///< shocks (1/week)
};

/// An announcement window: followers on `from` who are or become active on `to` may follow.
struct Announcement {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::uint32_t first_week = 0;
  std::uint32_t last_week = 0;  ///< inclusive
  double share = 0.0;
};

/// The launch hype's share of its peak `age` weeks after the launch: rising linearly over
/// `hype_rise_weeks`, (age + 1) / (rise + 1), then halving every `hype_half_life` weeks.
double hype_factor(const scenario::PlatformParams& p, double age);

class Timeline {
 public:
  explicit Timeline(const scenario::Scenario& scenario);
  const PlatformWeek& at(std::uint32_t week, std::size_t platform) const {
    return weeks_[week * platforms_ + platform];
  }
  const std::vector<Announcement>& announcements() const { return announcements_; }

 private:
  std::size_t platforms_;
  std::vector<PlatformWeek> weeks_;  // (weeks + 1) x platforms
  std::vector<Announcement> announcements_;
};

}  // namespace sim::model
