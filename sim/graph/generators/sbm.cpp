// Stochastic block model (Holland, Laskey & Leinhardt 1983) with k equal blocks. Directed: every
// ordered pair (u, v), u != v, is an arc with probability p_in inside a block and p_out across:
// p_in = d_in / (|B| - 1), p_out = d_out / (n - |B|). Undirected: unordered pairs u < v, with the
// same probabilities, both arcs added. Candidates are walked with geometric skips.

#include "sim/graph/generators/sbm.hpp"

#include <algorithm>
#include <array>

#include "sim/graph/build.hpp"
#include "sim/graph/generators/collect_arcs.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace sim::graph::generators {
namespace {

NodeId block_start(std::uint64_t block, const SbmParams& params) {
  return static_cast<NodeId>((block * params.nodes + params.blocks - 1) / params.blocks);
}

}  // namespace

NodeId block_of(NodeId node, const SbmParams& params) {
  return static_cast<NodeId>(std::uint64_t{node} * params.blocks / params.nodes);
}

Graph generate_sbm(const SbmParams& params) {
  const NodeId n = params.nodes;
  auto arcs = collect_arcs(n, [&](NodeId u, std::vector<Arc>& out) {
    const NodeId own = block_of(u, params);
    const double own_size = block_start(own + 1, params) - block_start(own, params);
    const double p_in = own_size > 1 ? std::min(1.0, params.mean_degree_in / (own_size - 1)) : 0;
    const double p_out = n > own_size ? std::min(1.0, params.mean_degree_out / (n - own_size)) : 0;
    for (std::uint32_t block = 0; block < params.blocks; ++block) {
      rng::RandomStream draws({params.seed, 0},
                              {.stream = rng::Stream::kGraphArcs, .entity = u, .sub = block});
      const double p = block == own ? p_in : p_out;
      if (p <= 0.0) continue;  // no arcs here (a block of one node has no inside pairs)
      const NodeId first = params.directed ? block_start(block, params)
                                           : std::max(block_start(block, params), u + 1);
      const NodeId last = block_start(block + 1, params);
      const rng::GeometricSkip skip(p);
      for (std::uint64_t v = first + skip(draws.next()); v < last; v += 1 + skip(draws.next())) {
        if (v == u) continue;
        if (params.directed) {
          out.push_back({u, static_cast<NodeId>(v)});
        } else {
          push_edge(out, u, static_cast<NodeId>(v));
        }
      }
    }
  });
  NodeAttributes attributes;
  attributes.community.resize(n);
  for (NodeId u = 0; u < n; ++u)
    attributes.community[u] = block_of(u, params);
  return build_graph(n, std::move(arcs), std::move(attributes));
}

namespace {

constexpr std::array kSbmParameters{
    ParameterInfo{"n", "number of nodes"},
    ParameterInfo{"blocks", "number of equal-size communities"},
    ParameterInfo{"mean_degree_in", "expected arcs per node inside its community"},
    ParameterInfo{"mean_degree_out", "expected arcs per node to other communities"},
    ParameterInfo{"directed", "ordered pairs (true) or unordered pairs (false)"},
    ParameterInfo{"seed", "random seed"},
};

SbmParams sbm_params(const GeneratorSpec& spec) {
  const SpecReader reader(spec, kSbmParameters);
  SbmParams params;
  params.nodes = static_cast<NodeId>(reader.count("n", params.nodes, 2, kMaxNodes - 1));
  params.blocks =
      static_cast<std::uint32_t>(reader.count("blocks", params.blocks, 1, params.nodes));
  params.mean_degree_in = reader.real("mean_degree_in", params.mean_degree_in, 0.0, 1e6);
  params.mean_degree_out = reader.real("mean_degree_out", params.mean_degree_out, 0.0, 1e6);
  params.directed = reader.flag("directed", params.directed);
  params.seed = reader.count("seed", params.seed, 0, UINT64_MAX);
  return params;
}

Graph sbm_from_spec(const GeneratorSpec& spec) {
  return generate_sbm(sbm_params(spec));
}

void sbm_check(const GeneratorSpec& spec) {
  static_cast<void>(sbm_params(spec));
}

}  // namespace

GeneratorInfo sbm_generator() {
  return {"sbm", "stochastic block model with equal communities", kSbmParameters, sbm_from_spec,
          sbm_check};
}

}  // namespace sim::graph::generators
