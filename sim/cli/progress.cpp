#include "sim/cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

#include "sim/util/clock.hpp"

namespace sim::cli {

Progress::Progress(std::string unit, bool enabled)
    : unit_(std::move(unit)),
      shown_(enabled && ::isatty(STDERR_FILENO) == 1),
      logged_(enabled && !shown_) {}

Progress::~Progress() {
  end();
}

void Progress::begin(std::uint64_t total) {
  total_ = total;
  start_ = util::now_seconds();
}

void Progress::milestone(const std::string& step) {
  if (!logged_) return;
  std::fprintf(stderr, "trek: %s done after %.0f s\n", step.c_str(), util::seconds_since(start_));
  std::fflush(stderr);
}

void Progress::advance() {
  const std::uint64_t done = done_.fetch_add(1) + 1;
  if (!shown_) return;
  const double now = util::now_seconds();
  if (now - last_draw_.load() < 0.1 && done < total_) return;
  const std::unique_lock lock(draw_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  last_draw_ = now;
  draw(done);
}

void Progress::draw(std::uint64_t done) {
  constexpr int kWidth = 30;
  const double share = total_ == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total_);
  const double elapsed = util::seconds_since(start_);
  const double left = share > 0.0 ? elapsed * (1.0 - share) / share : 0.0;
  const int filled = static_cast<int>(share * kWidth);
  std::fprintf(stderr, "\r[%.*s%*s] %3.0f%% %llu/%llu %s, %.0f s left  ", filled,
               "##############################", kWidth - filled, "", 100.0 * share,
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_),
               unit_.c_str(), left);
  std::fflush(stderr);
}

void Progress::end() {
  if (!shown_) return;
  const std::lock_guard lock(draw_mutex_);
  std::fprintf(stderr, "\r%*s\r", 80, "");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace sim::cli
