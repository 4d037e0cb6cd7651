#pragma once
/// The `[[events]]` of a scenario: each type takes exactly its keys (docs/model.md), names its
/// platforms and segments, and the organisation's presence changes consistently over time.

#include <cstdint>
#include <string>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/table_reader.hpp"

namespace sim::scenario {

/// The index of platform `name` in the scenario; util::InputError at `where` with "did you
/// mean" otherwise.
std::uint32_t platform_named(const Scenario& s, const std::string& name,
                             const util::InputLocation& where);

/// Reads `events` of the root table into s.events (sorted by week, stable) and checks the time
/// line; util::InputError (file, line, key) on the first problem.
void read_events(TableReader& root, Scenario& s);

}  // namespace sim::scenario
