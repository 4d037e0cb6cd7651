#pragma once
/// Reading and checking a plan file (TOML). Every problem is an InputError naming the plan
/// file, the line and the key, with "did you mean" for unknown keys, platforms and metrics;
/// the base scenario is read with the plan's overrides, and a candidate at each end of every
/// free range is read as a scenario, so that nothing the search may propose is refused later.

#include <string>

#include "sim/optimize/plan.hpp"

namespace sim::optimize {

Plan read_plan(const std::string& path);

}  // namespace sim::optimize
