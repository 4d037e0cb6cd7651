#include "sim/graph/generators/generator.hpp"

#include <array>
#include <vector>

#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"

namespace sim::graph::generators {

std::span<const GeneratorInfo> generator_catalogue() {
  static const std::array catalogue{er_generator(),     ws_generator(),  ba_generator(),
                                    config_generator(), sbm_generator(), follower_generator()};
  return catalogue;
}

Graph generate(const GeneratorSpec& spec) {
  std::vector<std::string_view> names;
  for (const auto& info : generator_catalogue()) {
    if (info.name == spec.name) return info.generate(spec);
    names.push_back(info.name);
  }
  throw util::InputError(
      {.file = "generator spec '" + spec.text + "'"},
      "unknown generator '" + spec.name + "'" + util::suggestion_suffix(spec.name, names));
}

bool is_generator_spec(std::string_view text) {
  const std::string_view name = text.substr(0, text.find(':'));
  for (const auto& info : generator_catalogue()) {
    if (info.name == name) return true;
  }
  return false;
}

}  // namespace sim::graph::generators
