#pragma once
/// Walker's alias method: O(1) draws from a fixed discrete distribution after O(n) set-up.

#include <cstdint>
#include <vector>

namespace sim::graph::generators {

class AliasTable {
 public:
  /// Weights must be non-negative with a positive sum.
  explicit AliasTable(const std::vector<double>& weights);

  /// Index drawn with probability weight[i] / sum, from one 64-bit random word.
  std::uint32_t sample(std::uint64_t bits) const;

  std::size_t size() const { return probability_.size(); }

 private:
  std::vector<double> probability_;
  std::vector<std::uint32_t> alias_;
};

}  // namespace sim::graph::generators
