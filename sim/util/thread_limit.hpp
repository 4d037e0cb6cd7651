#pragma once
/// How many worker threads oneTBB may use in this process: one limit for the whole process, set
/// once (the command line's --threads), read by the provenance of every results file.

#include <cstdint>

namespace sim::util {

/// Limits oneTBB to `threads` worker threads from now on (0: all cores). A later call replaces
/// the limit.
void limit_threads(int threads);

/// Threads oneTBB may use now.
std::uint64_t active_threads();

}  // namespace sim::util
