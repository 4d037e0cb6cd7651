#pragma once
/// Where cascades start. A rule names how seeds are chosen; a SeedSampler draws the seeds of each
/// cascade from the rule, keyed by the cascade (stream cascade_seeds), among the active nodes only.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/cascade/cascade_key.hpp"
#include "sim/graph/graph.hpp"
#include "sim/util/bitset.hpp"

namespace sim::cascade {

struct SeedRule {
  enum class Kind {
    kRandom,     ///< `count` distinct nodes, uniformly at random
    kFraction,   ///< each node independently with probability `fraction`
    kIds,        ///< the given node ids
    kTopDegree,  ///< the `count` nodes with the most followers (ties: lower id first)
    kFeed,       ///< each of the organisation's followers sees the post with probability `fraction`
  };
  Kind kind = Kind::kRandom;
  std::uint64_t count = 1;
  double fraction = 0.0;
  std::vector<graph::NodeId> ids;
};

/// Parses "random:K", "fraction:F", "ids:A,B,...", "top:K" or "feed:R". Throws InputError.
SeedRule parse_seed_rule(const std::string& text);
std::string describe(const SeedRule& rule);

class SeedSampler {
 public:
  /// `active`: nodes that can take part (null: all); `audience`: the organisation's followers for
  /// kFeed (null: every node). Throws InputError when the rule cannot be met on this graph.
  SeedSampler(const graph::Graph& graph, SeedRule rule, const util::Bitset* active = nullptr,
              const util::Bitset* audience = nullptr);

  /// The seeds of one cascade, sorted and distinct, written into `seeds`.
  void draw(const CascadeKey& key, std::vector<graph::NodeId>& seeds) const;

  const SeedRule& rule() const { return rule_; }
  /// Number of nodes seeds are drawn from.
  std::size_t candidate_count() const { return candidates_.size(); }

 private:
  void draw_random(const CascadeKey& key, std::vector<graph::NodeId>& seeds) const;
  void draw_independent(const CascadeKey& key, std::vector<graph::NodeId>& seeds) const;

  SeedRule rule_;
  std::vector<graph::NodeId> candidates_;  // active nodes (or active audience), sorted
  std::vector<graph::NodeId> fixed_;       // ids and top-degree seeds
};

}  // namespace sim::cascade
