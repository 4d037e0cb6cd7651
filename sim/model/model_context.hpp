#pragma once
/// Everything the weekly update reads besides the agents' state: the scenario, the graph, the time
/// line, per-replicate draws made once (toxicity tolerances, rebuilt ties) and lookup tables.

#include <array>
#include <cstdint>
#include <vector>

#include "sim/graph/graph.hpp"
#include "sim/model/agent_state.hpp"
#include "sim/model/timeline.hpp"
#include "sim/rng/philox.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/util/bitset.hpp"

namespace sim::model {

/// A value for each age byte (0..kLongAgo, and kInactive).
using AgeTable = std::array<float, 256>;

/// Every active followee carries the peer signal, whatever its age: without memory
/// (memory_weeks = 0), and under threshold contagion, whose signal is the share of followees
/// active on the platform.
inline bool every_active_signals(const scenario::ModelOptions& model) {
  return model.memory_weeks == 0.0 ||
         model.contagion == scenario::ModelOptions::Contagion::kThreshold;
}

struct ModelContext {
  ModelContext(const scenario::Scenario& scenario, const graph::Graph& graph, rng::RunKey run);
  /// The context of a scenario that moves alike with the scenario of `same_draws`
  /// (engine/run_together.hpp) under the same run key: its tolerances and rebuilt ties are the
  /// same draws, so they are copied from `same_draws` instead of drawn again.
  ModelContext(const scenario::Scenario& scenario, const graph::Graph& graph, rng::RunKey run,
               const ModelContext& same_draws);

  const scenario::Scenario& scenario;
  const graph::Graph& graph;
  Timeline timeline;
  rng::RunKey run;
  std::vector<float> tolerance;   ///< per agent, in [0, 1]
  float lowest_tolerance = 0.0F;  ///< the least of `tolerance` (1 when there are no agents)
  /// Per platform, one bit per followee slot (graph.first_followee_slot): the tie from the
  /// followee to the agent is rebuilt there (all set when rebuild = 1). Drawn per arc.
  std::vector<util::Bitset> ties;
  /// The same ties by arc index (u -> v: v follows u), for spreading posts; empty without reach.
  std::vector<util::Bitset> arc_ties;
  /// Peer weight of a followee by its age there: exp(-age / memory_weeks) below the horizon, 0
  /// from there on and for kInactive (1 for every active age when every_active_signals).
  AgeTable recency{};
  /// Influence horizon (weeks): weights below 1e-3 (ages of 6.9 time constants and more) are
  /// dropped, so that only recent movers are looked up.
  std::uint8_t horizon = kLongAgo;
  /// Per platform: novelty churn of an agent by its age there (1/week), an upper bound for
  /// stayers.
  std::vector<AgeTable> novelty;
  /// Per agent, the platforms on which it is a stayer (no novelty churn; stay_share); empty when
  /// no platform has stayers.
  std::vector<PlatformBits> stayers;

  /// The novelty churn of `agent` at `age` on platform k (1/week).
  float novelty_of(std::size_t agent, std::size_t k, std::uint8_t age) const {
    return !stayers.empty() && has(stayers[agent], k) ? 0.0F : novelty[k][age];
  }

  /// Per week: bit k set when platform k can be adopted and has imitation > 0.
  std::vector<PlatformBits> imitating;
  /// Bit k set when platform k has lock_in > 0.
  PlatformBits locking = 0;
  /// Bit k set when platform k has leave_imitation > 0: the agents' `left` bits are kept.
  PlatformBits leave_imitating = 0;

  std::size_t platforms() const { return scenario.platforms.size(); }

 private:
  /// The tables and masks read off the scenario (novelty, imitating, locking).
  void derive_tables();
};

}  // namespace sim::model
