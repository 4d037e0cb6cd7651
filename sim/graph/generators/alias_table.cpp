// Vose's stable variant of Walker's alias method: small and large columns are paired so that each
// column holds its own index with probability probability_[i] and its alias otherwise.

#include "sim/graph/generators/alias_table.hpp"

#include <numeric>
#include <stdexcept>

namespace sim::graph::generators {

AliasTable::AliasTable(const std::vector<double>& weights)
    : probability_(weights.size(), 1.0), alias_(weights.size()) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (weights.empty() || !(total > 0)) throw std::invalid_argument("alias table needs weight");
  const double n = static_cast<double>(weights.size());
  std::vector<double> scaled(weights.size());
  std::vector<std::uint32_t> small, large;
  for (std::uint32_t i = 0; i < weights.size(); ++i) {
    scaled[i] = weights[i] * n / total;
    alias_[i] = i;
    (scaled[i] < 1.0 ? small : large).push_back(i);
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back(), l = large.back();
    small.pop_back();
    probability_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] -= 1.0 - scaled[s];
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // Left-overs are 1 up to rounding: they keep their own index.
}

std::uint32_t AliasTable::sample(std::uint64_t bits) const {
  // High 32 bits pick the column, low 32 bits the coin: independent enough for n < 2^32.
  const auto column =
      static_cast<std::uint32_t>(((bits >> 32) * static_cast<std::uint64_t>(size())) >> 32);
  const double coin = static_cast<double>(bits & 0xFFFFFFFFu) * (1.0 / 4294967296.0);
  return coin < probability_[column] ? column : alias_[column];
}

}  // namespace sim::graph::generators
