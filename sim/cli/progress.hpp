#pragma once
/// A progress bar on stderr for long runs: drawn only on a terminal and without --quiet, redrawn at
/// most ten times a second, safe to advance from many threads. Without a terminal (a batch job,
/// a pipe) and without --quiet, each milestone is one line on stderr instead, with the time so far.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include "sim/util/progress_sink.hpp"

namespace sim::cli {

class Progress final : public util::ProgressSink {
 public:
  /// Units of work named `unit` ("weeks"); shown only when `enabled` and stderr is a tty.
  Progress(std::string unit, bool enabled);
  ~Progress() override;
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void begin(std::uint64_t total) override;
  void advance() override;
  void milestone(const std::string& step) override;
  /// Clears the bar.
  void end() override;

 private:
  void draw(std::uint64_t done);

  std::uint64_t total_ = 0;
  std::string unit_;
  bool shown_;
  bool logged_;  ///< milestones as lines (enabled, not a terminal)
  double start_ = 0.0;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<double> last_draw_{0.0};
  std::mutex draw_mutex_;
};

}  // namespace sim::cli
