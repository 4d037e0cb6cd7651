// The `follower:` generator spec: keys, defaults and checks for FollowerParams.

#include <array>

#include "sim/graph/generators/follower.hpp"
#include "sim/graph/generators/generator.hpp"

namespace sim::graph::generators {
namespace {

constexpr std::array kFollowerParameters{
    ParameterInfo{"n", "number of nodes (the organisation's followers)"},
    ParameterInfo{"following", "mean follows per node before follow-backs"},
    ParameterInfo{"closure", "share of follows made by triadic closure"},
    ParameterInfo{"activity_sigma", "log-normal sigma of follows per node"},
    ParameterInfo{"popularity_sigma", "log-normal sigma of popularity"},
    ParameterInfo{"follow_back", "follow-back probability of citizens and organisations"},
    ParameterInfo{"follow_back_hub", "follow-back probability of media and politicians"},
    ParameterInfo{"follow_back_activity", "exponent of follow-backs in the follower's follows"},
    ParameterInfo{"lurkers", "share of nodes that follow nobody"},
    ParameterInfo{"redraws", "times a repeated follow is drawn again"},
    ParameterInfo{"media", "share of media accounts"},
    ParameterInfo{"politician", "share of politicians"},
    ParameterInfo{"organisation", "share of organisations"},
    ParameterInfo{"media_popularity", "popularity multiplier of media accounts"},
    ParameterInfo{"politician_popularity", "popularity multiplier of politicians"},
    ParameterInfo{"organisation_popularity", "popularity multiplier of organisations"},
    ParameterInfo{"seed", "random seed"},
};

FollowerParams follower_params(const GeneratorSpec& spec) {
  const SpecReader reader(spec, kFollowerParameters);
  FollowerParams p;
  p.nodes = static_cast<NodeId>(reader.count("n", p.nodes, 2, kMaxNodes - 1));
  p.following = reader.real("following", p.following, 1.0, 1e5);
  p.closure = reader.real("closure", p.closure, 0.0, 1.0);
  p.activity_sigma = reader.real("activity_sigma", p.activity_sigma, 0.0, 5.0);
  p.popularity_sigma = reader.real("popularity_sigma", p.popularity_sigma, 0.0, 5.0);
  p.follow_back = reader.real("follow_back", p.follow_back, 0.0, 1.0);
  p.follow_back_hub = reader.real("follow_back_hub", p.follow_back_hub, 0.0, 1.0);
  p.follow_back_activity = reader.real("follow_back_activity", p.follow_back_activity, -5.0, 5.0);
  p.lurkers = reader.real("lurkers", p.lurkers, 0.0, 1.0);
  p.redraws = static_cast<std::uint32_t>(reader.count("redraws", p.redraws, 0, 100));
  const std::array<const char*, kSegmentCount> names{"", "media", "politician", "organisation"};
  double others = 0;
  for (std::size_t s = 1; s < kSegmentCount; ++s) {
    p.segment_share[s] = reader.real(names[s], p.segment_share[s], 0.0, 1.0);
    others += p.segment_share[s];
    const std::string key = std::string(names[s]) + "_popularity";
    p.segment_popularity[s] = reader.real(key, p.segment_popularity[s], 1e-6, 1e6);
  }
  if (others > 1.0) reader.fail("media", "segment shares add up to more than 1");
  p.segment_share[0] = 1.0 - others;
  p.seed = reader.count("seed", p.seed, 0, UINT64_MAX);
  return p;
}

Graph follower_from_spec(const GeneratorSpec& spec) {
  return generate_follower(follower_params(spec));
}

void follower_check(const GeneratorSpec& spec) {
  static_cast<void>(follower_params(spec));
}

}  // namespace

GeneratorInfo follower_generator() {
  return {"follower", "Trek's audience model: hubs by segment, closure, follow-backs",
          kFollowerParameters, follower_from_spec, follower_check};
}

}  // namespace sim::graph::generators
