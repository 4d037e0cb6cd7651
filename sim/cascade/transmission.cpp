// Builds transmission rules and checks them against a graph: each probability in [0, 1], segment
// rules only on graphs with segments, per-arc rules with one probability per arc. The geometric
// skips they walk follower rows with are rng::GeometricSkip.

#include "sim/cascade/transmission.hpp"

#include <algorithm>

#include "sim/util/error.hpp"

namespace sim::cascade {
namespace {

void check_probability(double p, const std::string& key) {
  if (!(p >= 0.0 && p <= 1.0)) {
    throw util::InputError({"", 0, key}, "probability " + std::to_string(p) + " is outside [0, 1]");
  }
}

}  // namespace

Transmission Transmission::uniform(double p) {
  check_probability(p, "p");
  Transmission t;
  t.kind_ = Kind::kUniform;
  t.set_skip(graph::kSegmentCount, p);
  return t;
}

Transmission Transmission::per_segment(std::array<double, graph::kSegmentCount> p) {
  Transmission t;
  t.kind_ = Kind::kSegment;
  for (std::size_t s = 0; s < p.size(); ++s) {
    check_probability(p[s], "p." + std::string(graph::kSegmentNames[s]));
    t.set_skip(s, p[s]);
  }
  t.segment_p_ = p;
  return t;
}

Transmission Transmission::per_arc(std::vector<float> p) {
  Transmission t;
  t.kind_ = Kind::kArc;
  for (std::size_t a = 0; a < p.size(); ++a)
    check_probability(p[a], "p[" + std::to_string(a) + "]");
  t.max_arc_p_ = p.empty() ? 0.0 : *std::max_element(p.begin(), p.end());
  t.set_skip(graph::kSegmentCount, t.max_arc_p_);
  t.arc_p_ = std::move(p);
  return t;
}

void Transmission::set_skip(std::size_t index, double p) {
  skip_[index] = GeometricSkip(p);
  bound_[index] = rng::GeometricSkipBound(p);
}

void Transmission::validate_for(const graph::Graph& graph) const {
  if (kind_ == Kind::kSegment && graph.attributes().segment.size() != graph.node_count()) {
    throw util::InputError({"", 0, "p"}, "per-segment probabilities need a graph with segments");
  }
  if (kind_ == Kind::kArc && arc_p_.size() != graph.arc_count()) {
    throw util::InputError({"", 0, "p"}, "per-arc probabilities: " + std::to_string(arc_p_.size()) +
                                             " values for " + std::to_string(graph.arc_count()) +
                                             " arcs");
  }
}

double Transmission::max_probability() const {
  switch (kind_) {
    case Kind::kUniform:
      return skip_[graph::kSegmentCount].probability();
    case Kind::kSegment:
      return *std::max_element(segment_p_.begin(), segment_p_.end());
    case Kind::kArc:
      return max_arc_p_;
  }
  return 0.0;
}

std::string Transmission::describe() const {
  switch (kind_) {
    case Kind::kUniform:
      return "p=" + std::to_string(skip_[graph::kSegmentCount].probability());
    case Kind::kSegment:
      return "p per segment";
    case Kind::kArc:
      return "p per arc";
  }
  return {};
}

}  // namespace sim::cascade
