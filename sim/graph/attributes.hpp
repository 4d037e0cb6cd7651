#pragma once
/// Per-node attributes, kept beside the graph in compact arrays (one entry per node, or empty).

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sim::graph {

/// The role of an account in the organisation's audience.
enum class Segment : std::uint8_t { kCitizen = 0, kMedia = 1, kPolitician = 2, kOrganisation = 3 };

inline constexpr std::size_t kSegmentCount = 4;
inline constexpr std::array<std::string_view, kSegmentCount> kSegmentNames{
    "citizen", "media", "politician", "organisation"};

inline std::string_view segment_name(Segment segment) {
  return kSegmentNames[static_cast<std::size_t>(segment)];
}

std::optional<Segment> parse_segment(std::string_view name);

/// Node attributes. Each vector is either empty (attribute absent) or has one entry per node.
struct NodeAttributes {
  std::vector<Segment> segment;            ///< role of each node
  std::vector<std::uint64_t> external_id;  ///< id in the source file (edge lists, GraphML order)
  std::vector<std::uint32_t> community;    ///< block of each node (block-model generators)

  /// True when every present attribute has exactly `node_count` entries.
  bool consistent_with(std::size_t node_count) const;
};

}  // namespace sim::graph
