// Layout (all under /graph):
//   attributes: format = "trek-graph", format_version = 2, nodes, arcs, direction, creator
//   out_offsets uint64[nodes + 1], out_targets uint32[arcs]   (contiguous: read at disk speed)
//   in_offsets uint64[nodes + 1], in_sources uint32[arcs], in_arcs uint64[arcs]
//     (the followee direction as the graph holds it, so loading builds nothing; version 1 files
//     lack them and are transposed on load)
//   attribute checksum: of the five arrays (see arrays_checksum); when it matches, loading checks
//     only what keeps the arrays safe to use, sequentially, and trusts that the followee rows are
//     the transpose; without it, the transpose is checked entry by entry (random access, slow).
//   nodes/segment uint8[nodes], nodes/external_id uint64[nodes], nodes/community uint32[nodes]
//     (each optional; segment codes are listed in the segment's `names` attribute)

#include "sim/graph/formats/graph_file.hpp"

#include "sim/io/h5_array.hpp"
#include "sim/io/probe.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>

#include "sim/graph/build.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/h5.hpp"
#include "sim/rng/philox.hpp"
#include "sim/util/error.hpp"

namespace sim::graph::formats {
namespace {

/// A checksum of arrays: FNV-style over 64-bit words in blocks of 2^20 words hashed in parallel,
/// the block hashes combined in order (so the result does not depend on the thread count).
template <class T>
std::uint64_t words_checksum(std::span<const T> values, std::uint64_t seed) {
  constexpr std::size_t kBlock = std::size_t{1} << 20;
  const std::size_t blocks = (values.size() + kBlock - 1) / kBlock;
  std::vector<std::uint64_t> hashes(blocks);
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    std::uint64_t h = 0xcbf29ce484222325ULL ^ b;
    const std::size_t end = std::min(values.size(), (b + 1) * kBlock);
    for (std::size_t i = b * kBlock; i < end; ++i)
      h = (h ^ static_cast<std::uint64_t>(values[i])) * 0x100000001b3ULL;
    hashes[b] = rng::mix64(h);
  });
  std::uint64_t h = rng::mix64(seed ^ values.size());
  for (const std::uint64_t block : hashes)
    h = rng::mix64(h ^ block);
  return h;
}

std::uint64_t arrays_checksum(std::span<const ArcIndex> offsets, std::span<const NodeId> targets,
                              std::span<const ArcIndex> in_offsets,
                              std::span<const NodeId> in_sources,
                              std::span<const ArcIndex> in_arcs) {
  std::uint64_t h = words_checksum(offsets, 1);
  h = words_checksum(targets, h);
  h = words_checksum(in_offsets, h);
  h = words_checksum(in_sources, h);
  return words_checksum(in_arcs, h);
}

std::string segment_names() {
  std::string names;
  for (std::size_t s = 0; s < kSegmentCount; ++s) {
    names += (s ? "," : "") + std::to_string(s) + "=" + std::string(kSegmentNames[s]);
  }
  return names;
}

void write_attributes(hid_t group, const NodeAttributes& attributes) {
  const io::Handle nodes = io::create_group(group, "nodes");
  if (!attributes.segment.empty()) {
    std::span<const std::uint8_t> codes(
        reinterpret_cast<const std::uint8_t*>(attributes.segment.data()),
        attributes.segment.size());
    io::write_vector(nodes.get(), "segment", codes, true);
    const io::Handle dataset = io::open_dataset(nodes.get(), "segment");
    io::write_attribute(dataset.get(), "names", segment_names());
  }
  if (!attributes.external_id.empty()) {
    io::write_vector<std::uint64_t>(nodes.get(), "external_id", attributes.external_id, true);
  }
  if (!attributes.community.empty()) {
    io::write_vector<std::uint32_t>(nodes.get(), "community", attributes.community, true);
  }
}

NodeAttributes read_attributes(hid_t group, const std::string& path, NodeId node_count) {
  NodeAttributes attributes;
  if (!io::has_link(group, "nodes")) return attributes;
  const io::Handle nodes = io::open_group(group, "nodes");
  auto checked_length = [&](const std::string& name) {
    if (io::vector_length(nodes.get(), name) != node_count) {
      throw util::InputError({.file = path, .key = "/graph/nodes/" + name},
                             "length differs from the node count " + std::to_string(node_count));
    }
  };
  if (io::has_link(nodes.get(), "segment")) {
    checked_length("segment");
    for (std::uint8_t code : io::read_vector<std::uint8_t>(nodes.get(), "segment")) {
      if (code >= kSegmentCount) {
        throw util::InputError({.file = path, .key = "/graph/nodes/segment"},
                               "unknown segment code " + std::to_string(code));
      }
      attributes.segment.push_back(static_cast<Segment>(code));
    }
  }
  if (io::has_link(nodes.get(), "external_id")) {
    checked_length("external_id");
    attributes.external_id = io::read_vector<std::uint64_t>(nodes.get(), "external_id");
  }
  if (io::has_link(nodes.get(), "community")) {
    checked_length("community");
    attributes.community = io::read_vector<std::uint32_t>(nodes.get(), "community");
  }
  return attributes;
}

void check_header(hid_t group, const std::string& path) {
  if (!io::has_attribute(group, "format") ||
      io::read_string_attribute(group, "format") != kGraphFormatName) {
    throw util::InputError({.file = path, .key = "/graph"}, "not a Trek graph file");
  }
  const std::uint64_t version = io::read_uint_attribute(group, "format_version");
  if (version != 1 && version != kGraphFormatVersion) {
    throw util::InputError({.file = path, .key = "/graph"},
                           "unsupported graph format version " + std::to_string(version) +
                               " (this trek reads version " + std::to_string(kGraphFormatVersion) +
                               ")");
  }
}

}  // namespace

