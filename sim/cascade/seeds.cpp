// Seed rules from text (random:K, top:K, fraction:P, feed:P, ids:a,b,c), then seeds drawn per
// cascade from the active candidates only: Floyd's algorithm for exactly K, geometric skips for
// independent inclusion, both from address (cascade_seeds, 0) of the cascade.

#include "sim/cascade/seeds.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <string_view>
#include <unordered_set>

#include "sim/cascade/transmission.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"
#include "sim/util/parse_number.hpp"

namespace sim::cascade {
namespace {

using graph::NodeId;

std::uint64_t parse_count(std::string_view text, const util::InputLocation& where) {
  const auto value = util::parse_unsigned(text);
  if (!value || *value == 0) {
    throw util::InputError(where, "'" + std::string(text) + "' is not a positive whole number");
  }
  return *value;
}

double parse_probability(std::string_view text, const util::InputLocation& where) {
  const auto value = util::parse_real(text);
  if (!value || *value < 0.0 || *value > 1.0) {
    throw util::InputError(where, "'" + std::string(text) + "' is not a probability in [0, 1]");
  }
  return *value;
}

std::vector<NodeId> parse_ids(std::string_view text, const util::InputLocation& where) {
  std::vector<NodeId> ids;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find(',', begin), text.size());
    const auto value = util::parse_unsigned(text.substr(begin, end - begin));
    if (!value || *value > graph::kMaxNodes) {
      throw util::InputError(
          where, "'" + std::string(text.substr(begin, end - begin)) + "' is not a node id");
    }
    ids.push_back(static_cast<NodeId>(*value));
    begin = end + 1;
  }
  return ids;
}

bool is_active(const util::Bitset* active, NodeId node) {
  return active == nullptr || active->test(node);
}

}  // namespace

SeedRule parse_seed_rule(const std::string& text) {
  const util::InputLocation where{text, 0, "seeds"};
  const auto colon = text.find(':');
  const std::string name = text.substr(0, colon);
  const std::string value = colon == std::string::npos ? "" : text.substr(colon + 1);
  constexpr std::array<std::string_view, 5> kNames{"random", "fraction", "ids", "top", "feed"};
  if (std::find(kNames.begin(), kNames.end(), name) == kNames.end()) {
    throw util::InputError(
        where, "unknown seed rule '" + name + "'" + util::suggestion_suffix(name, kNames));
  }
  if (value.empty()) throw util::InputError(where, "missing value after '" + name + ":'");
  SeedRule rule;
  if (name == "random" || name == "top") {
    rule.kind = name == "random" ? SeedRule::Kind::kRandom : SeedRule::Kind::kTopDegree;
    rule.count = parse_count(value, where);
  } else if (name == "fraction" || name == "feed") {
    rule.kind = name == "fraction" ? SeedRule::Kind::kFraction : SeedRule::Kind::kFeed;
    rule.fraction = parse_probability(value, where);
  } else {
    rule.kind = SeedRule::Kind::kIds;
    rule.ids = parse_ids(value, where);
  }
  return rule;
}

std::string describe(const SeedRule& rule) {
  switch (rule.kind) {
    case SeedRule::Kind::kRandom:
      return std::to_string(rule.count) + " random node(s)";
    case SeedRule::Kind::kFraction:
      return "each node with probability " + std::to_string(rule.fraction);
    case SeedRule::Kind::kIds:
      return std::to_string(rule.ids.size()) + " given node(s)";
    case SeedRule::Kind::kTopDegree:
      return "the " + std::to_string(rule.count) + " most-followed node(s)";
    case SeedRule::Kind::kFeed:
      return "each follower sees the post with probability " + std::to_string(rule.fraction);
  }
  return {};
}

