// The followees' signal is read per agent (a pull over its followee row); the exposure bits are
// pushed the other way, from the few agents that moved recently to their followers, so that
// their cost grows with the number of movers, not with the number of arcs.

#include "sim/model/neighbourhood.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>

namespace sim::model {

using graph::NodeId;
using scenario::kMaxPlatforms;

namespace {
constexpr std::size_t kGrain = 1024;
}  // namespace

Neighbourhood neighbourhood(const ModelContext& c, const AgentState& now, NodeId agent,
                            const NeighbourhoodMasks& masks) {
  Neighbourhood n;
  const auto followees = c.graph.followees(agent);
  if (followees.empty() || (masks.signal | masks.lock | masks.left) == 0) return n;
  const graph::ArcIndex first_slot = c.graph.first_followee_slot(agent);
  // With memory, only recent activations weigh; without, every active followee does. One read
  // of the followee's `seen` word answers both questions; its age word is read only when it
  // counts.
  const bool all_active_count = every_active_signals(c.scenario.model);
  for (std::size_t i = 0; i < followees.size(); ++i) {
    const NodeId followee = followees[i];
    const std::uint32_t seen = now.seen[followee];
    const PlatformBits active = active_part(seen);
    const auto signal_bits =
        static_cast<PlatformBits>((all_active_count ? active : recent_part(seen)) & masks.signal);
    if (signal_bits != 0) {
      const Ages ages = now.ages_of(followee);
      for (PlatformBits bits = signal_bits; bits != 0; bits = drop_lowest(bits)) {
        const std::size_t k = lowest(bits);
        n.signal[k] += c.recency[age_in(ages, k)];
      }
    }
    const auto lock_bits = static_cast<PlatformBits>(active & masks.lock);
    for (PlatformBits bits = lock_bits; bits != 0; bits = drop_lowest(bits)) {
      const std::size_t k = lowest(bits);
      n.lock_in[k] += c.ties[k].test(first_slot + i) ? 1.0F : 0.0F;
    }
    if (masks.left != 0) {
      const auto left_bits = static_cast<PlatformBits>(now.left[followee] & masks.left);
      for (PlatformBits bits = left_bits; bits != 0; bits = drop_lowest(bits))
        n.left[lowest(bits)] += 1.0F;
    }
  }
  const float scale = 1.0F / static_cast<float>(followees.size());
  for (std::size_t k = 0; k < c.platforms(); ++k) {
    n.signal[k] *= scale;
    n.lock_in[k] *= scale;
    // n float ones times 1/n in float may round above 1 by an ulp; leave imitation's quiet bound
    // takes the share at 1, so the share must not exceed it.
    n.left[k] = std::min(1.0F, n.left[k] * scale);
  }
  return n;
}

Exposure exposure_of(const ModelContext& c, const AgentState& now, std::uint32_t week) {
  if (every_active_signals(c.scenario.model)) return {};
  const auto blank = [&] {
    return Exposure{std::vector<PlatformBits>(now.agents(), 0),
                    std::vector<std::uint32_t>(now.agents(), 0)};
  };
  const PlatformBits imitating = c.imitating[week];
  if (imitating == 0) return blank();
  // Each thread pushes into exposure arrays of its own, with plain ORs and adds (an atomic one
  // costs several times more per arc); the threads' arrays are then merged. OR and integer sums
  // do not depend on the order, so neither does the result.
  tbb::enumerable_thread_specific<Exposure> local(blank);
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, now.agents(), kGrain),
      [&](const tbb::blocked_range<std::size_t>& range) {
        Exposure& mine = local.local();
        for (std::size_t mover = range.begin(); mover != range.end(); ++mover) {
          const auto bits = static_cast<PlatformBits>(recent_part(now.seen[mover]) & imitating);
          if (bits == 0) continue;
          for (const NodeId follower : c.graph.followers(static_cast<NodeId>(mover))) {
            mine.platforms[follower] |= bits;
            ++mine.movers[follower];
          }
        }
      });
  if (local.empty()) return blank();
  auto part = local.begin();
  Exposure exposure = std::move(*part);
  for (++part; part != local.end(); ++part) {
    const Exposure& other = *part;
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, now.agents(), kGrain * 16),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        for (std::size_t agent = range.begin(); agent != range.end(); ++agent) {
                          exposure.platforms[agent] |= other.platforms[agent];
                          exposure.movers[agent] += other.movers[agent];
                        }
                      });
  }
  return exposure;
}

std::array<float, kMaxPlatforms> population_signal(const ModelContext& c, const AgentState& now) {
  std::array<double, kMaxPlatforms> total{};
  for (std::size_t agent = 0; agent < now.agents(); ++agent) {
    const Ages ages = now.ages_of(agent);
    for (std::size_t k = 0; k < c.platforms(); ++k)
      total[k] += c.recency[age_in(ages, k)];
  }
  std::array<float, kMaxPlatforms> share{};
  for (std::size_t k = 0; k < c.platforms(); ++k) {
    share[k] =
        static_cast<float>(total[k] / static_cast<double>(std::max<std::size_t>(now.agents(), 1)));
  }
  return share;
}

}  // namespace sim::model
