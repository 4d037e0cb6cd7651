#pragma once
/// The configuration model: a random undirected graph with a given degree sequence.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/graph/graph.hpp"

namespace sim::graph::generators {

struct ConfigParams {
  /// The degree sequence; when empty, n degrees are drawn from the power law below.
  std::vector<std::uint32_t> degrees;
  NodeId nodes = 1000;
  double exponent = 2.5;         ///< gamma in P(k) ~ k^-gamma, kmin <= k <= kmax
  std::uint32_t min_degree = 2;  ///< kmin
  std::uint32_t max_degree = 0;  ///< kmax; 0 means floor(sqrt(n * kmin)) (structural cut-off)
  std::uint64_t seed = 1;
};

/// Discrete power-law probabilities p_k for k = kmin..kmax (normalised), index k - kmin.
std::vector<double> power_law_pmf(double exponent, std::uint32_t min_degree,
                                  std::uint32_t max_degree);

/// Stub matching by sorting stubs on counter-based random keys (parallel and deterministic);
/// self-loops and repeated edges are erased, both arcs of each edge are added. An odd degree
/// sum loses its last stub.
Graph generate_config(const ConfigParams& params);

/// Reads a degree sequence: one non-negative integer per line, '#' comments, blank lines allowed.
/// Throws util::InputError naming the file and line.
std::vector<std::uint32_t> read_degree_sequence(const std::string& path);

}  // namespace sim::graph::generators
