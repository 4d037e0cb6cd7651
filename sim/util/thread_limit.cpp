#include "sim/util/thread_limit.hpp"

#include <tbb/global_control.h>

namespace sim::util {
namespace {

// Never destroyed at exit: oneTBB's own state may be gone by then. Still reachable, so no leak.
tbb::global_control*& installed_limit() {
  static tbb::global_control* control = nullptr;
  return control;
}

}  // namespace

void limit_threads(int threads) {
  delete installed_limit();
  installed_limit() = nullptr;
  if (threads > 0) {
    installed_limit() = new tbb::global_control(tbb::global_control::max_allowed_parallelism,
                                                static_cast<std::size_t>(threads));
  }
}

std::uint64_t active_threads() {
  return static_cast<std::uint64_t>(
      tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
}

}  // namespace sim::util
