#include "sim/cli/common.hpp"

#include <chrono>
#include <iostream>
#include <thread>

namespace sim::cli {

void add_common_options(CLI::App& command, CommonOptions& options) {
  command.add_option("--threads", options.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1, 4096));
  command.add_flag("--quiet,-q", options.quiet, "Print nothing but results and errors");
}

ThreadLimit::ThreadLimit(int threads) {
  if (threads > 0) {
    control_ = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                     static_cast<std::size_t>(threads));
  }
}

void inform(const CommonOptions& options, const std::string& message) {
  if (!options.quiet) std::cerr << message << '\n';
}

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double seconds_since(double start) {
  return now_seconds() - start;
}

}  // namespace sim::cli
