#pragma once
/// The independent-cascade kernel: one cascade at a time, each with its own live arcs.
///
/// A reached node passes the message to each active follower once, with the arc's probability.
/// The live arcs of node u in cascade c are drawn from address (cascade_live, u) of c, so the set
/// reached does not depend on the order of traversal or on the thread. Without delays the kernel is
/// a breadth-first search over a bit set of reached nodes (one bit per node); with delays it is a
/// Dijkstra search over the same live arcs, giving each reached node its arrival time in hours.
///
/// An object holds scratch memory for one graph; use one per thread.

#include <cstdint>
#include <span>
#include <vector>

#include "sim/cascade/delay.hpp"
#include "sim/cascade/transmission.hpp"
#include "sim/graph/graph.hpp"
#include "sim/util/bitset.hpp"

namespace sim::cascade {

struct CascadeOutcome {
  std::uint32_t reached = 0;  ///< nodes reached, seeds included
  std::uint32_t rounds = 0;   ///< hops from a seed to the farthest reached node (by first arrival)
  std::uint64_t arcs_decided =
      0;  ///< follower arcs whose fate was drawn (out-arcs of reached nodes)
};

class IndependentCascade {
 public:
  /// `active`: nodes on the platform layer (null: all). The graph, transmission and active set must
  /// outlive the object; call transmission.validate_for(graph) first.
  IndependentCascade(const graph::Graph& graph, const Transmission& transmission,
                     const util::Bitset* active = nullptr);

  /// Runs one cascade from `seeds` (inactive seeds and repeats are ignored).
  CascadeOutcome run(const CascadeKey& key, std::span<const graph::NodeId> seeds);
  /// As run(), with per-hop delays; arrival_hours() then gives each reached node's arrival time.
  CascadeOutcome run_timed(const CascadeKey& key, std::span<const graph::NodeId> seeds,
                           const DelayModel& delay);

  /// Nodes reached by the last cascade, in order of arrival (seeds first).
  std::span<const graph::NodeId> reached_nodes() const { return queue_; }
  /// Arrival time in hours of each node of reached_nodes() (run_timed only; seeds at 0).
  std::span<const double> arrival_hours() const { return arrival_; }

 private:
  void start(std::span<const graph::NodeId> seeds);
  void clear_reached();

  const graph::Graph* graph_;
  const Transmission* transmission_;
  const util::Bitset* active_;
  util::Bitset reached_;
  std::vector<graph::NodeId> queue_;
  std::vector<graph::ArcIndex> live_;  // the live arcs of one level
  std::vector<double> arrival_;
};

}  // namespace sim::cascade
