#pragma once
/// Independent cascades that share one sampled live-arc graph, 64 at a time.
///
/// An IC cascade from seed set S reaches exactly the nodes reachable from S in a live-arc graph
/// (each arc kept with its probability). Sampling that graph once and running up to 64 cascades on
/// it, one bit per cascade in a 64-bit word per node, costs one pass over the live arcs per round
/// for all 64 cascades. Each cascade has exactly the distribution of an independent one; cascades
/// on the same live graph are correlated, so uncertainty must be estimated over live graphs.
///
/// When round counts are not needed, run_sizes() computes final sizes from the strongly connected
/// components of the live graph (LiveComponents): each cascade then costs only its tendrils.
///
/// Live graph g is drawn from address (cascade_live_graph, node) with cascade number g.
/// An object holds scratch memory for one graph; use one per thread.

#include <cstdint>
#include <span>
#include <vector>

#include "sim/cascade/independent_cascade.hpp"
#include "sim/cascade/live_components.hpp"

namespace sim::cascade {

class SharedLiveCascades {
 public:
  static constexpr std::size_t kLanes = 64;

  SharedLiveCascades(const graph::Graph& graph, const Transmission& transmission,
                     const util::Bitset* active = nullptr);

  /// Samples the live-arc graph number key.cascade of key.run.
  void sample(const CascadeKey& key);
  /// Runs one cascade per lane (at most 64) on the sampled live graph; lane l starts from seeds[l].
  void run(std::span<const std::vector<graph::NodeId>> seeds, std::span<CascadeOutcome> outcomes);
  /// As run(), without round counts (outcome.rounds is 0): any number of lanes.
  void run_sizes(std::span<const std::vector<graph::NodeId>> seeds,
                 std::span<CascadeOutcome> outcomes);

  graph::ArcIndex live_arc_count() const { return live_targets_.size(); }

 private:
  void reset();
  void seed_lanes(std::span<const std::vector<graph::NodeId>> seeds);
  void count_reached(std::span<CascadeOutcome> outcomes) const;
  CascadeOutcome size_of(std::span<const graph::NodeId> seeds);
  graph::ArcIndex degree(graph::NodeId node) const {
    return graph_->out_offsets()[node + 1] - graph_->out_offsets()[node];
  }

  const graph::Graph* graph_;
  const Transmission* transmission_;
  const util::Bitset* active_;
  std::vector<graph::ArcIndex> live_offsets_;
  std::vector<graph::NodeId> live_targets_;
  // The two words the inner loop touches for a follower, side by side: one cache miss, not two.
  struct Lanes {
    std::uint64_t reached = 0;  // lanes that reached the node
    std::uint64_t next = 0;     // lanes that reach it in the next round
  };
  std::vector<Lanes> lanes_;
  std::vector<std::uint64_t> current_;   // lanes that reached each node in the current round
  std::vector<graph::NodeId> touched_;   // nodes with reached_ != 0
  std::vector<graph::NodeId> frontier_;  // nodes with current_ != 0
  std::vector<graph::NodeId> upcoming_;  // nodes with next_ != 0
  // Sizes without rounds.
  LiveComponents components_;
  bool components_ready_ = false;       // components_ describes the current live graph
  graph::ArcIndex giant_out_arcs_ = 0;  // out-arcs (in the full graph) of the giant's out-component
  util::Bitset visited_;
  std::vector<graph::NodeId> visit_;
};

}  // namespace sim::cascade
