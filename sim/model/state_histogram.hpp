#pragma once
/// Counting agents by their platform bytes: 256-bin histograms of the account, active and
/// (active and following) bytes, the active byte by segment, folded into per-platform counts at
/// the end. An agent costs four increments instead of several per platform.

#include <array>
#include <cstdint>

#include "sim/graph/attributes.hpp"
#include "sim/model/week_counts.hpp"

namespace sim::model {

struct StateHistogram {
  std::array<std::uint32_t, 256> accounts{};
  std::array<std::uint32_t, 256> followers{};  ///< by (active & follows) byte
  std::array<std::array<std::uint32_t, 256>, graph::kSegmentCount> active{};

  void add(std::uint8_t account, std::uint8_t active_bits, std::uint8_t follows,
           std::size_t segment) {
    ++accounts[account];
    ++followers[active_bits & follows];
    ++active[segment][active_bits];
  }

  /// Adds the per-platform counts and active_anywhere to `counts`.
  void fold_into(WeekCounts& counts) const {
    const std::size_t platforms = counts.platforms;
    for (std::size_t bits = 1; bits < 256; ++bits) {
      for (std::size_t k = 0; k < platforms; ++k) {
        if (((bits >> k) & 1U) == 0) continue;
        counts.accounts[k] += accounts[bits];
        counts.followers[k] += followers[bits];
        for (std::size_t segment = 0; segment < graph::kSegmentCount; ++segment) {
          counts.active[k] += active[segment][bits];
          counts.active_by_segment[segment * platforms + k] += active[segment][bits];
        }
      }
      for (std::size_t segment = 0; segment < graph::kSegmentCount; ++segment) {
        counts.active_anywhere += active[segment][bits];
      }
    }
  }
};

}  // namespace sim::model
