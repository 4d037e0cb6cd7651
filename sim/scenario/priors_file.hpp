#pragma once
/// A priors file: uncertain values kept apart from the scenarios, applied on top of each of them
/// like --set (`trek run|compare --priors FILE`). Same syntax as a scenario file's tables, only
/// numbers and distributions:
///   [platforms.x]
///   feed_reach = { lognormal = [0.03, 0.6] }   # source or "assumption"
///   churn = { uniform = [0.002, 0.012] }

#include <toml++/toml.h>

#include <string>
#include <vector>

namespace sim::scenario {

/// The file's values as key=value overrides, in key order (keys are distinct, so order does not
/// matter). InputError with file, line and key
/// for anything but numbers and distributions.
std::vector<std::string> priors_overrides(const std::string& path);

/// The same for one table of a document read from `path` (the `[parameters]` of a calibration
/// file), keys relative to the table.
std::vector<std::string> table_overrides(const toml::table& table, const std::string& path);

}  // namespace sim::scenario
