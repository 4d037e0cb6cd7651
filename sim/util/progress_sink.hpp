#pragma once
/// Where a long library call reports how far it is (the command line draws a bar from it): the
/// units of work ahead, then each unit as it is done. Results never depend on it.

#include <cstdint>
#include <string>

namespace sim::util {

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  /// `total` units of work are ahead; called once, before the first advance().
  virtual void begin(std::uint64_t total) { (void)total; }
  /// One unit is done; may be called from several threads at once.
  virtual void advance() {}
  /// A named step of the work is done ("scenario stay_on_x (1 of 7)"): for a log line where no
  /// bar can be drawn.
  virtual void milestone(const std::string& step) { (void)step; }
  /// The work is over (also after a failure).
  virtual void end() {}
};

/// A sink that ignores everything (the default of library calls).
inline ProgressSink& no_progress() {
  static ProgressSink sink;
  return sink;
}

}  // namespace sim::util
