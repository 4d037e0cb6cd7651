// Builds the per-replicate context once, before the first week: rebuilt ties drawn per arc
// (one Philox block gives eight platforms their uniforms) and stored as bit sets both by
// followee slot and by arc, toxicity tolerances per agent, and the age tables of the recency and
// novelty weights, cut where a weight falls below 1e-3.

#include "sim/model/model_context.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/model/platform_traits.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/two_part_uniforms.hpp"

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

// One Philox block per arc gives eight 32-bit uniforms, one per platform (a second block, at
// sub-address rng::kUpperPlatforms, those of platforms 8-15). The bits are stored by
// position (`arc_of` maps a position to its arc: followee slots, or arcs themselves). Tasks fill
// whole 64-bit words (64 positions) so that no two write the same word.
template <class ArcOf>
std::vector<util::Bitset> draw_tie_bits(const scenario::Scenario& s, std::size_t size,
                                        rng::RunKey run, ArcOf arc_of) {
  std::vector<util::Bitset> ties;
  for (const auto& p : s.platforms)
    ties.emplace_back(size, p.rebuild >= 1.0);
  // Platforms 8-15 take their uniforms from a second block (docs/rng.md), drawn only when one of
  // them rebuilds ties, so that scenarios of up to eight platforms draw what they always drew.
  bool wide = false;
  for (std::size_t k = kLanes; k < s.platforms.size(); ++k)
    wide = wide || s.platforms[k].rebuild < 1.0;
  tbb::parallel_for(std::size_t{0}, (size + 63) / 64, [&](std::size_t word) {
    for (std::size_t k = 0; k < s.platforms.size(); ++k) {
      if (s.platforms[k].rebuild < 1.0) ties[k].word(word) = 0;
    }
    for (std::size_t position = word * 64; position < std::min(size, word * 64 + 64); ++position) {
      const std::uint64_t arc = arc_of(position);
      const auto low = rng::philox_block(run, {rng::Stream::kModelTie, arc}, 0);
      const auto high =
          wide ? rng::philox_block(run, {rng::Stream::kModelTie, arc, 0, rng::kUpperPlatforms}, 0)
               : low;
      for (std::size_t k = 0; k < s.platforms.size(); ++k) {
        const double rebuild = s.platforms[k].rebuild;
        if (rebuild >= 1.0) continue;
        const double u =
            k < kLanes ? rng::half_uniform(low, k) : rng::half_uniform(high, k - kLanes);
        if (u < rebuild) ties[k].word(word) |= std::uint64_t{1} << (position % 64);
      }
    }
  });
  return ties;
}

/// Ties by followee slot: each agent's lock-in reads consecutive bits.
std::vector<util::Bitset> draw_ties(const scenario::Scenario& s, const graph::Graph& graph,
                                    rng::RunKey run) {
  const auto slot_arcs = graph.slot_arcs();
  return draw_tie_bits(s, slot_arcs.size(), run, [&](std::size_t slot) { return slot_arcs[slot]; });
}

/// The ties by followee slot read off the ties by arc (the same bits, without drawing them again).
std::vector<util::Bitset> slot_ties_of(const scenario::Scenario& s, const graph::Graph& graph,
                                       const std::vector<util::Bitset>& arc_ties) {
  const auto slot_arcs = graph.slot_arcs();
  std::vector<util::Bitset> ties;
  for (std::size_t k = 0; k < s.platforms.size(); ++k) {
    ties.emplace_back(slot_arcs.size(), s.platforms[k].rebuild >= 1.0);
    if (s.platforms[k].rebuild >= 1.0) continue;
    util::Bitset& slots = ties.back();
    tbb::parallel_for(std::size_t{0}, (slot_arcs.size() + 63) / 64, [&](std::size_t word) {
      for (std::size_t slot = word * 64; slot < std::min(slot_arcs.size(), word * 64 + 64);
           ++slot) {
        if (arc_ties[k].test(slot_arcs[slot])) slots.set(slot);
      }
    });
  }
  return ties;
}

