#include "sim/sweep/sobol_sequence.hpp"

#include <array>
#include <stdexcept>

namespace sim::sweep {
namespace {

constexpr std::size_t kBits = 32;

/// Joe-Kuo primitive polynomials and initial direction numbers for dimensions 2.. (dimension 1
/// is the van der Corput sequence): degree s, coefficients a, initial m_1..m_s.
struct Primitive {
  std::size_t degree;
  std::uint32_t coefficients;
  std::array<std::uint32_t, 7> initial;
};

constexpr std::array<Primitive, kMaxSobolDimensions - 1> kJoeKuo{{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
}};

/// Direction numbers v_1..v_32 of one dimension (as 32-bit fractions).
std::array<std::uint32_t, kBits> directions_of(std::size_t dimension) {
  std::array<std::uint32_t, kBits> v{};
  if (dimension == 0) {
    for (std::size_t k = 0; k < kBits; ++k)
      v[k] = 1U << (kBits - 1 - k);
    return v;
  }
  const Primitive& p = kJoeKuo[dimension - 1];
  const std::size_t s = p.degree;
  for (std::size_t k = 0; k < s; ++k)
    v[k] = p.initial[k] << (kBits - 1 - k);
  for (std::size_t k = s; k < kBits; ++k) {
    v[k] = v[k - s] ^ (v[k - s] >> s);
    for (std::size_t j = 1; j < s; ++j) {
      if ((p.coefficients >> (s - 1 - j)) & 1U) v[k] ^= v[k - j];
    }
  }
  return v;
}

}  // namespace

SobolSequence::SobolSequence(std::size_t dimensions) : dimensions_(dimensions) {
  if (dimensions == 0 || dimensions > kMaxSobolDimensions) {
    throw std::invalid_argument("the Sobol sequence has 1 to " +
                                std::to_string(kMaxSobolDimensions) + " dimensions");
  }
  for (std::size_t d = 0; d < dimensions; ++d) {
    const auto v = directions_of(d);
    directions_.insert(directions_.end(), v.begin(), v.end());
  }
}

std::vector<double> SobolSequence::point(std::uint64_t index) const {
  // Gray code of the index: point i is the XOR of the direction numbers of its set bits.
  const std::uint64_t gray = index ^ (index >> 1);
  std::vector<double> out(dimensions_);
  for (std::size_t d = 0; d < dimensions_; ++d) {
    std::uint32_t x = 0;
    for (std::size_t k = 0; k < kBits; ++k) {
      if ((gray >> k) & 1U) x ^= directions_[d * kBits + k];
    }
    out[d] = static_cast<double>(x) / 4294967296.0;
  }
  return out;
}

}  // namespace sim::sweep
