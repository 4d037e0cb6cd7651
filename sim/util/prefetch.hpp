#pragma once
/// A hint to fetch the cache line of `address` for reading, so that a load issued later does not
/// wait for memory. No effect on results.

namespace sim::util {

inline void prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address, 0, 3);
#else
  static_cast<void>(address);
#endif
}

}  // namespace sim::util