/// The same ties by arc index, for spreading posts along follower rows.
std::vector<util::Bitset> draw_arc_ties(const scenario::Scenario& s, const graph::Graph& graph,
                                        rng::RunKey run) {
  return draw_tie_bits(s, graph.arc_count(), run, [](std::size_t arc) { return arc; });
}

/// Ages of 6.9 time constants and more weigh less than 1e-3 of a new mover: dropped.
std::uint8_t influence_horizon(double memory_weeks) {
  if (memory_weeks == 0.0) return kLongAgo;
  const double weeks = std::ceil(memory_weeks * std::log(1000.0));
  return static_cast<std::uint8_t>(std::min<double>(weeks, kLongAgo));
}

/// Without memory, or under threshold contagion (a share of followees active whatever their
/// age), every active age weighs 1.
AgeTable recency_table(const scenario::ModelOptions& model) {
  if (every_active_signals(model)) {
    AgeTable table{};
    table.fill(1.0F);
    table[kInactive] = 0.0F;
    return table;
  }
  const double memory_weeks = model.memory_weeks;
  AgeTable table{};
  for (std::size_t age = 0; age < influence_horizon(memory_weeks); ++age)
    table[age] = static_cast<float>(std::exp(-static_cast<double>(age) / memory_weeks));
  table[kLongAgo] = 0.0F;
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
      arc_ties(s.reach.posts > 0 ? draw_arc_ties(s, g, key) : std::vector<util::Bitset>{}),
      recency(recency_table(s.model)),
      horizon(influence_horizon(s.model.memory_weeks)) {
  // With reach the ties by arc exist already: the ties by slot are the same bits, reordered.
  ties = arc_ties.empty() ? draw_ties(s, g, key) : slot_ties_of(s, g, arc_ties);
  lowest_tolerance =
      tolerance.empty() ? 1.0F : *std::min_element(tolerance.begin(), tolerance.end());
  derive_tables();
}

ModelContext::ModelContext(const scenario::Scenario& s, const graph::Graph& g, rng::RunKey key,
                           const ModelContext& same_draws)
    : scenario(s),
      graph(g),
      timeline(s),
      run(key),
      tolerance(same_draws.tolerance),
      lowest_tolerance(same_draws.lowest_tolerance),
      ties(same_draws.ties),
      recency(same_draws.recency),
      horizon(same_draws.horizon) {
  if (key.master_seed != same_draws.run.master_seed || key.run != same_draws.run.run ||
      &g != &same_draws.graph) {
    throw std::invalid_argument("ModelContext: the draws of another run or graph");
  }
  if (s.reach.posts > 0)
    arc_ties = same_draws.arc_ties.empty() ? draw_arc_ties(s, g, key) : same_draws.arc_ties;
  derive_tables();
}

void ModelContext::derive_tables() {
  const scenario::Scenario& s = scenario;
  std::vector<double> stay_share;
  for (const auto& p : s.platforms) {
    novelty.push_back(novelty_table(p));
    stay_share.push_back(p.novelty_churn > 0.0 ? p.stay_share : 0.0);
  }
  stayers = draw_platform_traits(run, rng::Stream::kModelStayer, graph.node_count(), stay_share);
  for (std::uint32_t week = 0; week <= s.weeks; ++week) {
    PlatformBits mask = 0;
    for (std::size_t k = 0; k < s.platforms.size(); ++k) {
      if (timeline.at(week, k).launched && s.platforms[k].imitation > 0.0) mask = with(mask, k);
    }
    imitating.push_back(mask);
  }
  for (std::size_t k = 0; k < s.platforms.size(); ++k) {
    if (s.platforms[k].lock_in > 0.0) locking = with(locking, k);
    if (s.platforms[k].leave_imitation > 0.0) leave_imitating = with(leave_imitating, k);
  }
}

}  // namespace sim::model
