// Preferential attachment with a ticket list (Batagelj & Brandes 2005): every node holds one
// ticket when it appears plus one per link it receives (directed: per follower; undirected: per
// edge end), so a uniform ticket picks a node with probability proportional to (degree + 1).
// The first m + 1 nodes start as a complete graph; each later node v picks m distinct targets and
// follows them (arcs target -> v), or in the undirected variant links to them.

#include "sim/graph/generators/ba.hpp"

#include <algorithm>
#include <array>

#include "sim/graph/build.hpp"
#include "sim/graph/generators/collect_arcs.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace sim::graph::generators {

Graph generate_ba(const BaParams& params) {
  const NodeId n = params.nodes;
  const NodeId core = std::min<NodeId>(n, params.links + 1);
  std::vector<Arc> arcs;
  std::vector<NodeId> tickets;
  tickets.reserve(std::size_t{n} * (params.links + 1) * 2);
  for (NodeId u = 0; u < core; ++u) {
    tickets.push_back(u);
    for (NodeId v = 0; v < core; ++v) {
      if (u == v) continue;
      arcs.push_back({u, v});
      tickets.push_back(u);
    }
  }
  std::vector<NodeId> chosen;
  for (NodeId v = core; v < n; ++v) {
    rng::RandomStream draws({params.seed, 0},
                            {.stream = rng::Stream::kGraphAttachment, .entity = v});
    chosen.clear();
    while (chosen.size() < params.links) {
      const NodeId u = tickets[rng::below(draws, tickets.size())];
      if (std::find(chosen.begin(), chosen.end(), u) == chosen.end()) chosen.push_back(u);
    }
    tickets.push_back(v);
    for (NodeId u : chosen) {
      if (params.directed) {
        arcs.push_back({u, v});
      } else {
        push_edge(arcs, u, v);
        tickets.push_back(v);
      }
      tickets.push_back(u);
    }
  }
  return build_graph(n, std::move(arcs));
}

namespace {

constexpr std::array kBaParameters{
    ParameterInfo{"n", "number of nodes"},
    ParameterInfo{"m", "links added by each new node"},
    ParameterInfo{"directed", "new nodes follow (true) or link symmetrically (false)"},
    ParameterInfo{"seed", "random seed"},
};

BaParams ba_params(const GeneratorSpec& spec) {
  const SpecReader reader(spec, kBaParameters);
  BaParams params;
  params.nodes = static_cast<NodeId>(reader.count("n", params.nodes, 1, kMaxNodes - 1));
  params.links = static_cast<std::uint32_t>(reader.count("m", params.links, 1, 100000));
  params.directed = reader.flag("directed", params.directed);
  params.seed = reader.count("seed", params.seed, 0, UINT64_MAX);
  if (params.links >= params.nodes) reader.fail("m", "must be smaller than n");
  return params;
}

Graph ba_from_spec(const GeneratorSpec& spec) {
  return generate_ba(ba_params(spec));
}

void ba_check(const GeneratorSpec& spec) {
  static_cast<void>(ba_params(spec));
}

}  // namespace

GeneratorInfo ba_generator() {
  return {"ba", "Barabási–Albert preferential attachment", kBaParameters, ba_from_spec, ba_check};
}

}  // namespace sim::graph::generators
