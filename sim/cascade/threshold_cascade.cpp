// Each node's threshold becomes the number of adopted followees it needs (with a small margin so
// that 0.2 x 5 stays 1); adoptions then propagate breadth first, counting for each follower its
// adopted followees against that need, so a round costs only the arcs out of its new adopters.
// Only the touched counts and bits are reset before the next cascade.

#include "sim/cascade/threshold_cascade.hpp"

#include <algorithm>
#include <cmath>

#include "sim/rng/distributions.hpp"
#include "sim/util/error.hpp"

namespace sim::cascade {

using graph::ArcIndex;
using graph::NodeId;

void ThresholdRule::validate_for(const graph::Graph& graph) const {
  const util::InputLocation where{"", 0, kind == Kind::kFraction ? "phi" : "theta"};
  auto check = [&](double value) {
    const bool ok = kind == Kind::kFraction ? (value >= 0.0 && value <= 1.0)
                                            : (value >= 0.0 && std::isfinite(value));
    if (!ok) {
      throw util::InputError(where, "threshold " + std::to_string(value) + " is outside " +
                                        (kind == Kind::kFraction ? "[0, 1]" : "[0, inf)"));
    }
  };
  if (!per_node.empty()) {
    if (per_node.size() != graph.node_count()) {
      throw util::InputError(where, "per-node thresholds: " + std::to_string(per_node.size()) +
                                        " values for " + std::to_string(graph.node_count()) +
                                        " nodes");
    }
    for (const double value : per_node)
      check(value);
    return;
  }
  check(mean);
  if (!(sd >= 0.0 && std::isfinite(sd))) {
    throw util::InputError(where, "threshold spread must be >= 0 and finite");
  }
}

std::string ThresholdRule::describe() const {
  const std::string what = kind == Kind::kFraction ? "fraction" : "count";
  if (!per_node.empty()) return what + " thresholds per node";
  return what + " threshold " + std::to_string(mean) +
         (sd > 0.0 ? " (normal, sd " + std::to_string(sd) + ")" : "");
}

ThresholdCascade::ThresholdCascade(const graph::Graph& graph, const ThresholdRule& rule,
                                   const util::Bitset* active)
    : graph_(&graph),
      rule_(&rule),
      active_(active),
      followed_(graph.node_count(), 0),
      need_(graph.node_count(), kNever),
      count_(graph.node_count(), 0),
      adopted_(graph.node_count()) {
  for (NodeId node = 0; node < graph.node_count(); ++node) {
    for (const NodeId followee : graph.followees(node)) {
      if (active_ == nullptr || active_->test(followee)) ++followed_[node];
    }
  }
  if (rule.sd > 0.0 && rule.per_node.empty()) return;  // needs are drawn per cascade
  for (NodeId node = 0; node < graph.node_count(); ++node) {
    const double threshold = rule.per_node.empty() ? rule.mean : rule.per_node[node];
    need_[node] = need_for(threshold, node);
    if (need_[node] == 0) instigators_.push_back(node);
  }
}

std::uint32_t ThresholdCascade::need_for(double threshold, NodeId node) const {
  if (active_ != nullptr && !active_->test(node)) return kNever;
  if (rule_->kind == ThresholdRule::Kind::kCount) {
    return static_cast<std::uint32_t>(std::min(std::ceil(threshold), 4.0e9));
  }
  if (followed_[node] == 0) return kNever;
  // The small margin keeps products such as 0.2 * 5 from rounding up to 2.
  return static_cast<std::uint32_t>(std::ceil(threshold * followed_[node] - 1e-9));
}

void ThresholdCascade::set_needs(const CascadeKey& key) {
  instigators_.clear();
  const double high = rule_->kind == ThresholdRule::Kind::kFraction ? 1.0 : 4.0e9;
  for (NodeId node = 0; node < graph_->node_count(); ++node) {
    rng::RandomStream draws(key.run, key.at(rng::Stream::kCascadeThreshold, node));
    const double threshold = std::clamp(rng::normal(draws, rule_->mean, rule_->sd), 0.0, high);
    need_[node] = need_for(threshold, node);
    if (need_[node] == 0) instigators_.push_back(node);
  }
}

void ThresholdCascade::adopt(NodeId node) {
  if (!adopted_.test_and_set(node)) adopted_order_.push_back(node);
}

CascadeOutcome ThresholdCascade::run(const CascadeKey& key, std::span<const NodeId> seeds) {
  for (const NodeId node : adopted_order_)
    adopted_.reset(node);
  for (const NodeId node : counted_)
    count_[node] = 0;
  adopted_order_.clear();
  counted_.clear();
  if (rule_->sd > 0.0 && rule_->per_node.empty()) set_needs(key);
  for (const NodeId seed : seeds) {
    if (active_ == nullptr || active_->test(seed)) adopt(seed);
  }
  for (const NodeId node : instigators_)
    adopt(node);

  CascadeOutcome outcome;
  const auto offsets = graph_->out_offsets();
  const auto targets = graph_->out_targets();
  std::size_t level_end = adopted_order_.size();
  for (std::size_t head = 0; head < adopted_order_.size(); ++head) {
    if (head == level_end) {
      ++outcome.rounds;
      level_end = adopted_order_.size();
    }
    const NodeId node = adopted_order_[head];
    outcome.arcs_decided += offsets[node + 1] - offsets[node];
    for (ArcIndex arc = offsets[node]; arc < offsets[node + 1]; ++arc) {
      const NodeId follower = targets[arc];
      if (adopted_.test(follower) || need_[follower] == kNever) continue;
      if (count_[follower]++ == 0) counted_.push_back(follower);
      if (count_[follower] == need_[follower]) adopt(follower);
    }
  }
  outcome.reached = static_cast<std::uint32_t>(adopted_order_.size());
  return outcome;
}

}  // namespace sim::cascade
