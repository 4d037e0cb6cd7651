#pragma once
/// Distribution transforms over 64-bit random words. Trek's own, not <random>'s: the standard fixes
/// engines but not distribution algorithms, so <random> results could differ between libraries.
/// Each function takes a source with next() -> uint64 (a RandomStream) and documents how many draws
/// it consumes, so callers can keep draw indices stable.

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

/// Number of failures before the first success in Bernoulli(p) trials: the skip to the next
/// success when walking candidates with probability p each. One draw. p <= 0 gives the maximum,
/// 2^62: far beyond any candidate range, yet a candidate index plus a skip never overflows.
inline constexpr std::uint64_t kNeverSkip = std::uint64_t{1} << 62;
inline std::uint64_t geometric_skip_from(std::uint64_t bits, double p) {
  if (p >= 1.0) return 0;
  if (p <= 0.0) return kNeverSkip;
  const double skip = std::floor(std::log(to_unit_open(bits)) / std::log1p(-p));
  return skip >= static_cast<double>(kNeverSkip) ? kNeverSkip : static_cast<std::uint64_t>(skip);
}

template <class Source>
std::uint64_t geometric_skip(Source& source, double p) {
  return geometric_skip_from(source.next(), p);
}

/// Log-normal: exp(Normal(mu, sigma)). Two draws.
template <class Source>
double lognormal(Source& source, double mu, double sigma) {
  return std::exp(normal(source, mu, sigma));
}

}  // namespace sim::rng
