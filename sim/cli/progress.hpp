#pragma once
/// A progress bar on stderr for long runs: drawn only on a terminal and without --quiet, redrawn at
/// most ten times a second, safe to advance from many threads.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace sim::cli {

class Progress {
 public:
  /// `total` units of work named `unit` ("weeks"); shown only when `enabled` and stderr is a tty.
  Progress(std::uint64_t total, std::string unit, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(std::uint64_t units = 1);
  /// Clears the bar.
  void finish();

 private:
  void draw(std::uint64_t done);

  std::uint64_t total_;
  std::string unit_;
  bool shown_;
  double start_;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<double> last_draw_{0.0};
  std::mutex draw_mutex_;
};

}  // namespace sim::cli
