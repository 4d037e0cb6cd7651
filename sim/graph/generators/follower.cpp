// The follower model. Per node v (draws keyed by node):
//   segment     ~ Categorical(segment_share)
//   popularity  = segment_popularity[segment] * LogNormal(0, popularity_sigma)
//   follows     = 1 + StochasticRound(max(0, following * LogNormal(-s^2/2, s) - 1)), s =
//   activity_sigma, or 0 for a lurker (probability `lurkers`)
// of which each after the first is a closure follow with probability `closure`.
// Phase 2: v follows `discovery` accounts drawn in proportion to popularity (alias table).
// Phase 3: for each closure follow, v picks a uniform neighbour w of its own in the phase-2 graph
//   (an account it follows or that follows it) and a uniform account x that w follows (any
//   neighbour of w when w follows none), and follows x: every such follow closes a triangle v-w-x.
// In phases 2 and 3 a follow that repeats one of v's follows (or is v) is drawn again, up to
//   `redraws` times, from the same stream; what still repeats collapses, so without redraws the
//   follows of heavy followers to popular accounts are partly lost.
// Phase 4: for every arc u -> v (v follows u) of the phase-3 graph, u follows v back with
//   probability follow_back (follow_back_hub for media and politicians) times
//   (follows_v / following)^follow_back_activity, at most 1 (never when u is a lurker); draws
//   keyed by arc index.

#include "sim/graph/generators/follower.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <span>

#include "sim/graph/build.hpp"
#include "sim/graph/generators/alias_table.hpp"
#include "sim/graph/generators/collect_arcs.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace sim::graph::generators {
namespace {

struct NodeTraits {
  std::vector<Segment> segment;
  std::vector<double> popularity;
  std::vector<std::uint32_t> discovery;  ///< follows drawn by popularity
  std::vector<std::uint32_t> closure;    ///< follows drawn by triadic closure

  /// All follows node v draws (0 for a lurker).
  std::uint32_t follows(NodeId v) const { return discovery[v] + closure[v]; }
};

Segment draw_segment(const FollowerParams& params, double x) {
  for (std::size_t s = 1; s < kSegmentCount; ++s) {
    if (x < params.segment_share[s]) return static_cast<Segment>(s);
    x -= params.segment_share[s];
  }
  return Segment::kCitizen;
}

NodeTraits draw_traits(const FollowerParams& params) {
  const NodeId n = params.nodes;
  NodeTraits traits{std::vector<Segment>(n), std::vector<double>(n), std::vector<std::uint32_t>(n),
                    std::vector<std::uint32_t>(n)};
  const rng::RunKey key{params.seed, 0};
  const double s = params.activity_sigma;
  tbb::parallel_for(tbb::blocked_range<NodeId>(0, n, kGeneratorGrain), [&](const auto& range) {
    for (NodeId v = range.begin(); v != range.end(); ++v) {
      rng::RandomStream segment_draw(key, {.stream = rng::Stream::kGraphSegment, .entity = v});
      const Segment segment = draw_segment(params, rng::uniform01(segment_draw));
      // The segment stream's second draw: graphs without lurkers keep every other draw.
      const bool lurker = params.lurkers > 0.0 && rng::uniform01(segment_draw) < params.lurkers;
      rng::RandomStream popularity(key, {.stream = rng::Stream::kGraphPopularity, .entity = v});
      traits.segment[v] = segment;
      traits.popularity[v] = params.segment_popularity[static_cast<std::size_t>(segment)] *
                             rng::lognormal(popularity, 0.0, params.popularity_sigma);
      rng::RandomStream activity(key, {.stream = rng::Stream::kGraphActivity, .entity = v});
      const double extra =
          std::max(0.0, params.following * rng::lognormal(activity, -s * s / 2, s) - 1.0);
      const auto follows =
          lurker ? 0U : 1 + static_cast<std::uint32_t>(extra + rng::uniform01(activity));
      std::uint32_t closing = 0;
      for (std::uint32_t k = 1; k < follows; ++k)
        closing += rng::bernoulli(activity, params.closure);
      traits.discovery[v] = follows - closing;
      traits.closure[v] = closing;
    }
  });
  return traits;
}

/// The accounts one node already follows, for redrawing repeats (sorted; used only with redraws).
class FollowSet {
 public:
  explicit FollowSet(std::span<const NodeId> followees = {})
      : followed_(followees.begin(), followees.end()) {}
  bool contains(NodeId node) const {
    return std::binary_search(followed_.begin(), followed_.end(), node);
  }
  void insert(NodeId node) {
    followed_.insert(std::lower_bound(followed_.begin(), followed_.end(), node), node);
  }
  std::size_t size() const { return followed_.size(); }

