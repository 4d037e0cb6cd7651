// The initial state: three draws per agent and platform from the agent's own stream, always
// three so that the draw indices stay fixed whatever the shares.

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "sim/model/weekly_step.hpp"
#include "sim/rng/distributions.hpp"

namespace sim::model {
namespace {
constexpr std::size_t kGrain = 1024;  // agents per task
}  // namespace

void initialise(const ModelContext& c, AgentState& state) {
  state = AgentState(c.graph.node_count(), c.platforms(), c.leave_imitating != 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, state.agents(), kGrain),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t agent = range.begin(); agent != range.end(); ++agent) {
                        rng::RandomStream draws(c.run, {rng::Stream::kModelInitial, agent});
                        const int home = c.scenario.audience.home_of(agent);
                        for (std::size_t k = 0; k < c.platforms(); ++k) {
                          const auto& p = c.scenario.platforms[k];
                          // Three draws per platform, always, so draw indices stay fixed.
                          const double account_share =
                              home < 0 ? p.initial_account : c.scenario.audience.account_share[k];
                          bool account = rng::bernoulli(draws, account_share);
                          const bool active_draw = rng::bernoulli(draws, p.initial_active);
                          bool follows = rng::bernoulli(draws, p.initial_follows);
                          // An agent of another platform's group follows the organisation there
                          // and not on the anchor platform.
                          if (home == static_cast<int>(k)) account = follows = true;
                          if (home >= 0 && static_cast<int>(k) == c.scenario.audience.anchor)
                            follows = false;
                          const bool active = active_draw && account;
                          follows = follows && account;
                          if (account) state.account[agent] = with(state.account[agent], k);
                          if (active) {
                            state.active[agent] = with(state.active[agent], k);
                            state.set_ages(agent, with_age(state.ages_of(agent), k, kLongAgo));
                            state.seen[agent] = seen_word(state.active[agent], 0);
                          }
                          if (follows) state.follows[agent] = with(state.follows[agent], k);
                        }
                      }
                    });
}

}  // namespace sim::model
