#pragma once
/// Trek's default model of an organisation's audience: the follower graph among its followers.
/// Heavy-tailed in- and out-degrees (log-normal activity and popularity), hubs by segment (media
/// and politicians are followed far more), clustering by triadic closure, follow-backs for
/// reciprocity, and lurkers who follow nobody. docs/graph.md gives the fits to three real
/// follower graphs.

#include <array>
#include <cstdint>

#include "sim/graph/attributes.hpp"
#include "sim/graph/graph.hpp"

namespace sim::graph::generators {

struct FollowerParams {
  NodeId nodes = 62000;
  /// Mean number of accounts a node follows by discovery and closure (before follow-backs).
  double following = 6.1;
  /// Share of those follows made by triadic closure (following a neighbour's neighbour).
  double closure = 0.715;
  /// Log-normal sigma of the number of follows per node (mean kept at `following`).
  double activity_sigma = 1.0;
  /// Log-normal sigma of popularity (how likely an account is to be discovered and followed).
  double popularity_sigma = 2.0;
  /// Probability that a followed citizen or organisation follows back.
  double follow_back = 0.26;
  /// Probability that a followed journalist or politician follows back.
  double follow_back_hub = 0.10;
  /// Follow-backs by activity: a follower that follows f accounts is followed back with the
  /// followed node's probability times (f / following)^follow_back_activity, at most 1 (0: every
  /// follower alike). Active accounts are noticed and followed back, passive ones seldom are.
  double follow_back_activity = 0.0;
  /// Share of nodes that follow nobody (and follow nobody back); they can still be followed.
  double lurkers = 0.0;
  /// A discovery or closure follow that lands on an account already followed (or on the node
  /// itself) is drawn again, up to this many times (0: it is lost). Heavy followers otherwise lose
  /// most of their follows to repeats of the few most popular accounts.
  std::uint32_t redraws = 0;
  /// Segment shares (citizen = the rest), indexed by Segment.
  std::array<double, kSegmentCount> segment_share{0.0, 0.03, 0.02, 0.05};
  /// Popularity multiplier per segment: media and politicians are hubs.
  std::array<double, kSegmentCount> segment_popularity{1.0, 12.0, 8.0, 3.0};
  std::uint64_t seed = 1;
};

/// Phases, each reading only the finished graph of the phase before (so parallel and
/// deterministic): (1) per-node segment, popularity and activity; (2) discovery follows drawn by
/// popularity (Walker alias table); (3) triadic-closure follows; (4) follow-backs per arc.
Graph generate_follower(const FollowerParams& params);

}  // namespace sim::graph::generators
