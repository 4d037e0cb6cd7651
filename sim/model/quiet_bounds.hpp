#pragma once
/// Quiet weeks: most agents, most weeks, change nothing but their ages. Every decision of the
/// weekly step is "u < p" for a uniform u and a probability p; where p is at most a bound b
/// known without the agent's followees and u >= b, the outcome (nothing happens) is known. The
/// bounds choose only which path computes an agent's week, never its outcome, so the results
/// are those of the exact step, bit for bit.
///
/// QuietBounds holds one week's bounds as small tables (per platform: by age for the agents
/// active there, by account and exposure for the others) and, per platform, the largest bound
/// of three classes of agent, so that the test of most agents is a few comparisons of sixteen
/// lanes and only the lanes those leave open read the tables.

#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/model/agent_state.hpp"
#include "sim/model/model_context.hpp"
#include "sim/model/weekly_uniforms.hpp"
#include "sim/util/byte_lanes.hpp"

namespace sim::model {

/// The least uniform at which an agent active on a platform certainly neither leaves nor
/// follows the organisation: it leaves if u < p, else follows if (u - p) / (1 - p) < f, so
/// nothing happens when u >= P + F (1 - P) for bounds P >= p and F >= f. The margins cover the
/// rounding of the rescaled uniform; leave hazards above one half always take the exact path.
double quiet_above(double leave_bound, double follow_bound);

/// The same for adoption (u < hazard), given the hazard's bound.
double quiet_above(double adopt_bound);

/// The bounds of one week.
class QuietBounds {
 public:
  /// `mixed`: the population signal under well-mixed influence (unused under network influence).
  /// `also_following`: other scenarios stepped with this one (weekly_step.hpp, Sibling) whose
  /// organisations' follow chances the bounds cover too (the largest of all, where any is there).
  QuietBounds(const ModelContext& context, std::uint32_t week,
              const std::array<float, scenario::kMaxPlatforms>& mixed,
              std::span<const ModelContext* const> also_following = {});

  /// Any agent's peer signal is at most this (the largest recency weight, 1 under threshold
  /// contagion), with a margin for the rounding of its float mean.
  double signal() const { return signal_; }
  /// Any follow chance on platform k this week (0 when no organisation is there).
  double follow(std::size_t platform) const { return follow_[platform]; }
  /// Bit k: an organisation is on platform k this week.
  PlatformBits organisation() const { return organisation_; }

  /// The platforms (bit k) on which the agent's week must be decided exactly, given its coarse
  /// uniforms (weekly_uniforms.hpp), state of the week and exposure bits (neighbourhood.hpp). On
  /// every other platform it certainly changes nothing but its age.
  /// `may_follow`: the platforms where it may start following an organisation (present there,
  /// not yet followed).
  PlatformBits undecided(const CoarseWords& coarse, const Ages& ages, PlatformBits account,
                         PlatformBits may_follow, PlatformBits exposure) const;

 private:
  /// Quiet thresholds t as coarse bytes: an agent passes on a platform when its coarse byte c
  /// exceeds `below` = ceil(256 t) - 1, so that c / 256 >= t, and the uniform (never less than
  /// c / 256) is at least t. `below` is -1 for a threshold of 0 (always passed) and 255 for one
  /// of 1 or more (never passed). Indexed by a variant (bit 0: may follow the organisation,
  /// bit 1: has an account, bit 2: exposed) and the age byte: ages below kInactive hold the
  /// leave thresholds (which read bit 0 only), kInactive the adoption thresholds (bits 1 and
  /// 2), so that one lookup serves both states without a branch. Only the few ages in use are
  /// read, so the tables stay in cache; platforms beyond the scenario's always pass.
  using Platform = std::array<std::array<std::int16_t, 256>, 8>;
  /// Sets platform k's lanes of young_until_, most_young_, most_old_, most_exposed_ and
  /// possible_ from its table.
  void note_most(std::size_t platform);
  std::size_t platforms_ = 0;
  double signal_ = 0.0;
  std::array<double, scenario::kMaxPlatforms> follow_{};
  PlatformBits organisation_ = 0;  ///< bit k: the organisation is on platform k this week
  std::vector<Platform> tables_;   ///< 8 entries, or 16 with more than 8 platforms
  /// Per platform, the largest `below` of its table as a byte lane, over three classes of
  /// agents: active there for fewer than `young_until_` weeks (most_young_), exposed and
  /// inactive there (most_exposed_, adoption under the largest peer signal), and every other
  /// (most_old_: active longer, or inactive and not exposed). A coarse byte above its class's
  /// bound passes whatever the agent's state, so the table is read only for the few lanes at or
  /// below it. `young_until_`: the first age from which the novelty no longer raises a
  /// threshold above that of kLongAgo. `possible_`: bit k set where any bound is at least 0.
  util::Lanes16 young_until_, most_young_, most_old_, most_exposed_;
  unsigned possible_ = 0;
};

inline PlatformBits QuietBounds::undecided(const CoarseWords& coarse, const Ages& ages,
                                           PlatformBits account, PlatformBits may_follow,
                                           PlatformBits exposure) const {
  // Most agents' bytes all lie above the largest threshold of their lane and class (young,
  // exposed and inactive, or other): a few comparisons of sixteen lanes settle them, and only
  // the lanes left are read in the tables.
  const util::Lanes16 age_lanes{ages.low, ages.high}, bytes{coarse.low, coarse.high};
  const auto exposed_inactive =
      static_cast<PlatformBits>(exposure & util::lanes_equal(age_lanes, kInactive));
  const unsigned young = ~util::at_least(age_lanes, young_until_) & 0xFFFFU;
  const unsigned settled =
      util::chosen_at_least(exposed_inactive, most_exposed_, most_old_, bytes) & ~young;
  const unsigned candidates = (settled | (util::at_least(most_young_, bytes) & young)) & possible_;
  unsigned open = 0;
  for (unsigned left = candidates; left != 0; left &= left - 1U) {
    const auto k = static_cast<std::size_t>(std::countr_zero(left));
    const unsigned variant = ((static_cast<unsigned>(may_follow) >> k) & 1U) |
                             (((static_cast<unsigned>(account) >> k) & 1U) << 1U) |
                             (((static_cast<unsigned>(exposure) >> k) & 1U) << 2U);
    const std::uint64_t coarse_word = k < kLanes ? coarse.low : coarse.high;
    const std::int16_t byte = rng::coarse_byte(coarse_word, k % kLanes);
    open |= static_cast<unsigned>(byte <= tables_[k][variant][age_in(ages, k)]) << k;
  }
  return static_cast<PlatformBits>(open);
}

}  // namespace sim::model
