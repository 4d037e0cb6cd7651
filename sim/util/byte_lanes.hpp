#pragma once
/// Eight unsigned bytes in one 64-bit word (byte k for platform k), compared and masked with
/// word operations instead of a loop per byte.

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sim::util {

/// Byte k is 0xFF where bit k of `bits` is set, else 0.
inline std::uint64_t spread_bits(std::uint8_t bits) {
  // Byte k of the product keeps bit k of its copy of `bits`; a byte is then non-zero exactly
  // where that bit is set, and adding 0x7F to a byte of at most 0x80 sets its high bit
  // without a carry into the next byte.
  const std::uint64_t picked = (bits * 0x0101010101010101ULL) & 0x8040201008040201ULL;
  const std::uint64_t high = (picked + 0x7F7F7F7F7F7F7F7FULL) & 0x8080808080808080ULL;
  return (high >> 7U) * 0xFFU;
}

/// The same byte in all eight lanes.
inline std::uint64_t broadcast(std::uint8_t byte) {
  return byte * 0x0101010101010101ULL;
}

/// Bit k set where byte k of x is at least byte k of y.
inline std::uint8_t bytes_at_least(std::uint64_t x, std::uint64_t y) {
  // In 16-bit lanes, 256 + x - y lies in [1, 511] (no borrow between lanes) and reaches bit 8
  // exactly when x >= y; the even and odd bytes take one set of lanes each.
  constexpr std::uint64_t kEven = 0x00FF00FF00FF00FFULL, kNine = 0x0100010001000100ULL;
  const std::uint64_t even = (((x & kEven) | kNine) - (y & kEven)) & kNine;
  const std::uint64_t odd = ((((x >> 8U) & kEven) | kNine) - ((y >> 8U) & kEven)) & kNine;
  // Gather bit 8 of each lane: multiplying the lanes' bits (0, 16, 32, 48) by these powers of two
  // puts them at bits 56, 58, 60 and 62 and every other product at distinct lower or
  // overflowing positions, so nothing carries: the even bytes' bits land on bits 0, 2, 4, 6 of
  // the top byte, the odd ones' one place higher.
  constexpr std::uint64_t kGather = (1ULL << 56U) | (1ULL << 42U) | (1ULL << 28U) | (1ULL << 14U);
  const std::uint64_t even_bits = ((even >> 8U) * kGather) >> 56U;
  const std::uint64_t odd_bits = ((odd >> 8U) * kGather) >> 56U;
  return static_cast<std::uint8_t>((even_bits & 0x55U) | ((odd_bits & 0x55U) << 1U));
}

/// Sixteen byte lanes in two words: lanes 0-7 in `low`, 8-15 in `high`.
struct Lanes16 {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
};

/// chosen_at_least (below) in word operations, for processors without SSE2.
inline std::uint16_t chosen_at_least_words(std::uint16_t choice, const Lanes16& when_set,
                                           const Lanes16& when_clear, const Lanes16& y) {
  const auto half = [](std::uint8_t bits, std::uint64_t set, std::uint64_t clear,
                       std::uint64_t against) {
    const std::uint64_t mask = spread_bits(bits);
    return static_cast<unsigned>(bytes_at_least((set & mask) | (clear & ~mask), against));
  };
  const unsigned low = half(static_cast<std::uint8_t>(choice), when_set.low, when_clear.low, y.low);
  const unsigned high =
      half(static_cast<std::uint8_t>(choice >> 8U), when_set.high, when_clear.high, y.high);
  return static_cast<std::uint16_t>(low | (high << 8U));
}

/// Bit k set where lane k of `x` is at least lane k of `y`, x's lane taken from `when_set` where
/// bit k of `choice` is set and from `when_clear` where it is not: a per-lane bound chosen by
/// a bit of the agent's state, compared with its coarse bytes, for sixteen platforms at once.
inline std::uint16_t chosen_at_least(std::uint16_t choice, const Lanes16& when_set,
                                     const Lanes16& when_clear, const Lanes16& y) {
#if defined(__SSE2__)
  // The choice bits as byte masks: bytes [lo, hi] widened to [lo x 8, hi x 8], then lane k keeps
  // bit k % 8 of its byte.
  __m128i bits = _mm_cvtsi32_si128(choice);
  bits = _mm_unpacklo_epi8(bits, bits);
  bits = _mm_unpacklo_epi16(bits, bits);
  bits = _mm_unpacklo_epi32(bits, bits);
  const __m128i select = _mm_set1_epi64x(static_cast<long long>(0x8040201008040201ULL));
  const __m128i mask = _mm_cmpeq_epi8(_mm_and_si128(bits, select), select);
  const auto load = [](const Lanes16& lanes) {
    return _mm_set_epi64x(static_cast<long long>(lanes.high), static_cast<long long>(lanes.low));
  };
  const __m128i x =
      _mm_or_si128(_mm_and_si128(mask, load(when_set)), _mm_andnot_si128(mask, load(when_clear)));
  // x >= y, unsigned, exactly where max(x, y) == x.
  const __m128i at_least = _mm_cmpeq_epi8(_mm_max_epu8(x, load(y)), x);
  return static_cast<std::uint16_t>(_mm_movemask_epi8(at_least));
#else
  return chosen_at_least_words(choice, when_set, when_clear, y);
#endif
}

/// Bit k set where lane k of `x` is at least lane k of `y`.
inline std::uint16_t at_least(const Lanes16& x, const Lanes16& y) {
  return chosen_at_least(0, x, x, y);
}

/// lanes_equal (below) in word operations, for processors without SSE2.
inline std::uint16_t lanes_equal_words(const Lanes16& x, std::uint8_t byte) {
  const auto half = [byte](std::uint64_t word) {
    // A lane of the difference is zero exactly where x's lane equals the byte.
    const std::uint64_t difference = word ^ broadcast(byte);
    return static_cast<unsigned>(
        static_cast<std::uint8_t>(~bytes_at_least(difference, broadcast(1))));
  };
  return static_cast<std::uint16_t>(half(x.low) | (half(x.high) << 8U));
}

/// Bit k set where lane k of `x` equals `byte`.
inline std::uint16_t lanes_equal(const Lanes16& x, std::uint8_t byte) {
#if defined(__SSE2__)
  const __m128i lanes =
      _mm_set_epi64x(static_cast<long long>(x.high), static_cast<long long>(x.low));
  const __m128i equal = _mm_cmpeq_epi8(lanes, _mm_set1_epi8(static_cast<char>(byte)));
  return static_cast<std::uint16_t>(_mm_movemask_epi8(equal));
#else
  return lanes_equal_words(x, byte);
#endif
}

}  // namespace sim::util
