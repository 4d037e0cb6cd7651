#pragma once
/// The `[crisis]` table of a scenario and its `[crisis.channels.NAME]` alert channels
/// (docs/model.md, section Crisis reach).

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/table_reader.hpp"

namespace sim::scenario {

/// Reads `crisis` of the root table into s.crisis (absent: no crisis messages); util::InputError
/// (file, line, key) on the first problem.
void read_crisis(TableReader& root, Scenario& s);

}  // namespace sim::scenario
