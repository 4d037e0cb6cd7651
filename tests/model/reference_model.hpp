#pragma once
/// A plain serial implementation of the migration model's weekly step, written from the equations
/// of docs/model.md with none of the kernel's devices (packed age words, cached masks, thread-local
/// counts): one struct per agent, one loop per process. It draws the same random numbers from the
/// same addresses, so on small graphs the kernel must reproduce it exactly.

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/model/model_context.hpp"
#include "sim/model/weekly_uniforms.hpp"
#include "sim/rng/distributions.hpp"

namespace sim::test {

struct ReferenceAgent {
  std::vector<bool> account, active, follows;
  std::vector<bool> left;  ///< stopped being active there during the run, not back since
  std::vector<int> age;    ///< weeks since activation, saturating at 254; -1 when inactive
};

struct ReferenceModel {
  const model::ModelContext& c;
  std::vector<ReferenceAgent> agents;

  std::size_t platforms() const { return c.platforms(); }

  explicit ReferenceModel(const model::ModelContext& context) : c(context) {
    const std::size_t n = c.graph.node_count(), p = platforms();
    for (std::size_t i = 0; i < n; ++i) {
      ReferenceAgent a{std::vector<bool>(p), std::vector<bool>(p), std::vector<bool>(p),
                       std::vector<bool>(p), std::vector<int>(p, -1)};
      rng::RandomStream draws(c.run, {rng::Stream::kModelInitial, i});
      // The agent's group: the anchor's followers first, then each platform's own followers.
      const auto& audience = c.scenario.audience;
      int home = -1;
      std::size_t first = audience.group_size.empty() ? n : audience.group_size[0];
      for (std::size_t k = 0; k < p && i >= first; ++k) {
        home = static_cast<int>(k);
        first += audience.group_size[1 + k];
      }
      for (std::size_t k = 0; k < p; ++k) {
        const auto& params = c.scenario.platforms[k];
        const bool mine = home == static_cast<int>(k);
        const bool anchor = home >= 0 && audience.anchor == static_cast<int>(k);
        const bool account_draw =
            rng::bernoulli(draws, home < 0 ? params.initial_account : audience.account_share[k]);
        const bool active_draw = rng::bernoulli(draws, params.initial_active);
        const bool follows_draw = rng::bernoulli(draws, params.initial_follows);
        const bool account = account_draw || mine;
        const bool active = active_draw && account;
        const bool follows = (follows_draw || mine) && account && !anchor;
        a.account[k] = account;
        a.active[k] = active;
        a.follows[k] = follows;
        a.age[k] = active ? 254 : -1;
      }
      agents.push_back(a);
    }
  }

  float weight(int age) const {
    const double m = c.scenario.model.memory_weeks;
    if (age < 0) return 0.0F;
    // Threshold contagion counts the share of followees active, whatever their age.
    if (m == 0.0 || c.scenario.model.contagion == scenario::ModelOptions::Contagion::kThreshold)
      return 1.0F;
    const int horizon = static_cast<int>(std::min(254.0, std::ceil(m * std::log(1000.0))));
    return age < horizon ? static_cast<float>(std::exp(-age / m)) : 0.0F;
  }

  bool tie(std::size_t slot, std::size_t k) const {
    const double rebuild = c.scenario.platforms[k].rebuild;
    if (rebuild >= 1.0) return true;
    const auto arc = c.graph.slot_arcs()[slot];
    // Platforms 8-15 read the block at the upper sub-address, half k - 8.
    const std::uint64_t sub = k < 8 ? 0 : rng::kUpperPlatforms;
    const auto block = rng::philox_block(c.run, {rng::Stream::kModelTie, arc, 0, sub}, 0);
    const std::size_t half = k % 8;
    const std::uint64_t bits = (block.v[half / 2] >> (32 * (half % 2))) & 0xFFFFFFFFU;
    return static_cast<double>(bits) * 0x1p-32 < rebuild;
  }

  /// A stayer on k feels no novelty churn: the uniform of {model_stayer, agent}, half k (platforms
  /// 8-15 at the upper sub-address), below the platform's stay share.
  bool stayer(std::size_t agent, std::size_t k) const {
    const auto& params = c.scenario.platforms[k];
    if (params.stay_share <= 0.0 || params.novelty_churn <= 0.0) return false;
    const std::uint64_t sub = k < 8 ? 0 : rng::kUpperPlatforms;
    const auto block = rng::philox_block(c.run, {rng::Stream::kModelStayer, agent, 0, sub}, 0);
    const std::size_t half = k % 8;
    const std::uint64_t bits = (block.v[half / 2] >> (32 * (half % 2))) & 0xFFFFFFFFU;
    return static_cast<double>(bits) * 0x1p-32 < params.stay_share;
  }

  static bool decide(double& u, double p) {
    if (p >= 1.0) return true;
    if (p <= 0.0) return false;
    const bool happened = u < p;
    u = happened ? u / p : (u - p) / (1.0 - p);
    return happened;
  }

