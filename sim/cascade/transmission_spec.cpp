// Reads transmission probabilities from the command line and from files: per segment as
// "name=p" pairs, per arc as one number per line ('#' starts a comment), each value checked to
// lie in [0, 1] with the file and line in the error.

#include "sim/cascade/transmission_spec.hpp"

#include "sim/graph/formats/line_reader.hpp"
#include "sim/util/did_you_mean.hpp"
#include "sim/util/error.hpp"
#include "sim/util/parse_number.hpp"
#include "sim/util/text.hpp"

namespace sim::cascade {
namespace {

double probability_value(std::string_view text, const util::InputLocation& where) {
  const auto value = util::parse_real(text);
  if (!value || *value < 0.0 || *value > 1.0) {
    throw util::InputError(where, "'" + std::string(text) + "' is not a probability in [0, 1]");
  }
  return *value;
}

}  // namespace

std::array<double, graph::kSegmentCount> parse_segment_probabilities(const std::string& text) {
  std::array<double, graph::kSegmentCount> p{};
  std::array<bool, graph::kSegmentCount> given{};
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    const std::string_view item = rest.substr(0, comma);
    rest = comma < rest.size() ? rest.substr(comma + 1) : std::string_view{};
    const std::size_t equals = item.find('=');
    const std::string name(util::trim(item.substr(0, equals)));
    const util::InputLocation where{text, 0, name};
    const auto segment = graph::parse_segment(name);
    if (!segment) {
      throw util::InputError(where, "unknown segment '" + name + "'" +
                                        util::suggestion_suffix(name, graph::kSegmentNames));
    }
    if (equals == std::string_view::npos) throw util::InputError(where, "expected segment=p");
    const auto index = static_cast<std::size_t>(*segment);
    p[index] = probability_value(util::trim(item.substr(equals + 1)), where);
    given[index] = true;
  }
  for (std::size_t s = 0; s < given.size(); ++s) {
    if (!given[s]) {
      throw util::InputError({text, 0, std::string(graph::kSegmentNames[s])},
                             "missing: give a probability for every segment");
    }
  }
  return p;
}

std::vector<float> read_arc_probabilities(const std::string& path) {
  graph::formats::LineReader reader(path);
  std::vector<float> p;
  std::string_view line;
  while (reader.next(line)) {
    const std::string_view value = util::trim(line.substr(0, line.find('#')));
    if (value.empty()) continue;
    p.push_back(static_cast<float>(probability_value(value, {path, reader.line_number(), "p"})));
  }
  return p;
}

}  // namespace sim::cascade
