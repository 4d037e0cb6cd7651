#pragma once
/// Work spread over processes (MPI ranks): process `rank` of `ranks` runs item i of each round
/// where i % ranks == rank. After a round, `share(values, mine)` must give every process the whole
/// of `values`, each entry as the one process with mine[i] != 0 computed it, bit for bit; it is a
/// collective call, made by every process in the same order. With one process nothing is shared,
/// and results do not depend on the number of processes. Used by calibration and plan searches.

#include <cstddef>
#include <functional>
#include <vector>

namespace sim::util {

struct Spread {
  std::size_t rank = 0;
  std::size_t ranks = 1;
  std::function<void(std::vector<double>& values, const std::vector<char>& mine)> share;

  /// True when this process runs item `index` of a round.
  bool mine(std::size_t index) const { return index % ranks == rank; }
};

}  // namespace sim::util
