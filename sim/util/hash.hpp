#pragma once
/// A stable 64-bit hash of text (FNV-1a): the same value on every machine and build, for names
/// that key random draws and for the identity of a sweep. Not for security.

#include <cstdint>
#include <string_view>

namespace sim::util {

inline constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;

/// FNV-1a of `text`, continuing from `hash` (chain calls to hash several texts in order).
inline std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = kFnvOffset) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace sim::util
