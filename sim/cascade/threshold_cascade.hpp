#pragma once
/// The threshold model (Granovetter 1978, Watts 2002): a node adopts when the number, or the
/// fraction, of adopted nodes among the accounts it follows reaches its threshold. Synchronous
/// rounds: nodes that reach their threshold through adoptions of round r adopt in round r + 1.
/// A node whose threshold is 0 adopts in round 0 without a seed (Granovetter's instigator); with
/// fraction thresholds, a node that follows no one never adopts unless it is a seed.
///
/// Thresholds are uniform, drawn per node and cascade from a normal distribution (address
/// (cascade_threshold, node)), or given per node. An object holds scratch for one graph.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/cascade/independent_cascade.hpp"

namespace sim::cascade {

struct ThresholdRule {
  enum class Kind { kFraction, kCount };
  Kind kind = Kind::kFraction;
  double mean = 0.18;            ///< fraction in [0, 1], or count >= 0
  double sd = 0.0;               ///< > 0: normal per node and cascade, clamped to the valid range
  std::vector<double> per_node;  ///< non-empty: the threshold of each node (overrides mean, sd)

  /// Throws InputError when values are outside their range or do not fit the graph.
  void validate_for(const graph::Graph& graph) const;
  std::string describe() const;
};

class ThresholdCascade {
 public:
  ThresholdCascade(const graph::Graph& graph, const ThresholdRule& rule,
                   const util::Bitset* active = nullptr);

  CascadeOutcome run(const CascadeKey& key, std::span<const graph::NodeId> seeds);
  /// Nodes adopted in the last cascade, in order of adoption.
  std::span<const graph::NodeId> reached_nodes() const { return adopted_order_; }

 private:
  static constexpr std::uint32_t kNever = ~std::uint32_t{0};
  std::uint32_t need_for(double threshold, graph::NodeId node) const;
  void set_needs(const CascadeKey& key);
  void adopt(graph::NodeId node);

  const graph::Graph* graph_;
  const ThresholdRule* rule_;
  const util::Bitset* active_;
  std::vector<std::uint32_t> followed_;     // active accounts each node follows
  std::vector<std::uint32_t> need_;         // adopted followees each node needs
  std::vector<graph::NodeId> instigators_;  // nodes that need 0 (fixed thresholds)
  std::vector<std::uint32_t> count_;        // adopted followees so far
  std::vector<graph::NodeId> counted_;      // nodes with count_ != 0
  util::Bitset adopted_;
  std::vector<graph::NodeId> adopted_order_;
};

}  // namespace sim::cascade
