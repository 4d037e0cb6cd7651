#pragma once
/// Who passes a message to whom in an independent cascade: the probability that a newly reached
/// node passes it to one of its followers. Uniform, per segment of the passing node, or per arc.
///
/// The live arcs of a node's follower row are found by geometric skips (one draw per live arc plus
/// one per row) instead of a coin per arc; per-arc probabilities skip with their maximum and thin
/// each candidate with p(arc) / max. Both give every arc exactly its probability, independently.
/// A row whose first skip surely passes its end is settled without the log (GeometricSkipBound).

#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/cascade/cascade_key.hpp"
#include "sim/graph/graph.hpp"
#include "sim/rng/distributions.hpp"

namespace sim::cascade {

using rng::GeometricSkip;

class Transmission {
 public:
  enum class Kind { kUniform, kSegment, kArc };

  static Transmission uniform(double p);
  /// p per segment of the passing node (indexed by graph::Segment); the graph needs segments.
  static Transmission per_segment(std::array<double, graph::kSegmentCount> p);
  /// p per arc, in the graph's arc order (by source, then target).
  static Transmission per_arc(std::vector<float> p);

  Kind kind() const { return kind_; }
  /// Throws InputError when a probability is outside [0, 1] or the sizes do not fit the graph.
  void validate_for(const graph::Graph& graph) const;
  /// The largest probability any arc can have.
  double max_probability() const;
  /// Human-readable description ("p=0.15", "p per segment", "p per arc").
  std::string describe() const;

  /// Calls visit(arc) for each live arc of node's follower row in the cascade drawn from `stream`.
  /// Draws: address (stream, node) of `key`, in row order.
  template <class Visit>
  void for_each_live_arc(const graph::Graph& graph, const CascadeKey& key, rng::Stream stream,
                         graph::NodeId node, Visit&& visit) const;

  const std::vector<float>& arc_probabilities() const { return arc_p_; }
  const std::array<double, graph::kSegmentCount>& segment_probabilities() const {
    return segment_p_;
  }

 private:
  void set_skip(std::size_t index, double p);
  /// The skip of node's row: per segment, or the one of every row.
  std::size_t skip_index(const graph::Graph& graph, graph::NodeId node) const {
    return kind_ == Kind::kSegment ? static_cast<std::size_t>(graph.attributes().segment[node])
                                   : graph::kSegmentCount;
  }

  Kind kind_ = Kind::kUniform;
  // Indexed by segment; the last entry is the uniform p, or the maximum of the per-arc p.
  std::array<GeometricSkip, graph::kSegmentCount + 1> skip_{};
  std::array<rng::GeometricSkipBound, graph::kSegmentCount + 1> bound_{};
  std::array<double, graph::kSegmentCount> segment_p_{};
  std::vector<float> arc_p_;
  double max_arc_p_ = 0.0;
};

template <class Visit>
void Transmission::for_each_live_arc(const graph::Graph& graph, const CascadeKey& key,
                                     rng::Stream stream, graph::NodeId node, Visit&& visit) const {
  const auto offsets = graph.out_offsets();
  const graph::ArcIndex first = offsets[node];
  const graph::ArcIndex last = offsets[node + 1];
  if (first == last) return;
  const std::size_t index = skip_index(graph, node);
  rng::RandomStream draws(key.run, key.at(stream, node));
  std::uint64_t bits = draws.next();
  // Most rows of a subcritical cascade have no live arc: settled without the log.
  if (bound_[index].surely_at_least(bits, last - first)) return;
  const GeometricSkip& skip = skip_[index];
  graph::ArcIndex arc = first;
  while (true) {
    const std::uint64_t jump = skip(bits);
    if (jump >= last - arc) return;
    arc += jump;
    if (kind_ != Kind::kArc || rng::to_unit(draws.next()) * max_arc_p_ < arc_p_[arc]) visit(arc);
    ++arc;
    bits = draws.next();
  }
}

}  // namespace sim::cascade
