#pragma once
/// The Sobol low-discrepancy sequence (Joe and Kuo 2008 direction numbers, new-joe-kuo-6.21201),
/// unscrambled, in Gray-code order: point 0 is the origin. Up to kMaxSobolDimensions dimensions
/// and 2^32 points; point i is a pure function of i (so any subset can be re-made alone).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sim::sweep {

inline constexpr std::size_t kMaxSobolDimensions = 21;

class SobolSequence {
 public:
  /// Throws std::invalid_argument for 0 or more than kMaxSobolDimensions dimensions.
  explicit SobolSequence(std::size_t dimensions);

  /// Point `index` of the sequence, each coordinate in [0, 1).
  std::vector<double> point(std::uint64_t index) const;

  std::size_t dimensions() const { return dimensions_; }

 private:
  std::size_t dimensions_;
  std::vector<std::uint32_t> directions_;  // [dimension][bit], 32 bits per dimension
};

}  // namespace sim::sweep