SeedSampler::SeedSampler(const graph::Graph& graph, SeedRule rule, const util::Bitset* active,
                         const util::Bitset* audience)
    : rule_(std::move(rule)) {
  const NodeId n = graph.node_count();
  if (n == 0) throw util::InputError({"", 0, "graph"}, "the graph has no nodes");
  for (const auto& [set, name] : {std::pair{active, "active"}, std::pair{audience, "audience"}}) {
    if (set != nullptr && set->size() != n) {
      throw util::InputError({"", 0, name}, std::string(name) + " set has " +
                                                std::to_string(set->size()) + " nodes, the graph " +
                                                std::to_string(n));
    }
  }
  for (NodeId node = 0; node < n; ++node) {
    const bool in_audience =
        rule_.kind != SeedRule::Kind::kFeed || audience == nullptr || audience->test(node);
    if (is_active(active, node) && in_audience) candidates_.push_back(node);
  }
  const util::InputLocation where{"", 0, "seeds"};
  if (rule_.kind == SeedRule::Kind::kRandom || rule_.kind == SeedRule::Kind::kTopDegree) {
    if (rule_.count > candidates_.size()) {
      throw util::InputError(where, std::to_string(rule_.count) + " seeds asked for, but only " +
                                        std::to_string(candidates_.size()) +
                                        " nodes can take part");
    }
  }
  if (rule_.kind == SeedRule::Kind::kIds) {
    for (const NodeId id : rule_.ids) {
      if (id >= n) {
        throw util::InputError(where, "seed id " + std::to_string(id) +
                                          " is not a node (the graph has " + std::to_string(n) +
                                          ")");
      }
      if (is_active(active, id)) fixed_.push_back(id);
    }
    std::sort(fixed_.begin(), fixed_.end());
    fixed_.erase(std::unique(fixed_.begin(), fixed_.end()), fixed_.end());
  }
  if (rule_.kind == SeedRule::Kind::kTopDegree) {
    fixed_ = candidates_;
    std::stable_sort(fixed_.begin(), fixed_.end(), [&graph](NodeId a, NodeId b) {
      return graph.follower_count(a) > graph.follower_count(b);
    });
    fixed_.resize(rule_.count);
    std::sort(fixed_.begin(), fixed_.end());
  }
}

void SeedSampler::draw(const CascadeKey& key, std::vector<NodeId>& seeds) const {
  seeds.clear();
  switch (rule_.kind) {
    case SeedRule::Kind::kRandom:
      draw_random(key, seeds);
      break;
    case SeedRule::Kind::kFraction:
    case SeedRule::Kind::kFeed:
      draw_independent(key, seeds);
      break;
    case SeedRule::Kind::kIds:
    case SeedRule::Kind::kTopDegree:
      seeds = fixed_;
      break;
  }
}

// Floyd's algorithm: exactly `count` distinct candidates, each subset equally likely, in
// `count` draws. Draws: address (cascade_seeds, 0).
void SeedSampler::draw_random(const CascadeKey& key, std::vector<NodeId>& seeds) const {
  rng::RandomStream draws(key.run, key.at(rng::Stream::kCascadeSeeds, 0));
  const std::uint64_t total = candidates_.size();
  std::unordered_set<std::uint64_t> chosen;
  const bool small = rule_.count <= 64;
  std::vector<std::uint64_t> picked;
  for (std::uint64_t j = total - rule_.count; j < total; ++j) {
    std::uint64_t pick = rng::below(draws, j + 1);
    const bool taken = small ? std::find(picked.begin(), picked.end(), pick) != picked.end()
                             : chosen.count(pick) != 0;
    if (taken) pick = j;
    if (small) {
      picked.push_back(pick);
    } else {
      chosen.insert(pick);
    }
  }
  if (!small) picked.assign(chosen.begin(), chosen.end());
  for (const std::uint64_t index : picked)
    seeds.push_back(candidates_[index]);
  std::sort(seeds.begin(), seeds.end());
}

// Independent inclusion by geometric skips over the candidates. Draws: address (cascade_seeds, 0).
void SeedSampler::draw_independent(const CascadeKey& key, std::vector<NodeId>& seeds) const {
  rng::RandomStream draws(key.run, key.at(rng::Stream::kCascadeSeeds, 0));
  const GeometricSkip skip(rule_.fraction);
  std::uint64_t index = 0;
  while (true) {
    const std::uint64_t jump = skip(draws.next());
    if (jump >= candidates_.size() - index) return;
    index += jump;
    seeds.push_back(candidates_[index]);
    ++index;
  }
}

}  // namespace sim::cascade
