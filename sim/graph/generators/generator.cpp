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

namespace {

const GeneratorInfo& generator_of(const GeneratorSpec& spec) {
  std::vector<std::string_view> names;
  for (const auto& info : generator_catalogue()) {
    if (info.name == spec.name) return info;
    names.push_back(info.name);
  }
  throw util::InputError(
      {.file = "generator spec '" + spec.text + "'"},
      "unknown generator '" + spec.name + "'" + util::suggestion_suffix(spec.name, names));
}

}  // namespace

Graph generate(const GeneratorSpec& spec) {
  return generator_of(spec).generate(spec);
}

void check_spec(const GeneratorSpec& spec) {
  generator_of(spec).check(spec);
}

std::vector<std::string> parameter_defaults(const GeneratorInfo& generator) {
  const DefaultsRecorder recorder;
  generator.check(GeneratorSpec{std::string(generator.name), std::string(generator.name), {}});
  std::vector<std::string> defaults;
  for (const ParameterInfo& parameter : generator.parameters) {
    std::string value = parameter.computed.empty() ? recorder.value(parameter.key)
                                                   : std::string(parameter.computed);
    defaults.push_back(value.empty() ? "none" : value);
  }
  return defaults;
}

bool is_generator_spec(std::string_view text) {
  const std::string_view name = text.substr(0, text.find(':'));
  for (const auto& info : generator_catalogue()) {
    if (info.name == name) return true;
  }
  return false;
}

}  // namespace sim::graph::generators
