#pragma once
/// Per-agent platform state, in compact arrays (one entry per agent, one bit or byte per platform,
/// up to scenario::kMaxPlatforms = 16 platforms):
///   account: has an account;  active: used the platform this week;  follows: follows the
///   organisation there (bit k of a 16-bit word: platform k);  age: weeks since the agent last
///   became active there;  seen: what its followers read of it, the active bits (low half) and the
///   bits of platforms it became active on within the model's influence horizon (high half), in one
///   32-bit word: the summary of an agent's state that the weekly step reads for every followee, in
///   a 248 KB array for 62,000 agents that stays in cache;  left: stopped being active there
///   during the run and has not come back (kept only when a platform has leave imitation: the
///   array is empty otherwise, so that runs without it move no more memory).
/// The ages of one agent are one 64-bit word per eight platforms, byte k of `ages` for platforms
/// 0-7 and byte k - 8 of `upper_ages` for platforms 8-15 (an array that exists only in scenarios
/// of more than eight platforms, so that smaller ones move no more memory), so that the weekly
/// step ages eight platforms with one word operation.
/// Memory: 18 bytes per agent, 26 with more than eight platforms, 2 more with `left`.

#include <bit>
#include <cstdint>
#include <vector>

#include "sim/util/byte_lanes.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sim::model {

/// A set of platforms: bit k for platform k.
using PlatformBits = std::uint16_t;
inline constexpr PlatformBits kEveryPlatform = 0xFFFF;
/// Platforms per 64-bit word of byte lanes (ages, coarse uniforms).
inline constexpr std::size_t kLanes = 8;

/// Age byte values: 0..kLongAgo-1 are weeks since activation; kLongAgo marks an agent active for
/// longer (and those active from the start); kInactive an agent not active there.
inline constexpr std::uint8_t kLongAgo = 254;
inline constexpr std::uint8_t kInactive = 255;
inline constexpr std::uint64_t kAllInactive = ~std::uint64_t{0};

/// An agent's ages on every platform, in byte lanes.
struct Ages {
  std::uint64_t low = kAllInactive;   ///< platforms 0-7
  std::uint64_t high = kAllInactive;  ///< platforms 8-15
  friend bool operator==(const Ages&, const Ages&) = default;
};

inline std::uint8_t age_in(std::uint64_t lanes, std::size_t lane) {
  return static_cast<std::uint8_t>(lanes >> (8 * lane));
}
inline std::uint64_t with_age(std::uint64_t lanes, std::size_t lane, std::uint8_t age) {
  const unsigned shift = 8 * static_cast<unsigned>(lane);
  return (lanes & ~(std::uint64_t{0xFF} << shift)) | (std::uint64_t{age} << shift);
}
inline std::uint8_t age_in(const Ages& ages, std::size_t platform) {
  return platform < kLanes ? age_in(ages.low, platform) : age_in(ages.high, platform - kLanes);
}
inline Ages with_age(Ages ages, std::size_t platform, std::uint8_t age) {
  if (platform < kLanes) {
    ages.low = with_age(ages.low, platform, age);
  } else {
    ages.high = with_age(ages.high, platform - kLanes, age);
  }
  return ages;
}
/// The age a week later: one more week, saturating at kLongAgo; kInactive stays.
inline std::uint8_t older(std::uint8_t age) {
  return age >= kLongAgo ? age : static_cast<std::uint8_t>(age + 1);
}

struct AgentState {
  std::size_t platforms = 0;
  std::vector<PlatformBits> account;
  std::vector<PlatformBits> active;
  std::vector<PlatformBits> follows;
  std::vector<std::uint32_t> seen;
  std::vector<std::uint64_t> ages;        ///< byte lanes of platforms 0-7
  std::vector<std::uint64_t> upper_ages;  ///< platforms 8-15; empty with at most eight platforms
  std::vector<PlatformBits> left;         ///< empty unless `tracks_left`

  AgentState() = default;
  AgentState(std::size_t agents, std::size_t platform_count, bool tracks_left = false)
      : platforms(platform_count),
        account(agents, 0),
        active(agents, 0),
        follows(agents, 0),
        seen(agents, 0),
        ages(agents, kAllInactive),
        upper_ages(platform_count > kLanes ? agents : 0, kAllInactive),
        left(tracks_left ? agents : 0, 0) {}

  std::size_t agents() const { return account.size(); }
  /// More than eight platforms: the upper age words exist.
  bool wide() const { return !upper_ages.empty(); }
  /// Who has left a platform is kept (some platform has leave imitation).
  bool tracks_left() const { return !left.empty(); }

