#pragma once
/// Eight unsigned bytes in one 64-bit word (byte k for platform k), compared and masked with
/// word operations instead of a loop per byte.

#include <cstdint>

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

}  // namespace sim::util
