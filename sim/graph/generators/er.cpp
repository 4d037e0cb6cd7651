// G(n, p) by geometric skipping (Batagelj & Brandes 2005): node u draws the gap to its next
// partner from Geometric(p) instead of one coin per candidate. Directed: candidates are all v != u,
// indexed j in [0, n-1) with v = j + (j >= u). Undirected: candidates v > u, both arcs added.

#include "sim/graph/generators/er.hpp"

#include <array>

#include "sim/graph/build.hpp"
#include "sim/graph/generators/collect_arcs.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace sim::graph::generators {

Graph generate_er(const ErParams& params) {
  const NodeId n = params.nodes;
  if (n < 2) return build_graph(n, {});
  const double p = std::min(1.0, params.mean_degree / static_cast<double>(n - 1));
  const rng::RunKey key{params.seed, 0};
  const rng::GeometricSkip skip(p);
  auto arcs = collect_arcs(n, [&](NodeId u, std::vector<Arc>& out) {
    rng::RandomStream draws(key, {.stream = rng::Stream::kGraphArcs, .entity = u});
    const std::uint64_t first = params.directed ? 0 : std::uint64_t{u} + 1;
    const std::uint64_t last = params.directed ? n - 1 : n;  // candidate index range [first, last)
    for (std::uint64_t j = first + skip(draws.next()); j < last; j += 1 + skip(draws.next())) {
      if (params.directed) {
        out.push_back({u, static_cast<NodeId>(j + (j >= u ? 1 : 0))});
      } else {
        push_edge(out, u, static_cast<NodeId>(j));
      }
    }
  });
  return build_graph(n, std::move(arcs));
}

namespace {

constexpr std::array kErParameters{
    ParameterInfo{"n", "number of nodes"},
    ParameterInfo{"mean_degree", "mean out-degree (directed) or mean degree (undirected)"},
    ParameterInfo{"directed", "draw ordered pairs (true) or unordered pairs (false)"},
    ParameterInfo{"seed", "random seed"},
};

ErParams er_params(const GeneratorSpec& spec) {
  const SpecReader reader(spec, kErParameters);
  ErParams params;
  params.nodes = static_cast<NodeId>(reader.count("n", params.nodes, 1, kMaxNodes - 1));
  params.mean_degree = reader.real("mean_degree", params.mean_degree, 0.0, 1e6);
  params.directed = reader.flag("directed", params.directed);
  params.seed = reader.count("seed", params.seed, 0, UINT64_MAX);
  if (params.nodes > 1 && params.mean_degree > params.nodes - 1) {
    reader.fail("mean_degree", "must not exceed n - 1");
  }
  return params;
}

Graph er_from_spec(const GeneratorSpec& spec) {
  return generate_er(er_params(spec));
}

void er_check(const GeneratorSpec& spec) {
  static_cast<void>(er_params(spec));
}

}  // namespace

GeneratorInfo er_generator() {
  return {"er", "Erdős–Rényi G(n, p), p from the mean degree", kErParameters, er_from_spec,
          er_check};
}

}  // namespace sim::graph::generators
