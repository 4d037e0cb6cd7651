// Configuration model (Molloy & Reed 1995; "erased" variant of Britton, Deijfen & Martin-Löf
// 2006). Stubs are put in a random order by sorting them on Philox keys indexed by stub number,
// then consecutive stubs are paired. Degrees for the power-law variant are drawn per node by
// inverse-CDF lookup in the exact discrete distribution.

#include "sim/graph/generators/config.hpp"

#include <tbb/parallel_sort.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>

#include "sim/graph/build.hpp"
#include "sim/graph/generators/collect_arcs.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "sim/util/error.hpp"
#include "sim/util/parse_number.hpp"

namespace sim::graph::generators {
namespace {

std::vector<std::uint32_t> draw_power_law_degrees(const ConfigParams& params) {
  const std::uint32_t max_degree =
      params.max_degree != 0
          ? params.max_degree
          : static_cast<std::uint32_t>(std::sqrt(double(params.nodes) * params.min_degree));
  const auto pmf =
      power_law_pmf(params.exponent, params.min_degree, std::max(max_degree, params.min_degree));
  std::vector<double> cdf(pmf.size());
  double total = 0;
  for (std::size_t i = 0; i < pmf.size(); ++i)
    cdf[i] = (total += pmf[i]);
  std::vector<std::uint32_t> degrees(params.nodes);
  tbb::parallel_for(
      tbb::blocked_range<NodeId>(0, params.nodes, kGeneratorGrain),
      [&](const tbb::blocked_range<NodeId>& range) {
        for (NodeId u = range.begin(); u != range.end(); ++u) {
          const double x = rng::to_unit(rng::draw_bits(
              {params.seed, 0}, {.stream = rng::Stream::kGraphDegree, .entity = u}, 0));
          const auto at = std::upper_bound(cdf.begin(), cdf.end() - 1, x);
          degrees[u] = params.min_degree + static_cast<std::uint32_t>(at - cdf.begin());
        }
      });
  return degrees;
}

}  // namespace

std::vector<double> power_law_pmf(double exponent, std::uint32_t min_degree,
                                  std::uint32_t max_degree) {
  std::vector<double> pmf;
  double total = 0;
  for (std::uint32_t k = min_degree; k <= max_degree; ++k) {
    pmf.push_back(std::pow(static_cast<double>(k), -exponent));
    total += pmf.back();
  }
  for (double& p : pmf)
    p /= total;
  return pmf;
}

Graph generate_config(const ConfigParams& params) {
  const std::vector<std::uint32_t> degrees =
      params.degrees.empty() ? draw_power_law_degrees(params) : params.degrees;
  const auto n = static_cast<NodeId>(degrees.size());
  std::vector<std::pair<std::uint64_t, NodeId>> stubs;
  for (NodeId u = 0; u < n; ++u)
    stubs.insert(stubs.end(), degrees[u], {0, u});
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, stubs.size(), 1 << 14),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t i = range.begin(); i != range.end(); ++i) {
                        stubs[i].first = rng::draw_bits(
                            {params.seed, 0}, {.stream = rng::Stream::kGraphStubs, .entity = i}, 0);
                      }
                    });
  tbb::parallel_sort(stubs.begin(), stubs.end());
  std::vector<Arc> arcs;
  arcs.reserve(stubs.size());
  for (std::size_t i = 0; i + 1 < stubs.size(); i += 2) {
    push_edge(arcs, stubs[i].second, stubs[i + 1].second);
  }
  stubs = {};
  return build_graph(n, std::move(arcs));
}

std::vector<std::uint32_t> read_degree_sequence(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw util::InputError({.file = path}, "cannot open the degree-sequence file");
  std::vector<std::uint32_t> degrees;
  std::string line;
  for (std::uint64_t number = 1; std::getline(in, line); ++number) {
    const auto hash = line.find('#');
    std::string_view text(line.data(), hash == std::string::npos ? line.size() : hash);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
      text.remove_suffix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
      text.remove_prefix(1);
    if (text.empty()) continue;
    const auto degree = util::parse_unsigned(text);
    if (!degree || *degree > kMaxNodes) {
      throw util::InputError({.file = path, .line = number},
                             "expected a non-negative degree, got '" + std::string(text) + "'");
    }
    degrees.push_back(static_cast<std::uint32_t>(*degree));
  }
  if (degrees.empty()) throw util::InputError({.file = path}, "the degree sequence is empty");
  for (std::size_t u = 0; u < degrees.size(); ++u) {
    if (degrees[u] >= degrees.size()) {
      throw util::InputError({.file = path}, "degree " + std::to_string(degrees[u]) + " of node " +
                                                 std::to_string(u) + " is not below n");
    }
  }
  return degrees;
}

namespace {

constexpr std::array kConfigParameters{
    ParameterInfo{"n", "number of nodes (power-law variant)"},
    ParameterInfo{"gamma", "power-law exponent of the degree distribution"},
    ParameterInfo{"kmin", "smallest degree"},
    ParameterInfo{"kmax", "largest degree", "sqrt(n kmin)"},
    ParameterInfo{"degrees", "file with one degree per line (overrides n, gamma, kmin, kmax)",
                  "none"},
    ParameterInfo{"seed", "random seed"},
};

ConfigParams config_params(const GeneratorSpec& spec) {
  const SpecReader reader(spec, kConfigParameters);
  ConfigParams params;
  params.seed = reader.count("seed", params.seed, 0, UINT64_MAX);
  if (reader.has("degrees")) {
    for (const char* key : {"n", "gamma", "kmin", "kmax"}) {
      if (reader.has(key)) reader.fail(key, "cannot be combined with 'degrees'");
    }
    params.degrees = read_degree_sequence(reader.text("degrees", ""));
    return params;
  }
  params.nodes = static_cast<NodeId>(reader.count("n", params.nodes, 2, kMaxNodes - 1));
  params.exponent = reader.real("gamma", params.exponent, 1.01, 10.0);
  params.min_degree =
      static_cast<std::uint32_t>(reader.count("kmin", params.min_degree, 1, params.nodes - 1));
  params.max_degree = static_cast<std::uint32_t>(reader.count(
      "kmax", params.max_degree, params.min_degree, std::min<NodeId>(params.nodes - 1, 1u << 24)));
  return params;
}

Graph config_from_spec(const GeneratorSpec& spec) {
  return generate_config(config_params(spec));
}

void config_check(const GeneratorSpec& spec) {
  static_cast<void>(config_params(spec));
}

}  // namespace

GeneratorInfo config_generator() {
  return {"config", "configuration model from a degree sequence or a power law", kConfigParameters,
          config_from_spec, config_check};
}

}  // namespace sim::graph::generators
