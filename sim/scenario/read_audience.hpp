#pragma once
/// The `[audience]` table of a scenario (docs/model.md, section Population): the anchor platform,
/// the organisation's follower counts per platform (`[audience.followers]`) and the account shares
/// of the agents outside the anchor's followers (`[audience.account_share]`), from which the
/// group sizes are solved.

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/table_reader.hpp"

namespace sim::scenario {

/// Reads `audience` of the root table into s.audience (after the platforms), solves the group
/// sizes and sets the generator's n in s.graph; util::InputError (file, line, key) on the first
/// problem, among them counts that the other groups alone exceed.
void read_audience(TableReader& root, Scenario& s);

/// The expected followers on platform j of the anchor group and of the other groups, for group
/// sizes `others` ([platform], 0 where none): what the solve matches to the counts.
double expected_followers(const Scenario& s, std::size_t platform,
                          const std::vector<double>& others);

}  // namespace sim::scenario
