#pragma once
/// Analytical results the cascade kernels are validated against (locally tree-like, large graphs).
///
/// Bond percolation: an IC cascade with transmission probability p on an undirected graph (both
/// arcs of each edge) reaches a giant share S of the nodes with probability S, where, with the
/// degree generating functions G0(x) = sum_k p_k x^k and G1(x) = G0'(x) / G0'(1),
///   u = 1 - p + p G1(u),   S = 1 - G0(u).
/// For Poisson degrees with mean z, G0 = G1 = exp(z (x - 1)) and S = 1 - exp(-z p S).
/// Watts (2002): with fraction threshold phi, a single seed can trigger a global cascade when the
/// vulnerable nodes (degree k <= 1/phi) percolate: sum_k k (k - 1) p_k [k <= 1/phi] > z.

#include <cstdint>
#include <utility>
#include <vector>

namespace sim::cascade::theory {

/// S solving S = 1 - exp(-z p S): giant share and probability of a large cascade on G(n, z/n).
double poisson_giant_share(double mean_degree, double p);

/// Expected final share reached on G(n, z/n) when each node is a seed with probability `rho`:
///   theta = 1 - p + p (1 - rho) exp(z (theta - 1)),  share = 1 - (1 - rho) exp(z (theta - 1)).
double poisson_seeded_share(double mean_degree, double p, double rho);

/// Giant share for a degree distribution given as counts of nodes by degree (index = degree).
double configuration_giant_share(const std::vector<double>& nodes_by_degree, double p);

/// sum_k k (k - 1) p_k [k <= 1/phi] - z for Poisson degrees with mean z: positive inside the
/// cascade window.
double watts_margin(double mean_degree, double phi);

/// The interval of mean degrees where watts_margin > 0 (searched on (0, 40]); {0, 0} if none.
std::pair<double, double> watts_window(double phi);

}  // namespace sim::cascade::theory
