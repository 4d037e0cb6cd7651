#pragma once
/// Distribution transforms over 64-bit random words. Trek's own, not <random>'s: the standard fixes
/// engines but not distribution algorithms, so <random> results could differ between libraries.
/// Each function takes a source with next() -> uint64 (a RandomStream) and documents how many draws
/// it consumes, so callers can keep draw indices stable.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

namespace sim::rng {

inline constexpr double kTwoPowMinus53 = 1.0 / 9007199254740992.0;

/// Uniform in [0, 1) with 53 random bits. One draw.
inline double to_unit(std::uint64_t bits) {
  return static_cast<double>(bits >> 11) * kTwoPowMinus53;
}

/// Uniform in (0, 1]: safe to take the logarithm of. One draw.
inline double to_unit_open(std::uint64_t bits) {
  return static_cast<double>((bits >> 11) + 1) * kTwoPowMinus53;
}

template <class Source>
double uniform01(Source& source) {
  return to_unit(source.next());
}

/// Uniform in [low, high). One draw.
template <class Source>
double uniform(Source& source, double low, double high) {
  return low + (high - low) * uniform01(source);
}

/// True with probability p (p <= 0: never, p >= 1: always). One draw.
template <class Source>
bool bernoulli(Source& source, double p) {
  return uniform01(source) < p;
}

/// Exponential with the given rate (mean 1/rate). One draw.
template <class Source>
double exponential(Source& source, double rate) {
  return -std::log(to_unit_open(source.next())) / rate;
}

/// Normal(mean, sd) by the Box-Muller transform (one of the pair is used). Two draws.
template <class Source>
double normal(Source& source, double mean = 0.0, double sd = 1.0) {
  const double radius = std::sqrt(-2.0 * std::log(to_unit_open(source.next())));
  const double angle = 2.0 * std::numbers::pi * to_unit(source.next());
  return mean + sd * radius * std::cos(angle);
}

/// High 64 bits of the 128-bit product a * b: maps 64 random bits to [0, b) by scaling.
inline std::uint64_t multiply_high(std::uint64_t a, std::uint64_t b) {
  __extension__ using Uint128 = unsigned __int128;
  return static_cast<std::uint64_t>((static_cast<Uint128>(a) * b) >> 64);
}

/// Uniform integer in [0, n) without modulo bias (Lemire's multiply-and-reject).
/// One draw, rarely more (probability of a retry < n / 2^64). n must be > 0.
template <class Source>
std::uint64_t below(Source& source, std::uint64_t n) {
  const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
  while (true) {
    const std::uint64_t bits = source.next();
    if (bits * n >= threshold) return multiply_high(bits, n);  // low half of the product
  }
}

/// Uniform integer in [low, high] (inclusive). As below().
template <class Source>
std::int64_t integer_range(Source& source, std::int64_t low, std::int64_t high) {
  const auto span = static_cast<std::uint64_t>(high - low) + 1;
  if (span == 0) return static_cast<std::int64_t>(source.next());  // the full 64-bit range
  return low + static_cast<std::int64_t>(below(source, span));
}

/// Number of failures before the first success in Bernoulli(p) trials, for one fixed p with its
/// logarithm precomputed: the skip to the next success when walking candidates with probability p
/// each (inverse transform, one draw). p <= 0 gives kNever, 2^62: far beyond any candidate range,
/// yet a candidate index plus a skip never overflows.
class GeometricSkip {
 public:
  static constexpr std::uint64_t kNever = std::uint64_t{1} << 62;

  GeometricSkip() : GeometricSkip(0.0) {}
  explicit GeometricSkip(double p)
      : p_(p),
        inverse_log_q_(p > 0.0 && p < 1.0 ? 1.0 / std::log1p(-p) : 0.0),
        always_(p >= 1.0),
        never_(!(p > 0.0)) {}

  double probability() const { return p_; }

  /// The skip for 64 random bits.
  std::uint64_t operator()(std::uint64_t bits) const {
    if (always_) return 0;
    if (never_) return kNever;
    const double skip = std::floor(std::log(to_unit_open(bits)) * inverse_log_q_);
    return skip >= static_cast<double>(kNever) ? kNever : static_cast<std::uint64_t>(skip);
  }

 private:
  double p_ = 0.0;
  double inverse_log_q_ = 0.0;
  bool always_ = false;
  bool never_ = true;
};

/// A shortcut for GeometricSkip over short rows: whether skip(bits) >= n (no success in the first
/// n trials) is certain without the log. That holds exactly when the uniform is at most q^n; the
/// test uses q^n (1 - 1e-9), far outside the rounding of the log, so "certain" never disagrees
/// with the skip itself, and the few uniforms in the margin are left to it. Rows of up to
/// kRows - 1 entries.
class GeometricSkipBound {
 public:
  static constexpr std::size_t kRows = 64;

  GeometricSkipBound() : GeometricSkipBound(0.0) {}
  explicit GeometricSkipBound(double p) {
    const double log_q =
        p >= 1.0 ? -std::numeric_limits<double>::infinity() : std::log1p(-std::max(p, 0.0));
    below_[0] = 1.0 - 1e-9;  // every skip is at least 0
    for (std::size_t n = 1; n < kRows; ++n)
      below_[n] = std::exp(static_cast<double>(n) * log_q) * (1.0 - 1e-9);
  }

  /// True when skip(bits) >= n is certain; false when the skip must decide.
  bool surely_at_least(std::uint64_t bits, std::uint64_t n) const {
    return n < kRows && to_unit_open(bits) < below_[n];
  }

 private:
  std::array<double, kRows> below_{};
};

/// 32-bit half k (0..7) of a Philox4x64 block as a uniform in [0, 1) with resolution 2^-32: one
/// block gives eight such uniforms (one per platform, for example).
template <class Block>
double half_uniform(const Block& block, std::size_t k) {
  const std::uint64_t half = block.v[k / 2] >> (32 * (k % 2));
  return static_cast<double>(half & 0xFFFFFFFFU) * 0x1p-32;
}

/// Log-normal: exp(Normal(mu, sigma)). Two draws.
template <class Source>
double lognormal(Source& source, double mu, double sigma) {
  return std::exp(normal(source, mu, sigma));
}

}  // namespace sim::rng
