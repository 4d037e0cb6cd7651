#include "sim/graph/attributes.hpp"

namespace sim::graph {

std::optional<Segment> parse_segment(std::string_view name) {
  for (std::size_t i = 0; i < kSegmentNames.size(); ++i) {
    if (kSegmentNames[i] == name) return static_cast<Segment>(i);
  }
  return std::nullopt;
}

bool NodeAttributes::consistent_with(std::size_t node_count) const {
  auto fits = [node_count](const auto& values) {
    return values.empty() || values.size() == node_count;
  };
  return fits(segment) && fits(external_id) && fits(community);
}

}  // namespace sim::graph