 private:
  std::vector<NodeId> followed_;
};

/// Draws one follow of `v` with `draw()`, drawn again up to params.redraws times while it repeats
/// a follow in `followed` or is v itself; records it. Without redraws nothing is tracked.
template <class Draw>
NodeId draw_follow(const FollowerParams& params, NodeId v, FollowSet& followed, Draw&& draw) {
  NodeId u = draw();
  // Once v follows every other node, no redraw can find a new one.
  if (params.redraws == 0 || followed.size() + 1 >= params.nodes) return u;
  for (std::uint32_t tries = 0; tries < params.redraws && (u == v || followed.contains(u)); ++tries)
    u = draw();
  if (u != v && !followed.contains(u)) followed.insert(u);
  return u;
}

std::vector<Arc> discovery_arcs(const FollowerParams& params, const NodeTraits& traits) {
  const AliasTable by_popularity(traits.popularity);
  return collect_arcs(params.nodes, [&](NodeId v, std::vector<Arc>& out) {
    rng::RandomStream draws({params.seed, 0}, {.stream = rng::Stream::kGraphArcs, .entity = v});
    FollowSet followed;
    for (std::uint32_t k = 0; k < traits.discovery[v]; ++k) {
      const NodeId u =
          draw_follow(params, v, followed, [&] { return by_popularity.sample(draws.next()); });
      if (u != v) out.push_back({u, v});
    }
  });
}

/// A uniform neighbour (followee or follower) of `node`, or `node` itself when it has none.
NodeId random_neighbour(const Graph& graph, NodeId node, std::uint64_t bits) {
  const auto followees = graph.followees(node);
  const auto followers = graph.followers(node);
  const std::uint64_t degree = followees.size() + followers.size();
  if (degree == 0) return node;
  const auto pick = static_cast<std::size_t>(rng::multiply_high(bits, degree));
  return pick < followees.size() ? followees[pick] : followers[pick - followees.size()];
}

/// A uniform account that `node` follows, or any neighbour when it follows none.
NodeId random_followee(const Graph& graph, NodeId node, std::uint64_t bits) {
  const auto followees = graph.followees(node);
  if (followees.empty()) return random_neighbour(graph, node, bits);
  return followees[static_cast<std::size_t>(rng::multiply_high(bits, followees.size()))];
}

std::vector<Arc> closure_arcs(const FollowerParams& params, const NodeTraits& traits,
                              const Graph& discovered) {
  return collect_arcs(params.nodes, [&](NodeId v, std::vector<Arc>& out) {
    rng::RandomStream draws({params.seed, 0}, {.stream = rng::Stream::kGraphClosure, .entity = v});
    FollowSet followed(params.redraws > 0 ? discovered.followees(v) : std::span<const NodeId>{});
    const auto closing_follow = [&] {
      const NodeId via = random_neighbour(discovered, v, draws.next());
      return random_followee(discovered, via, draws.next());
    };
    for (std::uint32_t k = 0; k < traits.closure[v]; ++k) {
      const NodeId x = draw_follow(params, v, followed, closing_follow);
      if (x != v) out.push_back({x, v});
    }
  });
}

std::vector<Arc> arcs_of(const Graph& graph) {
  return collect_arcs(graph.node_count(), [&](NodeId u, std::vector<Arc>& out) {
    for (NodeId v : graph.followers(u))
      out.push_back({u, v});
  });
}

/// The chance of following back `follower`: `base` times (its follows / following)^activity, at
/// most 1. Active accounts are noticed and followed back; passive ones seldom are.
double follow_back_chance(const FollowerParams& params, const NodeTraits& traits, double base,
                          NodeId follower) {
  if (params.follow_back_activity == 0.0) return base;
  const double follows = traits.follows(follower);
  return std::min(1.0, base * std::pow(follows / params.following, params.follow_back_activity));
}

std::vector<Arc> follow_back_arcs(const FollowerParams& params, const NodeTraits& traits,
                                  const Graph& graph) {
  return collect_arcs(graph.node_count(), [&](NodeId u, std::vector<Arc>& out) {
    const Segment segment = traits.segment[u];
    const bool hub = segment == Segment::kMedia || segment == Segment::kPolitician;
    if (traits.follows(u) == 0) return;  // a lurker follows nobody back
    const double p = hub ? params.follow_back_hub : params.follow_back;
    const auto followers = graph.followers(u);
    for (std::size_t i = 0; i < followers.size(); ++i) {
      const std::uint64_t arc = graph.first_arc(u) + i;
      const auto bits = rng::draw_bits(
          {params.seed, 0}, {.stream = rng::Stream::kGraphReciprocity, .entity = arc}, 0);
      if (rng::to_unit(bits) < follow_back_chance(params, traits, p, followers[i]))
        out.push_back({followers[i], u});
    }
  });
}

void append(std::vector<Arc>& to, std::vector<Arc> from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

Graph generate_follower(const FollowerParams& params) {
  NodeTraits traits = draw_traits(params);
  const NodeId n = params.nodes;
  const Graph discovered = build_graph(n, discovery_arcs(params, traits));
  std::vector<Arc> arcs = arcs_of(discovered);
  append(arcs, closure_arcs(params, traits, discovered));
  const Graph closed = build_graph(n, std::move(arcs));
  arcs = arcs_of(closed);
  append(arcs, follow_back_arcs(params, traits, closed));
  NodeAttributes attributes;
  attributes.segment = std::move(traits.segment);
  return build_graph(n, std::move(arcs), std::move(attributes));
}

}  // namespace sim::graph::generators
