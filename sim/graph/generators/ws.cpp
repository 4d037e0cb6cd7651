// Watts & Strogatz (1998): node u links to u + j (mod n) for j = 1..k/2; each such edge keeps its
// far end with probability 1 - beta, else the far end is replaced by a uniform node other than u.
// Directed variant: arcs u -> u + j and u -> u - j, each rewired independently.

#include "sim/graph/generators/ws.hpp"

#include <array>

#include "sim/graph/build.hpp"
#include "sim/graph/generators/collect_arcs.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace sim::graph::generators {
namespace {

/// The far end of lattice link `offset` (signed ring distance) of node u after rewiring.
NodeId far_end(const WsParams& params, NodeId u, std::int64_t offset) {
  const std::int64_t n = params.nodes;
  rng::RandomStream draws({params.seed, 0}, {.stream = rng::Stream::kGraphRewire,
                                             .entity = u,
                                             .sub = static_cast<std::uint64_t>(offset + n)});
  if (!rng::bernoulli(draws, params.rewire)) {
    return static_cast<NodeId>(((u + offset) % n + n) % n);
  }
  const auto pick = rng::below(draws, static_cast<std::uint64_t>(n - 1));
  return static_cast<NodeId>(pick + (pick >= u ? 1 : 0));
}

}  // namespace

Graph generate_ws(const WsParams& params) {
  const NodeId n = params.nodes;
  const std::int64_t half = params.neighbours / 2;
  auto arcs = collect_arcs(n, [&](NodeId u, std::vector<Arc>& out) {
    for (std::int64_t j = 1; j <= half; ++j) {
      if (params.directed) {
        out.push_back({u, far_end(params, u, j)});
        out.push_back({u, far_end(params, u, -j)});
      } else {
        push_edge(out, u, far_end(params, u, j));
      }
    }
  });
  return build_graph(n, std::move(arcs));
}

namespace {

constexpr std::array kWsParameters{
    ParameterInfo{"n", "number of nodes"},
    ParameterInfo{"k", "lattice degree (even): k/2 neighbours on each side"},
    ParameterInfo{"beta", "rewiring probability per lattice edge"},
    ParameterInfo{"directed", "independent arcs in both directions (true) or edges"},
    ParameterInfo{"seed", "random seed"},
};

WsParams ws_params(const GeneratorSpec& spec) {
  const SpecReader reader(spec, kWsParameters);
  WsParams params;
  params.nodes = static_cast<NodeId>(reader.count("n", params.nodes, 3, kMaxNodes - 1));
  params.neighbours = static_cast<std::uint32_t>(reader.count("k", params.neighbours, 2, 100000));
  params.rewire = reader.real("beta", params.rewire, 0.0, 1.0);
  params.directed = reader.flag("directed", params.directed);
  params.seed = reader.count("seed", params.seed, 0, UINT64_MAX);
  if (params.neighbours % 2 != 0) reader.fail("k", "must be even");
  if (params.neighbours >= params.nodes) reader.fail("k", "must be smaller than n");
  return params;
}

Graph ws_from_spec(const GeneratorSpec& spec) {
  return generate_ws(ws_params(spec));
}

void ws_check(const GeneratorSpec& spec) {
  static_cast<void>(ws_params(spec));
}

}  // namespace

GeneratorInfo ws_generator() {
  return {"ws", "Watts–Strogatz small world (ring lattice with rewiring)", kWsParameters,
          ws_from_spec, ws_check};
}

}  // namespace sim::graph::generators
