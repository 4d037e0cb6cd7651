#pragma once
/// When a viewer looks at a post on one platform, given that it does (docs/model.md, section
/// Reach): with probability `fresh_share` while the post is still fresh at the top of its feed
/// (an exponential wait with mean `fresh_minutes`), otherwise at the first check-in after the
/// post (an exponential wait with mean 24 / `check_ins_per_day` hours). Times in hours.
///
/// Both forms take one uniform and split it: the part below the fresh share picks the fresh wait
/// and, rescaled, times it; the rest times the check-in. With fresh_share = 0 the check-in wait is
/// exactly the transform used before the option existed.

#include <cmath>

#include "sim/scenario/scenario.hpp"

namespace sim::reach {

class ViewTime {
 public:
  explicit ViewTime(const scenario::PlatformParams& p)
      : fresh_share_(p.fresh_share),
        fresh_mean_(p.fresh_minutes / 60.0),
        check_mean_(24.0 / p.check_ins_per_day) {}

  /// The wait from a uniform in [0, 1).
  double from_below_one(double u) const {
    if (u < fresh_share_) return -std::log1p(-u / fresh_share_) * fresh_mean_;
    return -std::log1p(-(u - fresh_share_) / (1.0 - fresh_share_)) * check_mean_;
  }

  /// The wait from a uniform in (0, 1].
  double from_open_unit(double u) const {
    if (u <= fresh_share_) return -std::log(u / fresh_share_) * fresh_mean_;
    return -std::log((u - fresh_share_) / (1.0 - fresh_share_)) * check_mean_;
  }

 private:
  double fresh_share_, fresh_mean_, check_mean_;
};

}  // namespace sim::reach
