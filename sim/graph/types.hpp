#pragma once
/// Basic graph types. Arcs point the way information flows: u -> v means v follows u, so a post by
/// u reaches v. Node ids are dense 32-bit integers; arc indices are 64-bit.

#include <cstdint>
#include <limits>

namespace sim::graph {

using NodeId = std::uint32_t;
using ArcIndex = std::uint64_t;

inline constexpr NodeId kMaxNodes = std::numeric_limits<NodeId>::max();

/// One arc `source -> target`: target follows source.
struct Arc {
  NodeId source = 0;
  NodeId target = 0;
  friend bool operator==(const Arc&, const Arc&) = default;
};

/// Sort key of an arc: by source, then target.
inline std::uint64_t arc_key(const Arc& arc) {
  return (static_cast<std::uint64_t>(arc.source) << 32) | arc.target;
}

}  // namespace sim::graph
