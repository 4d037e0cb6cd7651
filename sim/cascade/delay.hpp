#pragma once
/// Per-hop delay of a message along a live arc, in hours: the time between the moment a node is
/// reached and the moment its follower sees the reshare. Drawn once per (cascade, arc).

#include <string>

#include "sim/cascade/cascade_key.hpp"
#include "sim/graph/types.hpp"

namespace sim::cascade {

struct DelayModel {
  enum class Kind { kNone, kFixed, kExponential, kLognormal };
  Kind kind = Kind::kNone;
  double hours = 1.0;  ///< fixed delay, exponential mean, or log-normal median (hours)
  double sigma = 1.0;  ///< log-normal shape (dimensionless)

  bool enabled() const { return kind != Kind::kNone; }
  /// Delay of `arc` in the cascade. Draws: address (cascade_delay, arc), draws 0 and 1.
  double hours_for(const CascadeKey& key, graph::ArcIndex arc) const;
  /// Throws InputError when the parameters are not positive and finite.
  void validate() const;
  std::string describe() const;
};

/// Parses "fixed:H", "exp:MEAN" or "lognormal:MEDIAN,SIGMA" (hours). Throws InputError.
DelayModel parse_delay(const std::string& text);

}  // namespace sim::cascade
