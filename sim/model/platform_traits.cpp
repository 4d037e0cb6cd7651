#include "sim/model/platform_traits.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>

#include "sim/rng/distributions.hpp"
#include "sim/rng/two_part_uniforms.hpp"

namespace sim::model {

namespace {

r123::Philox4x64::ctr_type trait_block(rng::RunKey run, rng::Stream stream, std::size_t agent,
                                       bool upper) {
  return rng::philox_block(run, {stream, agent, 0, upper ? rng::kUpperPlatforms : 0}, 0);
}

}  // namespace

std::vector<PlatformBits> draw_platform_traits(rng::RunKey run, rng::Stream stream,
                                               std::size_t agents,
                                               const std::vector<double>& share) {
  const auto positive = [](double s) { return s > 0.0; };
  if (std::none_of(share.begin(), share.end(), positive)) return {};
  const bool wide =
      share.size() > kLanes && std::any_of(share.begin() + kLanes, share.end(), positive);
  std::vector<PlatformBits> traits(agents, 0);
  tbb::parallel_for(std::size_t{0}, agents, [&](std::size_t agent) {
    const auto low = trait_block(run, stream, agent, false);
    const auto high = wide ? trait_block(run, stream, agent, true) : low;
    for (std::size_t k = 0; k < share.size(); ++k) {
      const double u = k < kLanes ? rng::half_uniform(low, k) : rng::half_uniform(high, k - kLanes);
      if (u < share[k]) traits[agent] = with(traits[agent], k);
    }
  });
  return traits;
}

}  // namespace sim::model
