#include "sim/model/model_context.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "sim/rng/distributions.hpp"

namespace sim::model {
namespace {

std::vector<float> draw_tolerances(const scenario::Scenario& s, graph::NodeId agents,
                                   rng::RunKey run) {
  std::vector<float> tolerance(agents);
  tbb::parallel_for(graph::NodeId{0}, agents, [&](graph::NodeId agent) {
    rng::RandomStream draws(run, {rng::Stream::kModelTolerance, agent});
    const double value = rng::normal(draws, s.model.tolerance_mean, s.model.tolerance_sd);
    tolerance[agent] = static_cast<float>(std::clamp(value, 0.0, 1.0));
  });
  return tolerance;
}

// One Philox block per arc gives eight 32-bit uniforms, one per platform; the draw is keyed by the
// arc, the bit stored at the arc's followee slot. Tasks fill whole 64-bit words (64 slots) so
// that no two write the same word.
std::vector<util::Bitset> draw_ties(const scenario::Scenario& s, const graph::Graph& graph,
                                    rng::RunKey run) {
  const auto slot_arcs = graph.slot_arcs();
  const std::size_t slots = slot_arcs.size();
  std::vector<util::Bitset> ties;
  for (const auto& p : s.platforms)
    ties.emplace_back(slots, p.rebuild >= 1.0);
  tbb::parallel_for(std::size_t{0}, (slots + 63) / 64, [&](std::size_t word) {
    for (std::size_t k = 0; k < s.platforms.size(); ++k) {
      if (s.platforms[k].rebuild < 1.0) ties[k].word(word) = 0;
    }
    for (std::size_t slot = word * 64; slot < std::min(slots, word * 64 + 64); ++slot) {
      const auto block = rng::philox_block(run, {rng::Stream::kModelTie, slot_arcs[slot]}, 0);
      for (std::size_t k = 0; k < s.platforms.size(); ++k) {
        const double rebuild = s.platforms[k].rebuild;
        if (rebuild >= 1.0) continue;
        const std::uint64_t bits = block.v[k / 2] >> (32 * (k % 2));
        const auto uniform = static_cast<double>(bits & 0xFFFFFFFFU) * 0x1p-32;
        if (uniform < rebuild) ties[k].word(word) |= std::uint64_t{1} << (slot % 64);
      }
    }
  });
  return ties;
}

/// Ages of 6.9 time constants and more weigh less than 1e-3 of a new mover: dropped.
std::uint8_t influence_horizon(double memory_weeks) {
  if (memory_weeks == 0.0) return kLongAgo;
  const double weeks = std::ceil(memory_weeks * std::log(1000.0));
  return static_cast<std::uint8_t>(std::min<double>(weeks, kLongAgo));
}

AgeTable recency_table(double memory_weeks) {
  AgeTable table{};
  for (std::size_t age = 0; age < influence_horizon(memory_weeks); ++age) {
    table[age] = memory_weeks == 0.0
                     ? 1.0F
                     : static_cast<float>(std::exp(-static_cast<double>(age) / memory_weeks));
  }
  table[kLongAgo] = memory_weeks == 0.0 ? 1.0F : 0.0F;
  table[kInactive] = 0.0F;
  return table;
}

AgeTable novelty_table(const scenario::PlatformParams& p) {
  AgeTable table{};
  for (std::size_t age = 0; age < kLongAgo; ++age) {
    table[age] =
        static_cast<float>(p.novelty_churn * std::exp(-static_cast<double>(age) / p.novelty_weeks));
  }
  return table;
}

}  // namespace

ModelContext::ModelContext(const scenario::Scenario& s, const graph::Graph& g, rng::RunKey key)
    : scenario(s),
      graph(g),
      timeline(s),
      run(key),
      tolerance(draw_tolerances(s, g.node_count(), key)),
      ties(draw_ties(s, g, key)),
      recency(recency_table(s.model.memory_weeks)),
      horizon(influence_horizon(s.model.memory_weeks)) {
  for (const auto& p : s.platforms)
    novelty.push_back(novelty_table(p));
  for (std::uint32_t week = 0; week <= s.weeks; ++week) {
    std::uint8_t mask = 0;
    for (std::size_t k = 0; k < s.platforms.size(); ++k) {
      if (timeline.at(week, k).launched && s.platforms[k].imitation > 0.0) {
        mask = static_cast<std::uint8_t>(mask | (1U << k));
      }
    }
    imitating.push_back(mask);
  }
  for (std::size_t k = 0; k < s.platforms.size(); ++k) {
    if (s.platforms[k].lock_in > 0.0) locking = static_cast<std::uint8_t>(locking | (1U << k));
  }
}

}  // namespace sim::model
