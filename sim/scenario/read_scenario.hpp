#pragma once
/// Reading and validating a scenario file: the `extends` chain, `--set` overrides, every key's type
/// and range, unknown keys (with "did you mean"), and the consistency of the time line. Nothing
/// runs until this has passed.

#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sim::scenario {

/// Throws util::InputError (file, line, key) on the first problem.
Scenario read_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

/// The strategy in file `strategy` under the what-if in file `what_if` (document.hpp,
/// load_crossed_document): a strategy named "<strategy> under <what-if>", its `condition` the
/// what-if's name. InputError when `strategy` is not a strategy or `what_if` not a what-if.
Scenario read_crossed_scenario(const std::string& strategy, const std::string& what_if,
                               const std::vector<std::string>& overrides = {});

}  // namespace sim::scenario
