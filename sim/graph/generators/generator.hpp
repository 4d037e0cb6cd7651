#pragma once
/// The catalogue of graph generators and the entry point that runs one from a spec.
/// Every generator is deterministic for its seed whatever the thread count: its draws are keyed
/// by node, stub or arc through sim::rng, never by thread or iteration order.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/graph/generators/generator_spec.hpp"
#include "sim/graph/graph.hpp"

namespace sim::graph::generators {

struct GeneratorInfo {
  std::string_view name;
  std::string_view summary;
  std::span<const ParameterInfo> parameters;
  Graph (*generate)(const GeneratorSpec& spec);
  /// Reads and checks the spec's values as generate() would, without generating.
  void (*check)(const GeneratorSpec& spec);
};

/// All generators: er, ws, ba, config, sbm, follower.
std::span<const GeneratorInfo> generator_catalogue();

/// Runs the generator named in `spec`. Throws util::InputError for unknown names or bad values.
Graph generate(const GeneratorSpec& spec);

/// Checks a spec as generate() would (name, keys, values), without generating: util::InputError.
void check_spec(const GeneratorSpec& spec);

/// The default of each of the generator's parameters as text, in the order of its parameters:
/// the generator's own fallbacks, read by checking an empty spec; `computed` where it has one,
/// and "none" for a parameter without a default.
std::vector<std::string> parameter_defaults(const GeneratorInfo& generator);

/// True when `text` starts with "NAME:" or equals "NAME" for a known generator name.
bool is_generator_spec(std::string_view text);

// The individual generators' catalogue entries (defined in their own files).
GeneratorInfo er_generator();
GeneratorInfo ws_generator();
GeneratorInfo ba_generator();
GeneratorInfo config_generator();
GeneratorInfo sbm_generator();
GeneratorInfo follower_generator();

}  // namespace sim::graph::generators
