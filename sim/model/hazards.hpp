#pragma once
/// The weekly hazards (1/week), written once: the exact step (weekly_step.cpp) evaluates them at
/// an agent's own inputs and the quiet bounds (quiet_bounds.cpp) at the worst case of each, so
/// that a bound is the same expression with larger inputs and rounding cannot put it below the
/// hazard. docs/model.md gives the equations.

#include <algorithm>

#include "sim/model/timeline.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::model {

/// The leave hazard before lock-in: the push (churn, shocks, toxicity above the agent's
/// tolerance, novelty churn at its age there, and leave imitation times `left`, the share of its
/// followees who have left) times (1 - switching cost). Lock-in multiplies it by a factor in
/// [0, 1], so with `left` = 1 this is also the hazard's upper bound.
inline double unlocked_leave_hazard(const scenario::PlatformParams& p, const PlatformWeek& w,
                                    double tolerance, float novelty, double left) {
  const double toxicity = std::max(0.0, w.toxicity - tolerance);
  const double push = p.churn + w.extra_churn + p.toxicity_sensitivity * toxicity + novelty +
                      p.leave_imitation * left;
  return push * (1.0 - p.switching_cost);
}

/// The adoption hazard at a peer signal: external pull plus imitation, times the reactivation
/// factor for an agent that still has an account there.
inline double adoption_hazard(const scenario::PlatformParams& p, const PlatformWeek& w,
                              double signal, bool has_account) {
  const double hazard = w.external + p.imitation * signal;
  return has_account ? hazard * p.reactivation : hazard;
}

}  // namespace sim::model
