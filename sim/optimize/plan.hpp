#pragma once
/// A plan: the organisation's strategy as decision variables over a base scenario, what to
/// maximise over worlds, the constraints, and the search's settings (docs/optimize.md).
///
/// The decisions a plan may leave free:
///   leave_week       week the organisation stops posting on the `leave` platform (weeks, an
///                    integer; a week after the run's last means it stays)
///   crosspost_weeks  weeks it posts on the platforms it joins before it leaves (integer)
///   announce_weeks   weeks it announces its other platforms on the one it leaves, ending the
///                    week it leaves (integer; 0: no announcement); without a platform to
///                    leave, on `announce_on` from announce_week while it stays
///   announce_week    without a platform to leave: the announcement's first week
///   join.P           whether it joins platform P (0 or 1); a set of platforms to join
///   posts.P          posts per week on platform P (real, >= 0)
/// Each is fixed (a number) or free (a range); the search varies the free ones only.

#include <cstdint>
#include <string>
#include <vector>

namespace sim::optimize {

enum class VariableKind : std::uint8_t { kWeeks, kChoice, kPosts };

/// One decision: free when min < max, fixed at min otherwise.
struct Variable {
  std::string name;  ///< "leave_week", "crosspost_weeks", "announce_weeks", "join.P", "posts.P"
  VariableKind kind = VariableKind::kWeeks;
  double min = 0.0, max = 0.0;
  std::uint64_t line = 0;  ///< in the plan file, for messages

  bool free() const { return min < max; }
  /// A value in [min, max] the kind allows: whole weeks, 0 or 1 for a choice.
  double snapped(double value) const;
};

/// A statistic over worlds of one comparison metric at one week.
struct Goal {
  std::string metric = "reach_per_message";
  double quantile = -1.0;  ///< in (0, 1) for a quantile over worlds; negative for the mean
  std::uint32_t week = 0;  ///< 0 in the file: the run's last week
  /// With from_week < week: each world's mean over weeks from_week..week (a plan judged at one
  /// week alone can win by timing a move just before it); 0: week alone.
  std::uint32_t from_week = 0;
  bool higher_is_better = true;

  std::string describe() const;  ///< "mean of reach_per_message at week 104"
};

struct Constraint {
  Goal goal;
  bool at_most = true;  ///< value <= bound; else value >= bound
  double bound = 0.0;
  std::uint64_t line = 0;

  bool holds(double value) const { return at_most ? value <= bound : value >= bound; }
};

struct SearchSettings {
  bool grid = false;               ///< "grid": every combination of `steps` levels per decision
  std::uint32_t steps = 5;         ///< grid levels of a real decision (weeks: at most this many)
  std::uint32_t initial = 8;       ///< candidates of the space-filling first round
  std::uint32_t evaluations = 32;  ///< candidates in all, the first round included
  std::uint32_t batch = 2;         ///< candidates per later round
  std::uint32_t pool = 2048;       ///< random candidates the acquisition is maximised over
};

struct Plan {
  std::string file;                  ///< the plan file
  std::string text;                  ///< its text as written
  std::string base;                  ///< the baseline scenario (resolved); candidates extend it
  std::vector<std::string> compare;  ///< hand-written strategies the best plan is compared with
  /// Applied to the base and every candidate: the priors, then [set], then the seed and worlds.
  std::vector<std::string> overrides;
  std::uint64_t seed = 1;
  std::uint32_t worlds = 12;          ///< per candidate during the search
  std::uint32_t verify_worlds = 50;   ///< of the final comparison
  std::uint64_t verify_seed = 2;      ///< the final comparison's worlds: fresh ones
  std::string leave;                  ///< the platform the organisation may leave ("" none)
  std::string announce_on;            ///< without `leave`: where it announces while staying
  double announce_share = 0.1;        ///< share of followers who act on the announcement
  std::vector<std::string> joinable;  ///< platforms the organisation may join
  std::uint32_t max_platforms = 0;    ///< platforms at once at most (0: no limit)
  double posting_budget = 0.0;        ///< posts per week in all at most (0: no limit)
  std::vector<Variable> variables;    ///< every decision, fixed or free
  Goal objective;
  std::vector<Constraint> constraints;
  SearchSettings search;
  // From the base scenario, for checks and candidates:
  std::uint32_t weeks = 0;
  std::vector<std::string> platforms;
  std::vector<bool> present;       ///< the organisation on platform k at week 0
  std::vector<double> base_posts;  ///< its posts per week there in the base

  /// Indices of the free variables, in order: the search space's dimensions.
  std::vector<std::size_t> free_variables() const;
  /// The index of platform `name` in `platforms`, or platforms.size().
  std::size_t platform_index(const std::string& name) const;
  /// The variable named `name`, or nullptr.
  const Variable* find(const std::string& name) const;
};

}  // namespace sim::optimize
