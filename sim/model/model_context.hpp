#pragma once
/// Everything the weekly update reads besides the agents' state: the scenario, the graph, the time
/// line, and per-replicate draws made once (toxicity tolerances, rebuilt ties).

#include <cstdint>
#include <vector>

#include "sim/graph/graph.hpp"
#include "sim/model/timeline.hpp"
#include "sim/rng/philox.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/util/bitset.hpp"

namespace sim::model {

struct ModelContext {
  ModelContext(const scenario::Scenario& scenario, const graph::Graph& graph, rng::RunKey run);

  const scenario::Scenario& scenario;
  const graph::Graph& graph;
  Timeline timeline;
  rng::RunKey run;
  std::vector<float> tolerance;    ///< per agent, in [0, 1]
  std::vector<util::Bitset> ties;  ///< per platform: arcs rebuilt there (all on rebuild = 1)
  std::vector<double> recency;     ///< peer weight by weeks since activation; back() = long ago

  std::size_t platforms() const { return scenario.platforms.size(); }
  double recency_weight(std::int64_t age) const {
    const auto index = static_cast<std::size_t>(age);
    return age >= 0 && index < recency.size() - 1 ? recency[index] : recency.back();
  }
};

}  // namespace sim::model