  /// An agent's ages, for code that knows the width at compile time (kWide: wide()); with at
  /// most eight platforms the upper word is the constant kAllInactive, never loaded or stored.
  template <bool kWide>
  Ages ages_as(std::size_t agent) const {
    if constexpr (kWide) {
      return {ages[agent], upper_ages[agent]};
    } else {
      return {ages[agent], kAllInactive};
    }
  }
  template <bool kWide>
  void set_ages_as(std::size_t agent, const Ages& value) {
    ages[agent] = value.low;
    if constexpr (kWide) upper_ages[agent] = value.high;
  }
  Ages ages_of(std::size_t agent) const {
    return wide() ? ages_as<true>(agent) : ages_as<false>(agent);
  }
  void set_ages(std::size_t agent, const Ages& value) {
    if (wide()) {
      set_ages_as<true>(agent, value);
    } else {
      set_ages_as<false>(agent, value);
    }
  }
};

/// Every age of one word a week later (older() of each byte).
inline std::uint64_t older_ages(std::uint64_t ages) {
  // Ages 254 and 255 (and only they) become 0xFF with their low bit set; a byte of the
  // complement is then zero exactly where the age stays. Its high bit after adding 0x7F to the
  // low seven bits marks a non-zero byte, without carries between bytes.
  constexpr std::uint64_t kLow = 0x0101010101010101U, kHigh = 0x8080808080808080U;
  const std::uint64_t complement = ~(ages | kLow);
  const std::uint64_t grows = (((complement & ~kHigh) + ~kHigh) | complement) & kHigh;
  return ages + (grows >> 7U);
}

/// Every age a week later, as the step leaves an agent that changes nothing.
inline Ages older_ages(const Ages& ages) {
#if defined(__SSE2__) && defined(__x86_64__)
  // Sixteen lanes at once: a lane below kLongAgo compares to all ones (-1) and is incremented.
  const __m128i lanes =
      _mm_set_epi64x(static_cast<long long>(ages.high), static_cast<long long>(ages.low));
  const __m128i limit = _mm_set1_epi8(static_cast<char>(kLongAgo - 1));
  const __m128i grows = _mm_cmpeq_epi8(_mm_min_epu8(lanes, limit), lanes);
  const __m128i aged = _mm_sub_epi8(lanes, grows);
  return {static_cast<std::uint64_t>(_mm_cvtsi128_si64(aged)),
          static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(aged, aged)))};
#else
  return {older_ages(ages.low), older_ages(ages.high)};
#endif
}

/// Bit k set when lane k's age is below `horizon` weeks (a recent activation). Ages beyond the
/// scenario's platforms are kInactive and never count.
inline std::uint8_t recent_bits(std::uint64_t ages, std::uint8_t horizon) {
  return static_cast<std::uint8_t>(~util::bytes_at_least(ages, util::broadcast(horizon)));
}
inline PlatformBits recent_bits(const Ages& ages, std::uint8_t horizon) {
#if defined(__SSE2__)
  // Sixteen lanes in one comparison; all-inactive lanes are never recent.
  const util::Lanes16 limit{util::broadcast(horizon), util::broadcast(horizon)};
  return static_cast<PlatformBits>(~util::at_least({ages.low, ages.high}, limit));
#else
  // All-inactive lanes are never recent: skip the word of the upper platforms when none is used.
  const unsigned high = ages.high == kAllInactive ? 0U : recent_bits(ages.high, horizon);
  return static_cast<PlatformBits>(recent_bits(ages.low, horizon) | (high << kLanes));
#endif
}

inline std::uint32_t seen_word(PlatformBits active, PlatformBits recent) {
  return static_cast<std::uint32_t>(active) | (static_cast<std::uint32_t>(recent) << 16U);
}
inline PlatformBits active_part(std::uint32_t seen) {
  return static_cast<PlatformBits>(seen);
}
inline PlatformBits recent_part(std::uint32_t seen) {
  return static_cast<PlatformBits>(seen >> 16U);
}

inline bool has(PlatformBits bits, std::size_t platform) {
  return ((static_cast<unsigned>(bits) >> platform) & 1U) != 0;
}
inline PlatformBits with(PlatformBits bits, std::size_t platform) {
  return static_cast<PlatformBits>(bits | (1U << platform));
}
inline PlatformBits without(PlatformBits bits, std::size_t platform) {
  return static_cast<PlatformBits>(bits & ~(1U << platform));
}

/// The lowest platform in a non-empty set, and the set without it: loops over a set's platforms.
inline std::size_t lowest(PlatformBits bits) {
  return static_cast<std::size_t>(std::countr_zero(bits));
}
inline PlatformBits drop_lowest(PlatformBits bits) {
  return static_cast<PlatformBits>(bits & (bits - 1U));
}

}  // namespace sim::model