void write_graph_file(const Graph& graph, const std::string& path, const std::string& creator,
                      const io::OutputPolicy& policy) {
  io::write_atomically(
      path,
      [&](const std::string& temporary) {
        io::Handle file = io::create_file(temporary);
        io::Handle group = io::create_group(file.get(), "graph");
        io::write_attribute(group.get(), "format", std::string(kGraphFormatName));
        io::write_attribute(group.get(), "format_version", kGraphFormatVersion);
        io::write_attribute(group.get(), "nodes", std::uint64_t{graph.node_count()});
        io::write_attribute(group.get(), "arcs", std::uint64_t{graph.arc_count()});
        io::write_attribute(
            group.get(), "direction",
            std::string("information flow: source -> target, target follows source"));
        io::write_attribute(group.get(), "creator", creator);
        io::write_vector(group.get(), "out_offsets", graph.out_offsets());
        io::write_vector(group.get(), "out_targets", graph.out_targets());
        const auto& backward = graph.boost_graph().m_backward;
        io::write_vector<ArcIndex>(group.get(), "in_offsets", backward.m_rowstart);
        io::write_vector<NodeId>(group.get(), "in_sources", backward.m_column);
        io::write_vector<ArcIndex>(group.get(), "in_arcs", backward.m_edge_properties);
        io::write_attribute(
            group.get(), "checksum",
            arrays_checksum(graph.out_offsets(), graph.out_targets(), backward.m_rowstart,
                            backward.m_column, backward.m_edge_properties));
        write_attributes(group.get(), graph.attributes());
        group = io::Handle();
        io::close_file(file);
      },
      policy);
}

namespace {

Graph read_graph(const std::string& path, const io::Handle& file) {
  if (!io::has_link(file.get(), "graph")) {
    throw util::InputError({.file = path}, "not a Trek graph file (no /graph group)");
  }
  const io::Handle group = io::open_group(file.get(), "graph");
  check_header(group.get(), path);
  try {
    auto offsets = io::read_vector<ArcIndex>(group.get(), "out_offsets");
    auto targets = io::read_vector<NodeId>(group.get(), "out_targets");
    const std::string problem = validate_csr(offsets, targets);
    if (!problem.empty()) throw util::InputError({.file = path, .key = "/graph"}, problem);
    const auto node_count = static_cast<NodeId>(offsets.size() - 1);
    NodeAttributes attributes = read_attributes(group.get(), path, node_count);
    if (!io::has_link(group.get(), "in_offsets")) {  // version 1: transpose here
      return graph_from_csr(std::move(offsets), std::move(targets), std::move(attributes));
    }
    auto in_offsets = io::read_vector<ArcIndex>(group.get(), "in_offsets");
    auto in_sources = io::read_vector<NodeId>(group.get(), "in_sources");
    auto in_arcs = io::read_vector<ArcIndex>(group.get(), "in_arcs");
    const bool vouched = io::has_attribute(group.get(), "checksum") &&
                         io::read_uint_attribute(group.get(), "checksum") ==
                             arrays_checksum(offsets, targets, in_offsets, in_sources, in_arcs);
    if (io::has_attribute(group.get(), "checksum") && !vouched) {
      throw util::InputError({.file = path, .key = "/graph"},
                             "damaged graph file: the arrays do not match their checksum");
    }
    const std::string wrong =
        vouched
            ? validate_followee_rows(node_count, targets.size(), in_offsets, in_sources, in_arcs)
            : validate_transpose(offsets, targets, in_offsets, in_sources, in_arcs);
    if (!wrong.empty()) throw util::InputError({.file = path, .key = "/graph"}, wrong);
    return graph_from_both(std::move(offsets), std::move(targets), std::move(in_offsets),
                           std::move(in_sources), std::move(in_arcs), std::move(attributes));
  } catch (const util::InputError&) {
    throw;
  } catch (const util::Error& e) {
    throw util::InputError({.file = path}, std::string("damaged graph file: ") + e.what());
  }
}

}  // namespace

/// What the probe reads: the header and every dataset's type and rank, not the arrays (a graph of
/// 10^8 arcs would be read twice, and its validation uses threads a forked child lacks).
void probe_graph(const std::string& path) {
  const io::Handle file = io::open_file_read(path);
  if (!io::has_link(file.get(), "graph")) return;  // the real read names this
  const io::Handle group = io::open_group(file.get(), "graph");
  check_header(group.get(), path);
  for (const char* name : {"out_offsets", "out_targets", "in_offsets", "in_sources", "in_arcs"}) {
    if (io::has_link(group.get(), name)) {
      io::require_dataset(group.get(), name, H5T_INTEGER, 1);
    }
  }
  if (io::has_attribute(group.get(), "checksum")) {
    static_cast<void>(io::read_uint_attribute(group.get(), "checksum"));
  }
  if (!io::has_link(group.get(), "nodes")) return;
  const io::Handle nodes = io::open_group(group.get(), "nodes");
  for (const char* name : {"segment", "external_id", "community"}) {
    if (io::has_link(nodes.get(), name)) {
      io::require_dataset(nodes.get(), name, H5T_INTEGER, 1);
    }
  }
}

Graph read_graph_file(const std::string& path) {
  io::probe_input(path, [&] { io::read_input(path, [&] { probe_graph(path); }); });
  const io::Handle file = io::open_file_read(path);
  return io::read_input(path, [&] { return read_graph(path, file); });
}

}  // namespace sim::graph::formats
