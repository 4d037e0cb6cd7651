#pragma once
/// Reading a damaged HDF5 file can crash inside the HDF5 library itself (it decodes object
/// headers without bounds checks in places; the fuzz harnesses found two such crashes in 1.10.8
/// within minutes). So the first reads of every HDF5 input run in a forked child process: if the
/// library crashes there, the command reports the file as damaged, in one line with exit code 2,
/// instead of dying with it.

#include <functional>
#include <string>

namespace sim::io {

/// How long a probe may take by default (milliseconds).
inline constexpr int kProbeLimitMilliseconds = 5000;

/// Runs probe() in a child process (fork) and returns when it completed. util::InputError naming
/// `path` when the probe threw util::InputError (its message), threw anything else, or the child
/// died (a signal, an abort of the HDF5 library). The probe must not use threads (oneTBB): only
/// the calling thread is copied into the child. Nothing it changes reaches this process.
/// A child still busy after `limit_ms` milliseconds (stuck in a damaged file) is killed and the
/// file reported as damaged; the probe reads headers only, so the default is generous.
void probe_input(const std::string& path, const std::function<void()>& probe,
                 int limit_ms = kProbeLimitMilliseconds);

}  // namespace sim::io
