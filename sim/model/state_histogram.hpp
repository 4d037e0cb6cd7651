#pragma once
/// Counting agents by their platform bits: 256-bin histograms of the account, active and
/// (active and following) bits, the active bits by segment, folded into per-platform counts at
/// the end. An agent costs four increments instead of several per platform. An agent can also be
/// taken out again (remove), for counts kept up to date from the agents that change: the bins
/// are unsigned and every sum is taken modulo 2^32, so a histogram of changes added to the counts
/// it changes gives the exact new counts. Platforms 0-7 and
/// 8-15 have histograms of their own (the upper ones used only with more than eight platforms),
/// and agents active anywhere are counted directly.

#include <array>
#include <cstdint>
#include <vector>

#include "sim/graph/attributes.hpp"
#include "sim/model/agent_state.hpp"
#include "sim/model/week_counts.hpp"

namespace sim::model {

/// Adds a histogram of one byte of platform bits (platforms first..first+7) to per-platform
/// counts: bin b counts towards every platform whose bit is set in b.
inline void add_by_platform(const std::array<std::uint32_t, 256>& histogram, std::size_t first,
                            std::vector<std::uint32_t>& per_platform) {
  for (std::size_t bits = 1; bits < 256; ++bits) {
    for (std::size_t lane = 0; lane < kLanes && first + lane < per_platform.size(); ++lane) {
      if (((bits >> lane) & 1U) != 0) per_platform[first + lane] += histogram[bits];
    }
  }
}

/// Agents active and following the organisation, by platform: the part of StateHistogram that
/// differs between scenarios stepped together (weekly_step.hpp, Sibling).
class FollowerHistogram {
 public:
  explicit FollowerHistogram(std::size_t platforms = 0) : wide_(platforms > kLanes) {}

  void add(PlatformBits active_bits, PlatformBits follows) { change(active_bits, follows, 1U); }
  void remove(PlatformBits active_bits, PlatformBits follows) { change(active_bits, follows, ~0U); }

  /// Adds the followers per platform to `followers` ([platform]).
  void fold_into(std::vector<std::uint32_t>& followers) const {
    add_by_platform(low_, 0, followers);
    if (wide_) add_by_platform(high_, kLanes, followers);
  }

 private:
  /// Adds `step` (1, or 2^32 - 1 to take one away) to the agent's bins.
  void change(PlatformBits active_bits, PlatformBits follows, std::uint32_t step) {
    const unsigned following = active_bits & follows;
    low_[following & 0xFFU] += step;
    if (wide_) high_[following >> kLanes] += step;
  }

  bool wide_ = false;
  std::array<std::uint32_t, 256> low_{}, high_{};
};

class StateHistogram {
 public:
  explicit StateHistogram(std::size_t platforms = 0) : wide_(platforms > kLanes) {}

  void add(PlatformBits account, PlatformBits active_bits, PlatformBits follows,
           std::size_t segment) {
    change(account, active_bits, follows, segment, 1U);
  }
  void remove(PlatformBits account, PlatformBits active_bits, PlatformBits follows,
              std::size_t segment) {
    change(account, active_bits, follows, segment, ~0U);
  }

  /// Adds the per-platform counts and active_anywhere to `counts`.
  void fold_into(WeekCounts& counts) const {
    low_.fold_into(counts, 0, !wide_);
    if (wide_) {
      high_.fold_into(counts, kLanes, false);
      counts.active_anywhere += active_anywhere_;
    }
  }

 private:
  /// The histograms of one byte of platform bits, platforms first..first+7.
  struct Lanes {
    std::array<std::uint32_t, 256> accounts{};
    std::array<std::uint32_t, 256> followers{};  ///< by (active & follows) byte
    std::array<std::array<std::uint32_t, 256>, graph::kSegmentCount> active{};

    void change(unsigned account, unsigned active_bits, unsigned follows, std::size_t segment,
                std::uint32_t step) {
      accounts[account] += step;
      followers[active_bits & follows] += step;
      active[segment][active_bits] += step;
    }

    /// `anywhere`: also count agents active on any of these lanes (the byte is all there is).
    void fold_into(WeekCounts& counts, std::size_t first, bool anywhere) const {
      const std::size_t platforms = counts.platforms;
      add_by_platform(accounts, first, counts.accounts);
      add_by_platform(followers, first, counts.followers);
      for (std::size_t segment = 0; segment < graph::kSegmentCount; ++segment) {
        add_by_platform(active[segment], first, counts.active);
        std::vector<std::uint32_t> by_segment(platforms, 0);
        add_by_platform(active[segment], first, by_segment);
        for (std::size_t k = first; k < platforms; ++k)
          counts.active_by_segment[segment * platforms + k] += by_segment[k];
        if (!anywhere) continue;
        for (std::size_t bits = 1; bits < 256; ++bits)
          counts.active_anywhere += active[segment][bits];
      }
    }
  };

  /// Adds `step` (1, or 2^32 - 1 to take one away) to the agent's bins.
  void change(PlatformBits account, PlatformBits active_bits, PlatformBits follows,
              std::size_t segment, std::uint32_t step) {
    low_.change(account & 0xFFU, active_bits & 0xFFU, follows & 0xFFU, segment, step);
    if (wide_) {
      high_.change(account >> kLanes, active_bits >> kLanes, follows >> kLanes, segment, step);
      active_anywhere_ += active_bits != 0 ? step : 0U;
    }
  }

  bool wide_ = false;
  Lanes low_, high_;
  std::uint32_t active_anywhere_ = 0;
};

}  // namespace sim::model
