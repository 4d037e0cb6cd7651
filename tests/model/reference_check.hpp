#pragma once
// Steps the weekly kernel and the serial reference model side by side and asserts that every
// agent's state agrees on every platform after every week.

#include <gtest/gtest.h>

#include "model/reference_model.hpp"
#include "sim/model/weekly_step.hpp"

namespace sim::test {

inline void expect_same_state(const ReferenceModel& reference, const model::AgentState& state,
                              std::uint32_t week) {
  for (std::size_t i = 0; i < state.agents(); ++i) {
    for (std::size_t k = 0; k < state.platforms; ++k) {
      const auto& a = reference.agents[i];
      const bool same = a.account[k] == model::has(state.account[i], k) &&
                        a.active[k] == model::has(state.active[i], k) &&
                        a.follows[k] == model::has(state.follows[i], k) &&
                        a.age[k] == (a.active[k] ? model::age_in(state.ages_of(i), k) : -1) &&
                        (!state.tracks_left() || a.left[k] == model::has(state.left[i], k));
      ASSERT_TRUE(same) << "week " << week << " agent " << i << " platform " << k << ": reference "
                        << a.account[k] << a.active[k] << a.follows[k] << " age " << a.age[k]
                        << ", kernel " << model::has(state.account[i], k)
                        << model::has(state.active[i], k) << model::has(state.follows[i], k)
                        << " age " << int{model::age_in(state.ages_of(i), k)};
    }
  }
}

inline void expect_matches_reference(const scenario::Scenario& s, const graph::Graph& graph) {
  const model::ModelContext context(s, graph, {s.seed, 2});
  ReferenceModel reference(context);
  model::AgentState now, next;
  model::initialise(context, now);
  next = now;
  expect_same_state(reference, now, 0);
  model::WeekCounts counts = model::count(context, now);
  for (std::uint32_t week = 0; week < s.weeks; ++week) {
    // Counted afresh and kept up to date from the agents that change: the same counts.
    model::AgentState next_alone = next;
    const model::WeekCounts afresh = model::step(context, week, now, next_alone);
    counts = model::step(context, week, now, next, {}, &counts);
    ASSERT_EQ(counts, afresh) << "week " << week;
    std::swap(now, next);
    reference.step(week);
    expect_same_state(reference, now, week + 1);
  }
}

}  // namespace sim::test
