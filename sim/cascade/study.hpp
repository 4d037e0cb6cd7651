#pragma once
/// Many Monte Carlo cascades on one graph, run in parallel with oneTBB. Each cascade's result is a
/// pure function of (run key, week, cascade number), so the samples are identical for any thread
/// count. Everything is validated before the parallel loop starts.

#include <cstdint>
#include <vector>

#include "sim/cascade/seeds.hpp"
#include "sim/cascade/threshold_cascade.hpp"

namespace sim::cascade {

struct CascadeStudy {
  enum class Model { kIndependent, kThreshold };
  Model model = Model::kIndependent;
  Transmission transmission = Transmission::uniform(0.1);  ///< independent cascade
  ThresholdRule threshold;                                 ///< threshold model
  SeedRule seeds;
  DelayModel delay;                 ///< independent cascade only
  std::vector<double> times_hours;  ///< report reach at these times (needs a delay model)
  std::uint64_t samples = 1000;
  rng::RunKey run;
  std::uint32_t week = 0;
  /// Cascades per sampled live-arc graph (1: every cascade independent; at most 64). Independent
  /// cascade without delays only.
  std::uint32_t cascades_per_live_graph = 1;
  /// Count rounds. With shared live-arc graphs, false computes final sizes from the components of
  /// each live graph instead of propagating round by round, which is much faster.
  bool count_rounds = true;
  const util::Bitset* active = nullptr;    ///< platform layer (null: every node)
  const util::Bitset* audience = nullptr;  ///< the organisation's followers, for feed seeds

  /// Throws InputError on anything that cannot run.
  void validate_for(const graph::Graph& graph) const;
};

/// Per-cascade results, indexed by cascade number.
struct CascadeSamples {
  std::vector<std::uint32_t> reached;  ///< final size, seeds included
  std::vector<std::uint32_t> seeds;    ///< number of (active) seeds
  std::vector<std::uint32_t> rounds;   ///< hops to the farthest node (0: not counted)
  bool rounds_counted = true;
  std::vector<std::uint64_t> arcs_decided;     ///< out-arcs of reached nodes
  std::vector<std::uint32_t> reached_by_time;  ///< samples x times, row-major (with delays)
  std::size_t time_count = 0;
  std::uint64_t eligible_nodes = 0;  ///< nodes that can take part (active)
};

CascadeSamples run_study(const graph::Graph& graph, const CascadeStudy& study);

}  // namespace sim::cascade
