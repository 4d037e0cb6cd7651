#pragma once
/// A candidate plan: a value for every decision of a plan (Plan::variables, in order), turned
/// into the organisation's time line and into a scenario file that extends the base.
///
/// The time line of a candidate (weeks as in scenario events):
///   leave     in week L = leave_week on the `leave` platform, when L <= the run's weeks
///   join      every chosen platform in week J = max(1, L - crosspost_weeks) (join_week without a
///             platform to leave), when J <= the run's weeks
///   announce  on the platform left, from week max(1, L - announce_weeks) to L - 1, naming every
///             platform the organisation is on after it leaves (none: no announcement); without a
///             platform to leave, on `announce_on` from announce_week for announce_weeks weeks,
///             naming every other platform the organisation posts on
/// A candidate is within the plan's limits when, at every week, the organisation is on at most
/// max_platforms platforms and posts at most posting_budget times a week in all.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/optimize/plan.hpp"

namespace sim::optimize {

/// The free variables at `point` (Plan::free_variables order), every fixed one at its value.
std::vector<double> full_values(const Plan& plan, const std::vector<double>& point);

/// The free variables' values out of a full value vector.
std::vector<double> free_point(const Plan& plan, const std::vector<double>& values);

/// The value of the decision `name` (0 when the plan has no such decision).
double value_of(const Plan& plan, const std::vector<double>& values, const std::string& name);

struct Timeline {
  bool leaves = false;
  std::uint32_t leave_week = 0;
  bool joins = false;
  std::uint32_t join_week = 0;
  std::vector<std::string> joined;  ///< platforms joined, in the plan's order
  std::string announce_on;          ///< the platform the announcement is made on
  std::uint32_t announce_start = 0, announce_weeks = 0;
  std::vector<std::string> announced;  ///< the announcement's targets
  /// Posts per week on each of Plan::platforms (0 where the organisation never is).
  std::vector<double> posts;
};

Timeline timeline_of(const Plan& plan, const std::vector<double>& values);

struct Usage {
  std::uint32_t platforms = 0;  ///< most platforms at once
  double posts_per_week = 0.0;  ///< most posts per week at once
};

Usage peak_usage(const Plan& plan, const Timeline& timeline);

/// "" when the candidate keeps the plan's limits, else which one it breaks.
std::string limit_problem(const Plan& plan, const std::vector<double>& values);

/// The candidate as a scenario file: `extends` names the base as the file should (relative to
/// where the file will be), `name` is the scenario's name.
std::string candidate_toml(const Plan& plan, const std::vector<double>& values,
                           const std::string& extends, const std::string& name);

/// One line for people: "leave x in week 30 after 4 weeks' notice; join threads in week 26;
/// posts per week: threads 7".
std::string describe(const Plan& plan, const std::vector<double>& values);

}  // namespace sim::optimize
