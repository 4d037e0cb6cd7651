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

// One Philox block per arc gives eight 32-bit uniforms, one per platform. Tasks fill whole 64-bit
// words (64 arcs) so that no two write the same word.
std::vector<util::Bitset> draw_ties(const scenario::Scenario& s, const graph::Graph& graph,
                                    rng::RunKey run) {
  const graph::ArcIndex arcs = graph.arc_count();
  std::vector<util::Bitset> ties;
  for (const auto& p : s.platforms) ties.emplace_back(arcs, p.rebuild >= 1.0);
  const std::size_t words = (arcs + 63) / 64;
  tbb::parallel_for(std::size_t{0}, words, [&](std::size_t word) {
    for (std::size_t k = 0; k < s.platforms.size(); ++k) {
      if (s.platforms[k].rebuild < 1.0) ties[k].word(word) = 0;
    }
    for (graph::ArcIndex arc = word * 64; arc < std::min<graph::ArcIndex>(arcs, word * 64 + 64);
         ++arc) {
      const auto block = rng::philox_block(run, {rng::Stream::kModelTie, arc}, 0);
      for (std::size_t k = 0; k < s.platforms.size(); ++k) {
        const double rebuild = s.platforms[k].rebuild;
        if (rebuild >= 1.0) continue;
        const std::uint64_t bits = block.v[k / 2] >> (32 * (k % 2));
        const auto uniform = static_cast<double>(bits & 0xFFFFFFFFU) * 0x1p-32;
        if (uniform < rebuild) ties[k].word(word) |= std::uint64_t{1} << (arc % 64);
      }
    }
  });
  return ties;
}

}  // namespace

ModelContext::ModelContext(const scenario::Scenario& s, const graph::Graph& g, rng::RunKey key)
    : scenario(s),
      graph(g),
      timeline(s),
      run(key),
      tolerance(draw_tolerances(s, g.node_count(), key)),
      ties(draw_ties(s, g, key)) {
  const double memory = s.model.memory_weeks;
  for (std::uint32_t age = 0; age <= s.weeks + 1; ++age) {
    recency.push_back(memory == 0.0 ? 1.0 : std::exp(-static_cast<double>(age) / memory));
  }
  recency.push_back(memory == 0.0 ? 1.0 : 0.0);  // long ago
}

}  // namespace sim::model
