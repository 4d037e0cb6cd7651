#pragma once
/// Scenario files as TOML documents: `extends` chains, merging and command-line overrides.
///
/// A scenario names its base with `extends = "base.toml"` (relative to its own folder). The merged
/// document is the base with the scenario's values on top: tables merge key by key, other values
/// replace, and the `events` array of tables is appended to the base's. Every node keeps the file
/// and line it came from, so errors point at the right file.

#include <toml++/toml.h>

#include <string>
#include <vector>

namespace sim::scenario {

/// Scenario and sweep files are small: a larger file is a wrong path, not a scenario.
inline constexpr std::size_t kMaxTomlBytes = std::size_t{4} << 20;

/// Loads `path` and its `extends` chain (cycles and missing files are InputErrors). When `chain`
/// is given, it receives the files read, `path` first and the last base last.
toml::table load_document(const std::string& path, std::vector<std::string>* chain = nullptr);

/// The strategy `strategy` under the what-if `what_if`: the strategy's merged document with the
/// what-if's own layers on top (the files of its extends chain that the strategy's chain does
/// not hold, in their order), less their name, description, kind and baseline keys. So the
/// what-if's events are appended to the strategy's and its values replace the strategy's.
/// `chain` receives every file read, the what-if's first.
toml::table load_crossed_document(const std::string& strategy, const std::string& what_if,
                                  std::vector<std::string>* chain = nullptr);

/// Applies "dotted.key=value" overrides; the value is read as a TOML value (number, boolean,
/// string, array), or as a string when it is not one. Throws InputError naming "--set".
void apply_overrides(toml::table& document, const std::vector<std::string>& overrides);

/// Parses a TOML file; a missing file or a syntax error is an InputError naming file and line.
toml::table parse_toml(const std::string& path);

/// The value of a number node as a double. Integers convert exactly up to 2^53 and to the
/// nearest double beyond (toml++'s value<double>() refuses those, which read as 0 once).
/// Precondition: node.is_number().
double number_of(const toml::node& node);

/// The line a node was defined on (0 when unknown) and its file.
std::uint64_t line_of(const toml::node& node);
std::string file_of(const toml::node& node, const std::string& fallback);

}  // namespace sim::scenario