  /// Counts (accounts, active, followers per platform) after stepping week -> week + 1.
  void step(std::uint32_t week) {
    const std::vector<ReferenceAgent> now = agents;
    const auto& s = c.scenario;
    const std::size_t p = platforms();
    std::vector<float> mixed(p, 0.0F);
    if (s.model.influence == scenario::ModelOptions::Influence::kWellMixed) {
      for (std::size_t k = 0; k < p; ++k) {
        double total = 0.0;
        for (const auto& a : now)
          total += weight(a.age[k]);
        mixed[k] = static_cast<float>(total / static_cast<double>(now.size()));
      }
    }
    for (graph::NodeId i = 0; i < now.size(); ++i) {
      ReferenceAgent& next = agents[i];
      const auto followees = c.graph.followees(i);
      const auto first = c.graph.first_followee_slot(i);
      const model::WeeklyUniforms uniforms(c.run, i, week,
                                           model::CoarseUniforms(c.run, week, p).of(i));
      for (std::size_t k = 0; k < p; ++k) {
        const auto& params = s.platforms[k];
        const model::PlatformWeek& w = c.timeline.at(week, k);
        double u = uniforms.at(k);
        float signal = 0.0F, lock = 0.0F, left = 0.0F;
        for (std::size_t j = 0; j < followees.size(); ++j) {
          const ReferenceAgent& f = now[followees[j]];
          signal += f.active[k] ? weight(f.age[k]) : 0.0F;
          lock += f.active[k] && tie(first + j, k) ? 1.0F : 0.0F;
          left += f.left[k] ? 1.0F : 0.0F;
        }
        if (!followees.empty()) {
          signal *= 1.0F / static_cast<float>(followees.size());
          lock *= 1.0F / static_cast<float>(followees.size());
          left *= 1.0F / static_cast<float>(followees.size());
        }
        left = std::min(left, 1.0F);
        bool newly_active = false;
        if (now[i].active[k]) {
          const double excess = std::max(0.0, w.toxicity - static_cast<double>(c.tolerance[i]));
          const int age = now[i].age[k];
          const double novelty =
              age < 254 && !stayer(i, k)
                  ? static_cast<double>(static_cast<float>(params.novelty_churn *
                                                           std::exp(-age / params.novelty_weeks)))
                  : 0.0;
          const double push = params.churn + w.extra_churn + params.toxicity_sensitivity * excess +
                              novelty + params.leave_imitation * static_cast<double>(left);
          const double hazard =
              push * (1.0 - params.switching_cost) * (1.0 - params.lock_in * lock);
          if (decide(u, hazard)) {
            next.active[k] = false;
            next.left[k] = true;
            next.age[k] = -1;
            if (decide(u, params.delete_share)) next.account[k] = next.follows[k] = false;
            continue;
          }
          next.age[k] = std::min(age + 1, 254);
        } else if (w.launched) {
          double x =
              s.model.influence == scenario::ModelOptions::Influence::kNetwork ? signal : mixed[k];
          if (s.model.contagion == scenario::ModelOptions::Contagion::kThreshold) {
            x = x >= s.model.threshold && x > 0.0 ? 1.0 : 0.0;
          }
          double hazard = w.external + params.imitation * x;
          if (now[i].account[k]) hazard *= params.reactivation;
          if (!decide(u, hazard)) continue;
          next.account[k] = true;
          if (!now[i].account[k] && params.activation < 1.0 && !decide(u, params.activation))
            continue;
          next.active[k] = true;
          next.left[k] = false;
          next.age[k] = 0;
          newly_active = true;
        } else {
          continue;
        }
        if (!w.organisation || now[i].follows[k]) continue;
        double chance = params.discovery;
        for (const auto& a : c.timeline.announcements()) {
          if (a.to == k && week >= a.first_week && week <= a.last_week && now[i].follows[a.from] &&
              (week == a.first_week || newly_active)) {
            chance += a.share;
          }
        }
        if (decide(u, chance)) next.follows[k] = true;
      }
      exits(week, i);
    }
  }

  void exits(std::uint32_t week, graph::NodeId i) {
    const auto& segments = c.graph.attributes().segment;
    ReferenceAgent& a = agents[i];
    for (std::size_t index = 0; index < c.scenario.events.size(); ++index) {
      const auto& e = c.scenario.events[index];
      if (e.kind != scenario::Event::Kind::kExit || e.week != week) continue;
      const unsigned segment = segments.empty() ? 0U : static_cast<unsigned>(segments[i]);
      if (((e.segments >> segment) & 1U) == 0 || !a.active[e.platform]) continue;
      rng::RandomStream draws(c.run, {rng::Stream::kModelEvent, i, week, index});
      if (!rng::bernoulli(draws, e.share)) continue;
      a.active[e.platform] = false;
      a.left[e.platform] = true;
      a.age[e.platform] = -1;
      for (const auto to : e.targets) {
        if (a.active[to]) continue;
        a.account[to] = a.active[to] = true;
        a.left[to] = false;
        a.age[to] = 0;
      }
    }
  }
};

}  // namespace sim::test
