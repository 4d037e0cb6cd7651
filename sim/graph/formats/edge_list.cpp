// Edge-list parsing. Ids are read as unsigned 64-bit integers. Without a declared node count the
// distinct ids are ranked in increasing order (dense ids when few ids are missing: a presence
// array; otherwise a sort), so the numbering depends only on the set of ids in the file.

#include "sim/graph/formats/edge_list.hpp"

#include <tbb/parallel_sort.h>

#include <algorithm>
#include <charconv>
#include <fstream>

#include <cerrno>
#include "sim/graph/formats/line_reader.hpp"

#include "sim/util/error.hpp"

namespace sim::graph::formats {
namespace {

using ExternalArc = std::pair<std::uint64_t, std::uint64_t>;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

/// Parses one id at the front of `rest`; advances past it and one separator (blanks or a comma).
bool take_id(std::string_view& rest, std::uint64_t& id) {
  while (!rest.empty() && is_blank(rest.front()))
    rest.remove_prefix(1);
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
  if (error != std::errc{} || end == rest.data()) return false;
  rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
  if (!rest.empty() && !is_blank(rest.front()) && rest.front() != ',') return false;
  while (!rest.empty() && is_blank(rest.front()))
    rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == ',') rest.remove_prefix(1);
  return true;
}

std::string first_token(std::string_view text) {
  while (!text.empty() && is_blank(text.front()))
    text.remove_prefix(1);
  const auto end = text.find_first_of(" \t,");
  return std::string(text.substr(0, std::min<std::size_t>(end, 40)));
}

std::vector<ExternalArc> parse_arcs(const std::string& path, const EdgeListOptions& options) {
  LineReader reader(path);
  std::vector<ExternalArc> arcs;
  std::string_view line;
  while (reader.next(line)) {
    std::string_view rest = line.substr(0, line.find('#'));
    while (!rest.empty() && is_blank(rest.front()))
      rest.remove_prefix(1);
    if (rest.empty()) continue;
    std::uint64_t a = 0, b = 0;
    const util::InputLocation where{.file = path, .line = reader.line_number()};
    const std::string_view first = rest;
    if (!take_id(rest, a)) {
      throw util::InputError(
          where, "expected two non-negative integer ids, got '" + first_token(first) + "'");
    }
    const std::string_view second = rest;
    if (!take_id(rest, b)) {
      throw util::InputError(where, second.empty() ? "expected a second id on the line"
                                                   : "expected a non-negative integer id, got '" +
                                                         first_token(second) + "'");
    }
    while (!rest.empty() && is_blank(rest.front()))
      rest.remove_prefix(1);
    if (!rest.empty()) {
      throw util::InputError(where, "a third column ('" + first_token(rest) +
                                        "'): an edge list holds two ids per line (weights and "
                                        "other columns are not read)");
    }
    if (options.node_count && (a >= *options.node_count || b >= *options.node_count)) {
      throw util::InputError(where, "id " + std::to_string(std::max(a, b)) + " out of range [0, " +
                                        std::to_string(*options.node_count) + ")");
    }
    arcs.emplace_back(options.follows ? b : a, options.follows ? a : b);
  }
  if (arcs.empty()) throw util::InputError({.file = path}, "the edge list holds no arcs");
  return arcs;
}

/// The distinct ids in increasing order.
std::vector<std::uint64_t> distinct_ids(const std::vector<ExternalArc>& arcs) {
  std::uint64_t max_id = 0;
  for (const auto& [a, b] : arcs)
    max_id = std::max({max_id, a, b});
  std::vector<std::uint64_t> ids;
  if (max_id < std::max<std::uint64_t>(1 << 20, 4 * arcs.size())) {
    std::vector<bool> present(max_id + 1, false);
    for (const auto& [a, b] : arcs)
      present[a] = present[b] = true;
    for (std::uint64_t id = 0; id <= max_id; ++id) {
      if (present[id]) ids.push_back(id);
    }
    return ids;
  }
  ids.reserve(arcs.size() * 2);
  for (const auto& [a, b] : arcs)
    ids.insert(ids.end(), {a, b});
  tbb::parallel_sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

NodeId rank_of(const std::vector<std::uint64_t>& ids, std::uint64_t id) {
  return static_cast<NodeId>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
}

}  // namespace

Graph read_edge_list(const std::string& path, const EdgeListOptions& options, BuildReport* report) {
  if (options.node_count && *options.node_count > kMaxNodes) {
    throw util::InputError({.file = path}, "node count exceeds the 32-bit id range");
  }
  const std::vector<ExternalArc> external = parse_arcs(path, options);
  std::vector<Arc> arcs(external.size());
  if (options.node_count) {
    for (std::size_t i = 0; i < external.size(); ++i) {
      arcs[i] = {static_cast<NodeId>(external[i].first), static_cast<NodeId>(external[i].second)};
    }
    return build_graph(static_cast<NodeId>(*options.node_count), std::move(arcs), {}, report);
  }
  std::vector<std::uint64_t> ids = distinct_ids(external);
  if (ids.size() > kMaxNodes) throw util::InputError({.file = path}, "too many distinct ids");
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, external.size(), 1 << 14),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
          arcs[i] = {rank_of(ids, external[i].first), rank_of(ids, external[i].second)};
        }
      });
  NodeAttributes attributes;
  const auto n = static_cast<NodeId>(ids.size());
  attributes.external_id = std::move(ids);
  return build_graph(n, std::move(arcs), std::move(attributes), report);
}

void write_edge_list(const Graph& graph, const std::string& path) {
  std::ofstream out(path);
  if (!out) throw util::Error("cannot write " + path);
  const auto& external = graph.attributes().external_id;
  auto id = [&](NodeId node) { return external.empty() ? std::uint64_t{node} : external[node]; };
  out << "# trek edge list: SOURCE TARGET = TARGET follows SOURCE\n";
  for (NodeId u = 0; u < graph.node_count(); ++u) {
    for (NodeId v : graph.followers(u))
      out << id(u) << ' ' << id(v) << '\n';
  }
  out.close();  // the last buffered bytes are written here: check that too
  if (!out) throw util::SystemError(errno, "error while writing " + path);
}

}  // namespace sim::graph::formats
